#!/usr/bin/env bash
# Builds the eemt image (Debian bookworm, Java 17, GRASS and GDAL, eemt.jar and Spark's jars)
# from Debian packages with debootstrap: no container registry needed. Run as root after
# `mvn -B -DskipTests install`:
#   submit/container/build-image.sh [TAG]        (default localhost/eemt:latest)
# CONTAINER_RUNTIME: podman (default) or docker. DEBIAN_MIRROR: the Debian mirror to use
# (default: the first one in /etc/apt/sources.list*). podman in a sandbox may need
# CONTAINERS_CONF pointing at a file with "[containers]" and "default_ulimits = []".
set -euo pipefail

EEMT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tag="${1:-localhost/eemt:latest}"
runtime="${CONTAINER_RUNTIME:-podman}"
mirror="${DEBIAN_MIRROR:-$(grep -rhoE '^(deb|URIs:) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
  | awk '{print $NF}' | grep -E '/debian/?$' | head -n 1 || true)}"
[ -n "$mirror" ] || { echo "build-image: no Debian mirror found; set DEBIAN_MIRROR" >&2; exit 3; }
for tool in debootstrap "$runtime"; do
  command -v "$tool" >/dev/null || { echo "build-image: $tool not found (apt-get install debootstrap $runtime)" >&2; exit 3; }
done
[ -f "$EEMT_HOME/spark-job/target/eemt.jar" ] || { echo "build-image: build first: mvn -B -DskipTests install" >&2; exit 3; }

rootfs="$(mktemp -d)"
# Never remove the tree while /proc is mounted in it.
cleanup() { if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc" || return; fi; rm -rf "$rootfs"; }
trap cleanup EXIT
debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
chroot "$rootfs" apt-get update
# openjdk's post-installation script runs java, which needs /proc.
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  openjdk-17-jre-headless grass-core gdal-bin procps tini
umount "$rootfs/proc"
chroot "$rootfs" apt-get clean
chroot "$rootfs" useradd --uid 185 --create-home --shell /bin/bash eemt

# The checkout's layout, so that submit/eemt and eemt-submit work unchanged inside.
target="$rootfs/opt/eemt/spark-job/target"
mkdir -p "$target" "$rootfs/opt/spark"
cp -r "$EEMT_HOME/spark-job/target/eemt.jar" "$EEMT_HOME/spark-job/target/spark-jars" "$target/"
cp -r "$EEMT_HOME/submit" "$EEMT_HOME/conf" "$rootfs/opt/eemt/"
ln -s spark-job/target/eemt.jar "$rootfs/opt/eemt/eemt.jar"
ln -s /opt/eemt/spark-job/target/spark-jars "$rootfs/opt/spark/jars"
mkdir -p "$rootfs/data" "$rootfs/scratch" "$rootfs/var/lib/eemt/spark-events"
chroot "$rootfs" chown -R eemt:eemt /data /scratch /var/lib/eemt

tar -C "$rootfs" -c . | "$runtime" import \
  --change 'ENTRYPOINT ["/usr/bin/tini", "--", "/opt/eemt/submit/container/entrypoint.sh"]' \
  --change 'CMD ["help"]' \
  --change 'USER 185' \
  --change 'WORKDIR /opt/eemt' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 EEMT_CONF_DIR=/opt/eemt/conf' \
  - "$tag"
echo "build-image: $tag"
