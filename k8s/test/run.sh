#!/usr/bin/env bash
# Offline validation of the k8s/ manifests: installs the pinned schema packages from
# package-lock.json, then renders every kustomize directory with `kubectl kustomize` and checks
# schemas and invariants (validate.mjs). Needs node >= 20, npm and kubectl (or kustomize).
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "k8s validation: $tool is not installed" >&2; exit 1; }
done
command -v kubectl >/dev/null || command -v kustomize >/dev/null \
  || { echo "k8s validation: neither kubectl nor kustomize is installed" >&2; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
  echo "k8s validation: npm ci failed:" >&2
  cat "$log" >&2
  exit 1
fi

exec node --test validate.mjs
