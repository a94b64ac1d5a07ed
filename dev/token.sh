#!/usr/bin/env bash
# Mints a development bearer token (RS256, signed with dev/jwt-dev-private.pem, which only the
# dev profile trusts). Usage: dev/token.sh TENANT_ID [ROLE] [SUBJECT]
#   ROLE: salesforce-admin (default), salesforce-viewer, memberpulse-service, platform-admin
set -euo pipefail
tenant=${1:?usage: dev/token.sh TENANT_ID [ROLE] [SUBJECT]}
role=${2:-salesforce-admin}
subject=${3:-dev-admin@example.com}
dir=$(cd "$(dirname "$0")" && pwd)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://dev.memberpulse.local","upn":"%s","sub":"%s","groups":["%s"],"tenant_id":"%s","iat":%d,"exp":%d}' \
  "$subject" "$subject" "$role" "$tenant" "$now" "$((now + 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$dir/jwt-dev-private.pem" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
