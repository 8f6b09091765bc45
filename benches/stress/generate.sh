#!/usr/bin/env bash
# Make the stress dataset in OUTDIR: every first-level unit of Natural Earth v4.1 (4,556, from
# Debian's qgis-common, the package geodata/ already takes its outlines from) with a year of
# synthetic statuses, and 100,000 synthetic events at 5,000 places. See README.md.
#
# usage: benches/stress/generate.sh OUTDIR [--events N] [--places N] [--seed N] [--units N]
#
# Needs apt-get with Debian 12 in its sources (or QANTAR_GPKG naming a world_map.gpkg already
# extracted) and python3. The download is checked against geodata/build/SHA256SUMS.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
usage="usage: $0 OUTDIR [--events N] [--places N] [--seed N] [--units N]"
[[ $# -ge 1 ]] || { echo "$usage" >&2; exit 2; }
out=$1
shift

if [[ -z ${QANTAR_GPKG:-} ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (
    cd "$work"
    apt-get download -q "qgis-common=3.22.16+dfsg-1" >/dev/null 2>&1 || {
      echo "stress: apt-get download qgis-common=3.22.16+dfsg-1 failed" \
        "(is Debian 12 in apt's sources?)" >&2
      exit 1
    }
    sums=$here/../../geodata/build/SHA256SUMS
    grep ' qgis-common_3.22.16+dfsg-1_all.deb$' "$sums" >qgis.sha256 \
      || { echo "stress: $sums has no line for qgis-common_3.22.16+dfsg-1_all.deb" >&2; exit 1; }
    sha256sum --check --quiet qgis.sha256 \
      || { echo "stress: qgis-common_3.22.16+dfsg-1_all.deb does not match $sums" >&2; exit 1; }
    dpkg-deb -x qgis-common_3.22.16+dfsg-1_all.deb qgis
  )
  QANTAR_GPKG="$work/qgis/usr/share/qgis/resources/data/world_map.gpkg"
fi

python3 "$here/generate.py" "$QANTAR_GPKG" "$out" "$@"
