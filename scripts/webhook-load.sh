#!/usr/bin/env bash
# One webhook load run against a release build: starts `bankbot serve` of the checkout in
# $1 (default: this one) on a fresh SQLite file, runs its `webhook-load` (2,000 users,
# 20,000 events, concurrency 128), stops the server and prints one summary line.
# Build first: cargo build --release --bin bankbot && cargo build --release -p bankbot-testkit --bin webhook-load
# Compare two builds by alternating: for i in 1 2 3; do scripts/webhook-load.sh OLD; scripts/webhook-load.sh .; done
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  BANKBOT_STORE__URL="sqlite://$work/load.db" BANKBOT_SERVER__LISTEN=127.0.0.1:18090 \
  BANKBOT_MESSENGER__APP_SECRET=load-secret-0123456789 BANKBOT_MESSENGER__VERIFY_TOKEN=v \
  BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN=load-token \
  BANKBOT_MESSENGER__GRAPH_API_URL=http://127.0.0.1:19999 \
  BANKBOT_MESSENGER__SENDS_PER_SECOND=100000 RUST_LOG=warn BANKBOT_NLU__INTENTS="$repo/intents" \
    exec "$repo/target/release/bankbot" serve > "$work/server.log" 2>&1
) &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null http://127.0.0.1:18090/health && break
  sleep 0.2
done
"$repo/target/release/webhook-load" --url http://127.0.0.1:18090/webhook --app-secret load-secret-0123456789 \
  --graph-listen 127.0.0.1:19999 --users 2000 --events 20000 --concurrency 128 \
  --duration-limit 120s > "$work/report.json"
python3 - "$work/report.json" "$repo" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a, w = r["ack_latency"], r["webhook_to_reply"]
print(f'{sys.argv[2]}: {r["acked_events_per_s"]:.0f} events/s, ack p50 {a["p50_ms"]:.1f} ms '
      f'p99 {a["p99_ms"]:.1f} ms, webhook to reply p99 {w["p99_ms"]:.0f} ms, '
      f'events without reply {r["events_without_reply"]}')
PY
