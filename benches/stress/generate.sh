#!/usr/bin/env bash
# Make the stress dataset in OUTDIR: every first-level unit of Natural Earth v4.1 (4,556, from
# Debian's qgis-common, the package geodata/ already takes its outlines from) with a year of
# synthetic statuses, and 100,000 synthetic events at 5,000 places. See README.md.
#
# usage: benches/stress/generate.sh OUTDIR [generate.py options: --events N --places N --seed N]
#
# Needs apt-get with Debian 12 in its sources (or QANTAR_GPKG naming a world_map.gpkg already
# extracted) and python3. The download is checked against geodata/build/SHA256SUMS.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[[ $# -ge 1 ]] || { echo "usage: $0 OUTDIR [--events N] [--places N] [--seed N]" >&2; exit 2; }
out=$1
shift

if [[ -z ${QANTAR_GPKG:-} ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (
    cd "$work"
    apt-get download -q "qgis-common=3.22.16+dfsg-1" >/dev/null 2>&1 \
      || { echo "stress: apt-get download qgis-common=3.22.16+dfsg-1 failed (is Debian 12 in apt's sources?)" >&2; exit 1; }
    grep ' qgis-common_3.22.16+dfsg-1_all.deb$' "$here/../../geodata/build/SHA256SUMS" \
      | sha256sum --check --quiet
    dpkg-deb -x qgis-common_3.22.16+dfsg-1_all.deb qgis
  )
  QANTAR_GPKG="$work/qgis/usr/share/qgis/resources/data/world_map.gpkg"
fi

python3 "$here/generate.py" "$QANTAR_GPKG" "$out" "$@"
