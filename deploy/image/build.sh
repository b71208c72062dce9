#!/bin/sh
# Builds the operator's container image without a Docker engine, from Debian packages only, into an OCI
# archive (target/image/conoha-assistant-<appVersion>.oci.tar) and an OCI layout (target/image/oci):
#   1. base: Debian bookworm (essential) + openjdk-17-jre-headless, made with mmdebstrap
#      (cached in target/image/base-rootfs.tar; delete it to rebuild; about 3.5 minutes and 330 MB);
#   2. a layer with target/conoha-assistant-operator.jar (the operator-only jar), the JVM flags file
#      /app/jvm.options (the flags `bench --operator-process` measures), the class-data archive
#      /app/operator.jsa (trained here, see train_class_data) and the user 65532;
#   3. the image config: user 65532:65532, entrypoint
#      `java @/app/jvm.options -XX:SharedArchiveFile=/app/operator.jsa -jar /app/conoha-assistant-operator.jar operator`,
#      JAVA_TOOL_OPTIONS, port 8080, OCI labels. Assembled with umoci, archived with skopeo.
# Needs root (mmdebstrap, tar keeping owners, chroot), the Debian packages mmdebstrap, umoci and skopeo, curl, and
# target/conoha-assistant.jar (its playground serves the training run).
#   deploy/image/build.sh                       # after mvn package
#   IMAGE_REPOSITORY=registry.example.com/ops/conoha-assistant deploy/image/build.sh
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^appVersion: "\(.*\)"$/\1/p' charts/conoha-assistant/Chart.yaml)
repository=${IMAGE_REPOSITORY:-$(sed -n 's/^  repository: //p' charts/conoha-assistant/values.yaml)}
jar=target/conoha-assistant-operator.jar
jvm_options=src/main/resources/io/conoha/assistant/jvm.options
out=target/image
test -f "$jar" || { echo "missing $jar: run mvn -B package -DskipTests first" >&2; exit 1; }
for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y --no-install-recommends $tool" >&2; exit 1; }
done
mkdir -p "$out"
java_tool_options='-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache'

wait_for() {
  what=$1
  shift
  tries=0
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 240 ] || { echo "timed out waiting for $what" >&2; exit 1; }
    sleep 0.5
  done
}

# The classes the operator's start-up loads, archived once here and mapped at every start instead of being loaded
# and verified again (bench --operator-process trains and measures the same way; see the README's Benchmarks).
# The training run is the image's own JVM, jar path and flags, chrooted into the image's root, against an
# in-process Kubernetes API (the full jar's playground), and stopped once ready: the JVM writes the archive as it
# exits. A JVM ignores an archive made by another JVM or for another jar, so it is made here, not copied in.
train_class_data() {
  rootfs=$1
  full=target/conoha-assistant.jar
  test -f "$full" || { echo "missing $full (its playground serves the training run): mvn -B package -DskipTests" >&2; exit 1; }
  kubeconfig="$out/training.kubeconfig"
  rm -f "$kubeconfig"
  java -jar "$full" playground --no-operator --kubeconfig "$kubeconfig" > "$out/training-playground.log" 2>&1 &
  playground=$!
  trap 'kill "$playground" 2>/dev/null || true' EXIT
  wait_for "the playground's kubeconfig" test -s "$kubeconfig"
  install -m 0444 "$kubeconfig" "$rootfs/tmp/kubeconfig"
  port=18089
  # One process all along (unshare, sh and chroot exec into java), so the TERM below reaches the JVM.
  unshare --mount --propagation private sh -c 'mount -t proc proc "$1/proc" && mount --rbind /dev "$1/dev" &&
    exec chroot "$1" /usr/bin/env JAVA_TOOL_OPTIONS="$2" java -XX:MaxRAM=512m @/app/jvm.options \
      -XX:ArchiveClassesAtExit=/app/operator.jsa -jar /app/conoha-assistant-operator.jar operator \
      --kubeconfig /tmp/kubeconfig --no-leader-election --http-host 127.0.0.1 --http-port "$3"' \
    sh "$rootfs" "$java_tool_options" "$port" > "$out/training-operator.log" 2>&1 &
  operator=$!
  wait_for "the training operator's /readyz" curl -sf "http://127.0.0.1:$port/readyz"
  kill -TERM "$operator"
  wait "$operator" || true
  kill "$playground" 2>/dev/null || true
  wait "$playground" 2>/dev/null || true
  trap - EXIT
  rm -f "$rootfs/tmp/kubeconfig"
  if [ ! -s "$rootfs/app/operator.jsa" ]; then
    echo "the training run wrote no class-data archive; its log:" >&2
    cat "$out/training-operator.log" >&2
    exit 1
  fi
  chown 0:0 "$rootfs/app/operator.jsa"
  chmod 0444 "$rootfs/app/operator.jsa"
}

