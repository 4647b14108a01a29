#!/usr/bin/env bash
# The README's walk-through: one ticket from the phone call to the scheduled callback,
# against a running Aftercare (`aftercare up`). Needs curl and python3 (to read JSON).
# Signs in as the administrator: AFTERCARE_ADMIN_PASSWORD (the one `aftercare up` printed on
# first start, or the one it was given), AFTERCARE_ADMIN_LOGIN (default admin). A printed
# one-time password must be changed first: the walk-through changes it to
# AFTERCARE_ADMIN_NEW_PASSWORD (or a generated one it prints).
# Usage: AFTERCARE_ADMIN_PASSWORD=... deploy/walkthrough.sh [http://127.0.0.1:8080]
set -euo pipefail
API=${1:-http://127.0.0.1:8080}/api/v1
: "${AFTERCARE_ADMIN_PASSWORD:?set AFTERCARE_ADMIN_PASSWORD to the administrator password (printed by aftercare up on first start)}"
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

echo "0. Sign in"
TOKEN=$(curl -sS -f -X POST "$API/auth/token" -H 'content-type: application/json' \
  -d "{\"login\":\"${AFTERCARE_ADMIN_LOGIN:-admin}\",\"password\":\"$AFTERCARE_ADMIN_PASSWORD\"}" | json '["access_token"]')
# A generated one-time password must be changed before anything else.
if curl -sS "$API/me" -H "Authorization: Bearer $TOKEN" | grep -q password_change_required; then
  NEW_PASSWORD=${AFTERCARE_ADMIN_NEW_PASSWORD:-walkthrough-$(date +%s)-$RANDOM}
  TOKEN=$(curl -sS -f -X POST "$API/me/password" -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"current_password\":\"$AFTERCARE_ADMIN_PASSWORD\",\"new_password\":\"$NEW_PASSWORD\"}" | json '["access_token"]')
  echo "   the one-time password was changed; the administrator's password is now $NEW_PASSWORD"
fi
auth=(-H "Authorization: Bearer $TOKEN")
post() { curl -sS -f -X POST "$API$1" "${auth[@]}" -H 'content-type: application/json' "${@:3}" -d "$2"; }
get() { curl -sS -f "${auth[@]}" "$API$1"; }
wait_for() { # path, python expression that is truthy when done
  for _ in $(seq 1 100); do
    out=$(get "$1") && [ "$(echo "$out" | json "$2")" = True ] && { echo "$out"; return; }
    sleep 0.1
  done
  echo "walkthrough: timed out waiting for $1" >&2; exit 1
}

echo "1. A technician and a spare part with stock"
post /technicians '{"name":"Li Wei","district":"tianhe","skills":["copier","sharp"],"certifications":[{"skill":"copier","expires_on":"2028-06-30"}],"daily_capacity":8}' | json '["id"]'
post /parts '{"sku":"DRUM-AR2048","name":"Drum unit AR-2048","list_price":{"amount_minor":38000,"currency":"CNY"}}' >/dev/null || true
post /parts/DRUM-AR2048/receipts '{"quantity":5,"location":"main","reference":"PO-2026-001"}' | json '["on_hand"]'

echo "2. The customer calls: the agent opens a ticket"
ticket=$(post /tickets '{"channel":"phone","type":"fault","symptom":"复印件有黑线 / black streaks on copies",
  "customer":{"name":"Tianhe Printing","phone":"+86 20 5555 0101","address":"1 Tianhe Rd","district":"tianhe"},
  "machine":{"product_line":"copier","brand":"Sharp","model":"AR-2048","serial":"SN-0001","purchase_date":"2024-03-01"}}')
ticket_id=$(echo "$ticket" | json '["id"]')
echo "   ticket $(echo "$ticket" | json '["number"]') priority $(echo "$ticket" | json '["priority"]')"

echo "3. Dispatch creates and assigns the work order"
wo=$(wait_for "/workorders?ticket_id=$ticket_id" '["items"] != [] and d["items"][0]["status"] == "assigned"')
wo_id=$(echo "$wo" | json '["items"][0]["id"]')
wo_version=$(echo "$wo" | json '["items"][0]["version"]')
echo "   work order $(echo "$wo" | json '["items"][0]["number"]'): $(echo "$wo" | json '["items"][0]["assignment_reasons"]')"

echo "4. The technician reports the visit done, with the part used"
post /workorders/$wo_id/complete '{"diagnosis":"worn drum","started_at":"2026-11-23T02:00:00Z",
  "finished_at":"2026-11-23T02:50:00Z","parts":[{"sku":"DRUM-AR2048","quantity":1}],"parts_consent":true,"meter_reading":120345}' \
  -H "If-Match: \"$wo_version\"" | json '["status"]'

echo "5. Inventory takes the part from stock, billing issues the receipt"
inv=$(wait_for "/invoices?work_order_id=$wo_id" '["items"] != []')
echo "   receipt $(echo "$inv" | json '["items"][0]["number"]'): total $(echo "$inv" | json '["items"][0]["total_charged"]["amount_minor"]') fen"
echo "   drum units on hand: $(get /parts/DRUM-AR2048 | json '["on_hand"]')"

echo "6. Survey schedules the callback for the next working day"
cb=$(wait_for "/callbacks?work_order_id=$wo_id" '["items"] != []')
echo "   callback due $(echo "$cb" | json '["items"][0]["due_at"]')"
wait_for "/tickets/$ticket_id" '.get("callback_due_at") is not None' | json '["status"]'
echo "walkthrough: done"
