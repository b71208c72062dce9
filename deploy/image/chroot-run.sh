#!/bin/sh
# Runs a command of an unpacked image the way a kubelet runs the chart's pod, with no container engine:
# read-only root filesystem, an in-memory /tmp (32Mi), a fresh /proc, the host's /dev, an unprivileged user,
# and the kubeconfig copied to /tmp/kubeconfig. Call it inside new mount and PID namespaces:
#   unshare --mount --pid --fork --kill-child=SIGTERM --propagation private \
#     sh deploy/image/chroot-run.sh ROOTFS 65532:65532 KUBECONFIG -- java -jar /app/... operator --kubeconfig /tmp/kubeconfig
# The network namespace is the host's: the operator reaches an API server on 127.0.0.1.
set -eu
rootfs=$1 user=$2 kubeconfig=$3
shift 3
[ "${1:-}" = "--" ] && shift
mount --bind "$rootfs" "$rootfs"
mount -o remount,bind,ro "$rootfs"
mount -t tmpfs -o size=32m,mode=1777 tmpfs "$rootfs/tmp"
mount -t proc proc "$rootfs/proc"
mount --rbind /dev "$rootfs/dev"
install -m 0444 "$kubeconfig" "$rootfs/tmp/kubeconfig"
exec chroot --userspec="$user" "$rootfs" "$@"
