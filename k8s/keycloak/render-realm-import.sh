#!/usr/bin/env bash
# Regenerates k8s/base/keycloak/realm-import.yaml from danvan-realm.json.
#
# The Keycloak operator's KeycloakRealmImport takes the realm inline under spec.realm, so the
# committed JSON is the single source and the CR is derived from it. Run this after every change
# to danvan-realm.json and commit both files. Needs python3 with PyYAML.
#
#   bash k8s/keycloak/render-realm-import.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 - "$here/danvan-realm.json" "$here/../base/keycloak/realm-import.yaml" <<'PY'
import json, sys, yaml

src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    realm = json.load(f)
cr = {
    "apiVersion": "k8s.keycloak.org/v2alpha1",
    "kind": "KeycloakRealmImport",
    "metadata": {"name": "danvan-realm"},
    "spec": {"keycloakCRName": "danvan-keycloak", "realm": realm},
}
text = yaml.safe_dump(cr, sort_keys=False, allow_unicode=True, width=4096)
# The generated YAML must read back as exactly the JSON, or the import would differ from it.
if yaml.safe_load(text)["spec"]["realm"] != realm:
    sys.exit("round trip changed the realm")
with open(dst, "w", encoding="utf-8") as f:
    f.write("# Generated from k8s/keycloak/danvan-realm.json by k8s/keycloak/render-realm-import.sh.\n")
    f.write("# Do not edit by hand: edit the JSON and run the script again.\n")
    f.write(text)
PY
echo "wrote k8s/base/keycloak/realm-import.yaml"