base="$out/base-rootfs.tar"
if [ ! -s "$base" ]; then
  echo "building the base from Debian packages (mmdebstrap)..."
  mmdebstrap --variant=essential --include=openjdk-17-jre-headless \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
    bookworm "$base.tmp" http://deb.debian.org/debian
  mv "$base.tmp" "$base"
fi

rm -rf "$out/oci" "$out/bundle"
umoci init --layout "$out/oci"
umoci new --image "$out/oci:build"
umoci unpack --image "$out/oci:build" "$out/bundle"
tar -C "$out/bundle/rootfs" --numeric-owner -xpf "$base"
umoci repack --image "$out/oci:build" --history.created_by "mmdebstrap bookworm essential + openjdk-17-jre-headless" "$out/bundle"

rm -rf "$out/bundle"
umoci unpack --image "$out/oci:build" "$out/bundle"
root="$out/bundle/rootfs"
echo "conoha:x:65532:65532:ConoHa Assistant:/app:/usr/sbin/nologin" >> "$root/etc/passwd"
echo "conoha:x:65532:" >> "$root/etc/group"
mkdir -p "$root/app"
install -o 0 -g 0 -m 0444 "$jar" "$root/app/conoha-assistant-operator.jar"
install -o 0 -g 0 -m 0444 "$jvm_options" "$root/app/jvm.options"
# Whole seconds: the class-data archive records the jar's mtime, and the layer's tar rounds a fraction up, so a
# jar installed at 12:00:00.4 would come out of the image at 12:00:01 and the JVM would refuse the archive.
touch -d "@$(date +%s)" "$root/app/conoha-assistant-operator.jar"
train_class_data "$root"
umoci repack --image "$out/oci:build" --history.created_by "COPY $jar $jvm_options /app/; train /app/operator.jsa" \
  "$out/bundle"
rm -rf "$out/bundle"

umoci config --image "$out/oci:build" --tag "$version" \
  --config.user 65532:65532 --config.workingdir /app \
  --config.entrypoint java --config.entrypoint @/app/jvm.options \
  --config.entrypoint -XX:SharedArchiveFile=/app/operator.jsa \
  --config.entrypoint -jar --config.entrypoint /app/conoha-assistant-operator.jar \
  --config.entrypoint operator \
  --config.env 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --config.env "JAVA_TOOL_OPTIONS=$java_tool_options" \
  --config.exposedports 8080/tcp \
  --config.label "org.opencontainers.image.title=conoha-assistant" \
  --config.label "org.opencontainers.image.description=Kubernetes operator for ConoHa VPS servers and images" \
  --config.label "org.opencontainers.image.source=https://github.com/conoha-assistant/conoha-assistant" \
  --config.label "org.opencontainers.image.version=$version" \
  --config.label "org.opencontainers.image.licenses=Apache-2.0" \
  --config.label "org.opencontainers.image.base.name=debian:bookworm (mmdebstrap) + openjdk-17-jre-headless" \
  --history.created_by "umoci config: user, entrypoint, labels"
umoci rm --image "$out/oci:build"
umoci gc --layout "$out/oci"

archive="$out/conoha-assistant-$version.oci.tar"
rm -f "$archive"
skopeo copy --quiet "oci:$out/oci:$version" "oci-archive:$archive:$repository:$version"
echo "$archive ($repository:$version)"
