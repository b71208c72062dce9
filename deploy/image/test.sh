#!/bin/sh
# Builds the image (deploy/image/build.sh) and checks it for real (ContainerImageIT): inspected with skopeo,
# unpacked with umoci, started in a read-only chroot as user 65532 against an in-process Kubernetes API.
# About 4 minutes with the Debian base cached in target/image/, 7-8 from scratch (the base takes 3.5), so .ci/run
# does not run it: run it before a release and after changing the image, the Deployment or the base packages.
# Needs root and the Debian packages mmdebstrap, umoci and skopeo.
set -eu
cd "$(dirname "$0")/../.."
mvn -B -q package -DskipTests
sh deploy/image/build.sh
archive=$(ls target/image/conoha-assistant-*.oci.tar)
mvn -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ContainerImageIT -Dimage.archive="$PWD/$archive"
