#!/usr/bin/env bash
# Builds the eemt image (Debian bookworm, Java 17, GRASS and GDAL, eemt.jar and Spark's jars)
# from Debian packages with debootstrap: no container registry needed. Run as root after
# `mvn -B -DskipTests package`:
#   submit/container/build-image.sh [TAG]        (default localhost/eemt:latest)
#   submit/container/build-image.sh --base-only  prints the base image's tag on its last line
# Two steps: the base image (Debian, Java, GRASS, GDAL) is built with debootstrap only when no
# image of the same recipe exists on this machine (its tag carries the recipe's hash); the eemt
# files are then added on top of it in seconds, so a rebuild after a code change is cheap.
# CONTAINER_RUNTIME: podman (default) or docker. DEBIAN_MIRROR: the Debian mirror to use
# (default: the first one in /etc/apt/sources.list*). podman in a sandbox may need CONTAINERS_CONF
# pointing at a file with "[containers]" / "default_ulimits = []" and "[engine]" / runtime = "runc".
set -euo pipefail

EEMT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base_only=false
if [ "${1:-}" = "--base-only" ]; then base_only=true; shift; fi
tag="${1:-localhost/eemt:latest}"
runtime="${CONTAINER_RUNTIME:-podman}"
packages=(openjdk-17-jre-headless grass-core gdal-bin procps tini)
base_tag="localhost/eemt-base:$(printf '%s\n' bookworm "${packages[@]}" | sha256sum | cut -c1-12)"

die() { echo "build-image: $1" >&2; exit 3; }
command -v "$runtime" >/dev/null || die "$runtime not found (apt-get install $runtime)"

build_base() {
  command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install debootstrap)"
  [ "$(id -u)" = 0 ] || die "building the base image needs root (debootstrap, chroot)"
  local mirror rootfs
  mirror="${DEBIAN_MIRROR:-$(grep -rhoE '^(deb|URIs:) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | awk '{print $NF}' | grep -E '/debian/?$' | head -n 1 || true)}"
  [ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list*; set DEBIAN_MIRROR"
  rootfs="$(mktemp -d /var/tmp/eemt-rootfs.XXXXXX)"
  # Never remove the tree while /proc is mounted in it.
  # shellcheck disable=SC2064  # expand now: this build's tree
  trap "if mountpoint -q '$rootfs/proc'; then umount '$rootfs/proc'; fi && rm -rf '$rootfs'" EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  chroot "$rootfs" apt-get update -q >/dev/null
  # openjdk's post-installation script runs java, which needs /proc.
  mount -t proc proc "$rootfs/proc"
  chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null
  umount "$rootfs/proc"
  chroot "$rootfs" apt-get clean
  chroot "$rootfs" useradd --uid 185 --create-home --shell /bin/bash eemt
  mkdir -p "$rootfs/data" "$rootfs/scratch" "$rootfs/var/lib/eemt/spark-events"
  chroot "$rootfs" chown -R eemt:eemt /data /scratch /var/lib/eemt
  tar -C "$rootfs" -c . | "$runtime" import --change 'CMD ["bash"]' - "$base_tag" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
  echo "build-image: built $base_tag from $mirror" >&2
}

# One base build at a time on this machine; a second caller waits, then finds the image.
exec 9>/var/tmp/eemt-base-image.lock
flock 9
"$runtime" image exists "$base_tag" 2>/dev/null || "$runtime" image inspect "$base_tag" >/dev/null 2>&1 || build_base
flock -u 9
if $base_only; then
  echo "$base_tag"
  exit 0
fi

if [ ! -f "$EEMT_HOME/spark-job/target/eemt.jar" ] || [ ! -d "$EEMT_HOME/spark-job/target/spark-jars" ]; then
  die "build first: mvn -B -DskipTests package"
fi
# The checkout's layout, so that submit/eemt, eemt-submit and eemt demo work unchanged inside.
stage="$(mktemp -d)"
container=""
# shellcheck disable=SC2064
trap "rm -rf '$stage'; [ -z \"\$container\" ] || '$runtime' rm \"\$container\" >/dev/null" EXIT
mkdir -p "$stage/opt/eemt/spark-job/target" "$stage/opt/eemt/data" "$stage/opt/spark"
cp -r "$EEMT_HOME/spark-job/target/eemt.jar" "$EEMT_HOME/spark-job/target/spark-jars" "$stage/opt/eemt/spark-job/target/"
cp -r "$EEMT_HOME/submit" "$EEMT_HOME/conf" "$stage/opt/eemt/"
cp -r "$EEMT_HOME/data/sample" "$stage/opt/eemt/data/"
ln -s spark-job/target/eemt.jar "$stage/opt/eemt/eemt.jar"
ln -s /opt/eemt/spark-job/target/spark-jars "$stage/opt/spark/jars"
container="$("$runtime" create "$base_tag")"
tar -C "$stage" -c opt | "$runtime" cp - "$container:/"
"$runtime" commit \
  --change 'ENTRYPOINT ["/usr/bin/tini", "--", "/opt/eemt/submit/container/entrypoint.sh"]' \
  --change 'CMD ["help"]' \
  --change 'USER 185' \
  --change 'WORKDIR /opt/eemt' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'ENV EEMT_CONF_DIR=/opt/eemt/conf' \
  "$container" "$tag" >/dev/null
echo "build-image: $tag (on $base_tag)"
