#!/usr/bin/env bash
# deploy/local/demo-slice.sh — the thinnest end-to-end slice through the running suite
# (started by `deploy/local/suite up`; `deploy/local/suite demo` does both):
#
#   1. a real access token from Keycloak for planner-city (password grant on the public client
#      suiji-cli, which exists for local scripts and tests only; the password is the throwaway
#      local one from deploy/keycloak/suiji-realm.json),
#   2. POST a new GENERAL matter to catalog-service (the fields of the brief — code, name, category,
#      ratio — plus the other columns of the catalogue, taken from row 1 of the 2020 attachment, so
#      that it can be published), and publish it if catalog-service saved it as a DRAFT,
#   3. poll sampling-service until its read model of the matter answers 200 (the MatterPublished
#      event went catalog outbox -> Kafka catalog.matters -> sampling inbox),
#
# and prints both answers and the time the event took.
set -euo pipefail

KEYCLOAK="${SUIJI_KEYCLOAK_URL:-http://127.0.0.1:8180}"
CATALOG="${SUIJI_CATALOG_URL:-http://127.0.0.1:8081}"
SAMPLING="${SUIJI_SAMPLING_URL:-http://127.0.0.1:8083}"
USERNAME=planner-city
PASSWORD=planner-city        # throwaway local credential (deploy/keycloak/README.md)
TIMEOUT=60

say() { printf '[demo] %s\n' "$*"; }
die() { printf '[demo] error: %s\n' "$*" >&2; exit 1; }
now_ms() { local t="${EPOCHREALTIME/[.,]/}"; printf '%s' "$(( 10#$t / 1000 ))"; }
pretty() { if command -v jq >/dev/null 2>&1 && jq . <<<"$1" >/dev/null 2>&1; then jq . <<<"$1"; else printf '%s\n' "$1"; fi; }
command -v curl >/dev/null 2>&1 || die "curl is required"

# 1. Token.
token_json="$(curl -sS --max-time 10 "$KEYCLOAK/realms/suiji/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=suiji-cli \
  --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD")" \
  || die "Keycloak at $KEYCLOAK does not answer (deploy/local/suite infra up keycloak)"
token="$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$token_json")"
[[ -n "$token" ]] || die "no token for $USERNAME: $token_json"
say "token for $USERNAME from $KEYCLOAK/realms/suiji (${#token} characters)"

# 2. Create a matter.
code="DEMO-$(date +%Y%m%d%H%M%S)"
# The name carries the code: catalog-service rejects a second matter with the name of a seeded one
# (409 urn:suiji:problem:duplicate-matter-name; 人力资源服务机构管理检查 is PDS-2020-01).
name="人力资源服务机构管理检查（演示 $code）"
body="$(printf '{"code":"%s","name":"%s","category":"GENERAL","ratio":{"percent":5},%s}' "$code" "$name" \
  '"legalBases":["《中华人民共和国就业促进法》第六十、六十五条","《人力资源市场暂行条例》（国务院令700号）第三十五条、第四十三条"],'\
'"targetTypes":["人力资源服务机构"],"checkItems":["是否符合设立条件","经营情况和人力资源服务活动情况","法律、法规和规章规定的其他事项"],'\
'"methods":["ON_SITE"],"frequency":{"timesPerYear":1,"asNeeded":false},"implementingBody":"市、县人力资源社会保障部门",'\
'"responsibleUnits":["劳动保障监察局（支队）","人力资源流动管理科"]')"
say "POST $CATALOG/api/v1/matters  $body"
t0="$(now_ms)"
response="$(curl -sS --max-time 10 -w '\n%{http_code}' -X POST "$CATALOG/api/v1/matters" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/json' \
  --data-binary "$body")" || die "catalog-service at $CATALOG does not answer"
status="${response##*$'\n'}"; answer="${response%$'\n'*}"
say "catalog-service answered $status:"
pretty "$answer"
[[ "$status" == 2?? ]] || die "creating the matter failed (HTTP $status)"
if grep -q '"status" *: *"DRAFT"' <<<"$answer"; then
  say "POST $CATALOG/api/v1/matters/$code/publish"
  response="$(curl -sS --max-time 10 -w '\n%{http_code}' -X POST "$CATALOG/api/v1/matters/$code/publish" \
    -H "Authorization: Bearer $token" -H 'Accept: application/json')" || die "catalog-service at $CATALOG does not answer"
  status="${response##*$'\n'}"; answer="${response%$'\n'*}"
  say "catalog-service answered $status:"
  pretty "$answer"
  [[ "$status" == 2?? ]] || die "publishing the matter failed (HTTP $status)"
fi

# 3. Wait for sampling-service's read model.
say "polling $SAMPLING/api/v1/matters/$code (up to $TIMEOUT s)"
deadline=$(( t0 + TIMEOUT * 1000 ))
while :; do
  response="$(curl -sS --max-time 5 -w '\n%{http_code}' "$SAMPLING/api/v1/matters/$code" \
    -H "Authorization: Bearer $token" -H 'Accept: application/json' 2>/dev/null || printf '\n000')"
  status="${response##*$'\n'}"; answer="${response%$'\n'*}"
  [[ "$status" == 200 ]] && break
  (( $(now_ms) < deadline )) || die "sampling-service has no matter $code after $TIMEOUT s (last answer: HTTP $status $answer)"
  sleep 0.2
done
elapsed=$(( $(now_ms) - t0 ))
say "sampling-service answered 200:"
pretty "$answer"
say "matter $code reached sampling-service $((elapsed / 1000)).$(printf '%03d' $((elapsed % 1000))) s after the POST"
