# Accords, JVM image of the PostgreSQL build.
#   docker build -t accords .
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/accords \
#     -e QUARKUS_DATASOURCE_USERNAME=accords -e QUARKUS_DATASOURCE_PASSWORD=... accords
# (Not built on the development machines, which have no container engine; see README.)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline -Ppostgresql
COPY src src
RUN ./mvnw -B -ntp -q package -DskipTests -Ppostgresql

FROM eclipse-temurin:17-jre
ENV LANGUAGE=en_US:en \
    JAVA_OPTS_APPEND="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin accords
WORKDIR /deployments
COPY --from=build --chown=10001:0 /src/target/quarkus-app/lib/ lib/
COPY --from=build --chown=10001:0 /src/target/quarkus-app/*.jar ./
COPY --from=build --chown=10001:0 /src/target/quarkus-app/app/ app/
COPY --from=build --chown=10001:0 /src/target/quarkus-app/quarkus/ quarkus/
USER 10001
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
