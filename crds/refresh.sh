#!/bin/sh
# Writes the CRDs the build generates from src/main/java/io/conoha/assistant/api/, finished by CrdFinish
# (descriptions of root, spec and status, printer columns in declared order, conditions as a map list), into
# the two committed places: crds/ (kustomize, kubectl) and charts/conoha-assistant/files/crds/ (Helm).
# CrdDriftTest fails until this has been run after a change to the API types.
#   crds/refresh.sh
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o test -Dtest=CrdDriftTest -Dcrds.refresh=true -Dsurefire.failIfNoSpecifiedTests=false
echo "CRDs refreshed in crds/ and charts/conoha-assistant/files/crds/"
