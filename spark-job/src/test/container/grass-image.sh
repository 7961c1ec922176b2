#!/usr/bin/env bash
# Test side: builds (once per machine) a minimal Debian bookworm image with GRASS GIS and GDAL
# from Debian packages, for the GRASS engine's container tests: debootstrap + chroot apt-get +
# podman import, no registry needed. The tag carries a hash of this script, so a changed recipe
# builds a new image and an unchanged one is reused (`podman image exists`).
#   grass-image.sh CONTAINERS_CONF_FILE   prints the image tag on its last line
# Needs root, debootstrap, podman and runc. DEBIAN_MIRROR overrides the mirror found in
# /etc/apt/sources.list*. The containers.conf it writes (podman here needs runc and no default
# ulimits) is what the test passes to podman as CONTAINERS_CONF.
set -euo pipefail

conf="${1:?usage: grass-image.sh CONTAINERS_CONF_FILE}"
recipe_hash="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)"
tag="localhost/eemt-grass-test:$recipe_hash"

mkdir -p "$(dirname "$conf")"
printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n' >"$conf"
export CONTAINERS_CONF="$conf"

for tool in debootstrap podman runc; do
  command -v "$tool" >/dev/null || { echo "grass-image: $tool not found (apt-get install debootstrap podman runc)" >&2; exit 3; }
done

# One build at a time on this machine; a second caller waits, then finds the image.
exec 9>/var/tmp/eemt-grass-test-image.lock
flock 9
if podman image exists "$tag"; then
  echo "$tag"
  exit 0
fi

mirror="${DEBIAN_MIRROR:-$(grep -rhoE '^(deb|URIs:) +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
  | awk '{print $NF}' | grep -E '/debian/?$' | head -n 1 || true)}"
[ -n "$mirror" ] || { echo "grass-image: no Debian mirror in /etc/apt/sources.list*; set DEBIAN_MIRROR" >&2; exit 3; }

rootfs="$(mktemp -d /var/tmp/eemt-grass-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
start=$SECONDS
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
chroot "$rootfs" apt-get update -q >/dev/null
chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends grass-core gdal-bin >/dev/null
chroot "$rootfs" apt-get clean
tar -C "$rootfs" -c . | podman import --change 'CMD ["bash"]' - "$tag" >/dev/null
# Images of earlier recipes are not used any more.
podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/eemt-grass-test:' | grep -vxF "$tag" | xargs -r podman rmi >/dev/null || true
echo "grass-image: built $tag from $mirror in $((SECONDS - start)) s" >&2
echo "$tag"
