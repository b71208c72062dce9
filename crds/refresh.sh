#!/bin/sh
# Copies the CRDs the build generates from src/main/java/io/conoha/assistant/api/ into the two
# committed places (crds/ for kustomize and kubectl, charts/conoha-assistant/files/crds/ for Helm).
# CrdDriftTest fails until this has been run after a change to the API types.
#   crds/refresh.sh            # runs `mvn -o -q process-classes` first
#   crds/refresh.sh --no-build # only copies what target/ already holds
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q -o process-classes
fi
src=target/classes/META-INF/fabric8
for f in conohaservers.conoha-assistant.io-v1.yml conohaimages.conoha-assistant.io-v1.yml; do
  test -f "$src/$f" || { echo "missing $src/$f: run mvn process-classes" >&2; exit 1; }
  cp "$src/$f" crds/
  cp "$src/$f" charts/conoha-assistant/files/crds/
done
echo "CRDs refreshed in crds/ and charts/conoha-assistant/files/crds/"
