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
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home accountability
USER accountability
WORKDIR /app
COPY --from=build /src/target/fault-accountability.jar app.jar
# 8081: management port (health, Prometheus metrics) for operations only; do not publish it (docs/dashboard.md)
ENV DATA_DIR=/app/data PORT=8080 MANAGEMENT_PORT=8081
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8081/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
