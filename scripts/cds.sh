#!/usr/bin/env bash
# Start-up with class-data sharing (docs/performance.md "启动与内存 / Start-up and heap"): most of a start is loading
# and verifying some 20,000 classes; the JVM can map them from an archive instead. This unpacks the jar and records
# the archive from one training start on a throw-away embedded database.
#   scripts/cds.sh [jar] [directory]     default: target/fault-accountability.jar into target/app
# Then start the application with (same JVM, same unpacked files):
#   java -XX:SharedArchiveFile=target/app/app.jsa -jar target/app/fault-accountability.jar
# The Docker image does the same when it is built.
set -euo pipefail
jar="${1:-target/fault-accountability.jar}"
out="${2:-target/app}"
[ -f "$jar" ] || { echo "缺少 $jar：请先执行 ./mvnw -DskipTests package / $jar is missing: package first" >&2; exit 2; }
rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out" >/dev/null
training="$(mktemp -d)"
trap 'rm -rf "$training"' EXIT
# the training start: the whole context is built (engine, deployments, webapps), then the JVM exits and writes the
# archive; its own database is discarded, the real one is never touched
env -u DB_URL -u SPRING_PROFILES_ACTIVE DATA_DIR="$training" PORT=0 MANAGEMENT_PORT=0 \
  java -Xlog:cds*=error -XX:ArchiveClassesAtExit="$out/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$out/$(basename "$jar")" > "$training/training.log" 2>&1 \
  || { tail -n 40 "$training/training.log" >&2; echo "类数据共享训练启动失败 / the CDS training start failed" >&2; exit 1; }
echo "已生成 / written: $out/app.jsa ($(du -h "$out/app.jsa" | cut -f1)); 启动 / start with:"
echo "  java -XX:SharedArchiveFile=$out/app.jsa -jar $out/$(basename "$jar")"
