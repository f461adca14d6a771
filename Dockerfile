# syntax=docker/dockerfile:1
# Build: the same wrapper as on a developer machine; tests run in CI, not in the image build.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY decisions decisions
COPY forms forms
COPY calendar calendar
COPY documents documents
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home accountability && mkdir -p /app && chown accountability /app
USER accountability
WORKDIR /app
# class-data sharing (docs/performance.md "启动与内存"): the jar unpacked, and the classes of a training start on a
# throw-away embedded database recorded by this image's own JVM, so that a container starts in a fraction of the time
RUN --mount=type=bind,from=build,source=/src/target/fault-accountability.jar,target=/tmp/fault-accountability.jar \
    --mount=type=bind,source=scripts/cds.sh,target=/tmp/cds.sh \
    bash /tmp/cds.sh /tmp/fault-accountability.jar /app/application
# 8081: management port (health, Prometheus metrics) for operations only; do not publish it (docs/dashboard.md)
ENV DATA_DIR=/app/data PORT=8080 MANAGEMENT_PORT=8081
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8081/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application/app.jsa", "-XX:MaxRAMPercentage=75", \
  "-jar", "/app/application/fault-accountability.jar"]
