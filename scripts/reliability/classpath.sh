# Sourced by the reliability scripts: builds the packaged jar the nodes run and the driver (test classes), unless
# SKIP_BUILD=1, and sets CP to the driver's class path.
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
mkdir -p target/reliability
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/reliability/classpath.txt
CP="target/test-classes:target/classes:$(cat target/reliability/classpath.txt)"
