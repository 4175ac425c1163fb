# Verbatim as a container image, for those who build with Docker/Podman/Buildah rather than Jib
# (./mvnw -Pimage package jib:buildTar needs no daemon). Build the jar first:
#   ./mvnw -B -DskipTests package
#   docker build --build-arg BASE_IMAGE=eclipse-temurin:25-jre -t verbatim:dev .
# The image is meant for an external PostgreSQL (VERBATIM_DB_URL) and S3 (VERBATIM_STORAGE_ENGINE=s3);
# without them it starts the embedded database and filesystem store under /var/lib/verbatim.
ARG BASE_IMAGE=eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
ARG JAR=target/verbatim-*.jar
RUN groupadd --system --gid 10001 verbatim && useradd --system --uid 10001 --gid verbatim --home /var/lib/verbatim verbatim \
    && mkdir -p /var/lib/verbatim && chown verbatim:verbatim /var/lib/verbatim
COPY ${JAR} /opt/verbatim/verbatim.jar
USER 10001:10001
ENV VERBATIM_DATA_DIR=/var/lib/verbatim \
    JAVA_TOOL_OPTIONS="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75"
VOLUME /var/lib/verbatim
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/verbatim/verbatim.jar"]
