#!/usr/bin/env bash
# Vendor the web page's third-party files into src/dateline/web/static/ (run by maintainers only:
# the results are committed, so users who install from PyPI or git never need npm).
#   - Leaflet 1.9.4 (map), from its npm package's dist/
#   - a world outline GeoJSON, converted from npm world-atlas (Natural Earth 1:110m TopoJSON)
#     with topojson-client, coordinates rounded to 0.01 degree to keep the file small; rings that
#     cross the antimeridian are unwrapped (longitudes run past 180) so a flat map draws no
#     bands across the world, and Antarctica (a ring around the pole) is left out.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
static="$root/src/dateline/web/static"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent leaflet@1.9.4 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
mkdir -p leaflet atlas tc "$static/leaflet/images"
tar -xzf leaflet-1.9.4.tgz -C leaflet
tar -xzf world-atlas-2.0.2.tgz -C atlas
tar -xzf topojson-client-3.1.0.tgz -C tc
cp leaflet/package/dist/leaflet.js leaflet/package/dist/leaflet.css leaflet/package/LICENSE "$static/leaflet/"
cp leaflet/package/dist/images/*.png "$static/leaflet/images/"
node -e '
const topojson = require("./tc/package/dist/topojson-client.js");
const topo = require("./atlas/package/countries-110m.json");
const r2 = (x) => Math.round(x * 100) / 100;
const ring = (pts) => { let shift = 0, prev = null; return pts.map(([x, y]) => {
  if (prev !== null && Math.abs(x - prev) > 180) shift -= 360 * Math.sign(x - prev);
  prev = x; return [r2(x + shift), r2(y)]; }); };
const walk = (c) => Array.isArray(c[0][0]) ? c.map(walk) : ring(c);
const geo = topojson.feature(topo, topo.objects.countries);
geo.features = geo.features.filter((f) => f.properties.name !== "Antarctica").map((f) => ({type: "Feature",
  properties: {name: f.properties.name}, geometry: {type: f.geometry.type, coordinates: walk(f.geometry.coordinates)}}));
process.stdout.write(JSON.stringify(geo));
' > "$static/world.geojson"
echo "Natural Earth (public domain) via world-atlas 2.0.2 (ISC); Leaflet 1.9.4 (BSD-2-Clause)" > "$static/VENDORED.txt"
ls -l "$static" "$static/leaflet"
