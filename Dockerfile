# syntax=docker/dockerfile:1
# ConoHa Assistant operator image.
#   mvn -B package -DskipTests        # builds target/conoha-assistant.jar (shaded)
#   docker build -t ghcr.io/conoha-assistant/conoha-assistant:0.1.0 .
# The tag follows the chart's appVersion; never publish or deploy `latest`.
#
# Base: Eclipse Temurin 17 JRE on Ubuntu 24.04, pinned to a release. To update, bump the tag (and,
# for reproducible builds, pin its digest: FROM eclipse-temurin:<tag>@sha256:...).
FROM eclipse-temurin:17.0.16_8-jre-noble

LABEL org.opencontainers.image.title="conoha-assistant" \
      org.opencontainers.image.description="Kubernetes operator for ConoHa VPS servers and images" \
      org.opencontainers.image.source="https://github.com/conoha-assistant/conoha-assistant" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="Apache-2.0"

# A fixed unprivileged user (same id as the chart's podSecurityContext), with no login shell.
RUN groupadd --system --gid 65532 conoha \
 && useradd --system --uid 65532 --gid 65532 --home-dir /app --no-create-home --shell /usr/sbin/nologin conoha

WORKDIR /app
COPY --chown=0:0 --chmod=0444 target/conoha-assistant.jar /app/conoha-assistant.jar
# The operator's JVM flags (GC, JIT, thread stacks): one file, the one `bench --operator-process` measures.
COPY --chown=0:0 --chmod=0444 src/main/resources/io/conoha/assistant/jvm.options /app/jvm.options

# Heap follows the container memory limit; temporary files go to /tmp (an in-memory emptyDir in the
# Deployment, whose root filesystem is read-only). The Deployment sets the same JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache"

USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/conoha-assistant.jar", "operator"]
