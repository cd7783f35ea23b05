# Accords as a native executable in a minimal image: the PostgreSQL build, compiled by Mandrel.
#
#   docker build -t accords .
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/accords \
#     -e QUARKUS_DATASOURCE_USERNAME=accords -e QUARKUS_DATASOURCE_PASSWORD=... accords
#
# Needs nothing but Docker: the builder stage brings the JDK, Maven (through the wrapper) and native-image.
# The JVM image is built by src/main/docker/Dockerfile.jvm. Neither was built on the development machines,
# which have no container engine (see README).

## Stage 1: compile the native executable
FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 AS build
USER root
WORKDIR /code
COPY --chown=1001:0 mvnw ./
COPY --chown=1001:0 .mvn .mvn
COPY --chown=1001:0 pom.xml ./
RUN chown 1001:0 /code
USER 1001
RUN ./mvnw -B -ntp -q dependency:go-offline -Ppostgresql
COPY --chown=1001:0 src src
RUN ./mvnw -B -ntp package -DskipTests -Ppostgresql -Dnative

## Stage 2: a minimal runtime with the executable only, run as a non-root user
FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0
WORKDIR /work/
RUN chown 1001:0 /work && chmod g+rwX /work
COPY --from=build --chown=1001:0 --chmod=0755 /code/target/*-runner /work/application
# 8080: the API; 9000: health and metrics (the management interface), for probes and Prometheus only.
EXPOSE 8080 9000
USER 1001
ENTRYPOINT ["./application", "-Dquarkus.http.host=0.0.0.0"]
