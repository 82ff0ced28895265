#!/usr/bin/env bash
# Linked-customer load, side by side in one run: SQLite one instance, PostgreSQL one
# instance, PostgreSQL three instances (events spread round-robin by the load tool).
# Each configuration, fresh database: `webhook-load --linked` (on instance 1 alone, see
# below) links USERS users through the real /link login form (demo users alice and bob)
# and the account_linking webhook, then
#   1. closed loop: EVENTS events of the realistic mix, CONCURRENCY POSTs in flight
#      (saturated: events/s, ack p50/p99, webhook->reply p50/p99);
#   2. open loop: RATE events/s for RATE_SECONDS (webhook->reply p99 at that rate).
# RUNS times (alternating the configurations), then the medians as a Markdown table.
# Each closed loop also reports the servers' CPU time (/proc/PID/stat) as events per bot
# CPU-second, which other work on the machine hardly moves, and the load tool's CPU time
# per event (it runs on the same cores).
# PERF=1 records a profile of the servers during the first run's closed loop of each
# configuration (perf from the distribution's `linux-perf` package, installed if missing).
#
# Build first (release):
#   cargo build --release --bin bankbot && cargo build --release -p bankbot-testkit --bin webhook-load
# Needs PostgreSQL (PG_URL, default postgres://root@127.0.0.1/test; each run uses its own
# schema, dropped afterwards). Usage: RUNS=3 PERF=1 scripts/linked-load.sh [checkout]
# Other knobs: USERS EVENTS CONCURRENCY RATE RATE_SECONDS CONFIGS BASE_PORT OUT PROFILE=debug
# (both binaries) LOAD_PROFILE=debug (the load tool only) BOT=path (another bankbot binary,
# e.g. a copy of the previous build, to compare two builds on one machine state).
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)
RUNS=${RUNS:-3}
PERF=${PERF:-0}
USERS=${USERS:-4000}
EVENTS=${EVENTS:-20000}
CONCURRENCY=${CONCURRENCY:-128}
RATE=${RATE:-2000}
RATE_SECONDS=${RATE_SECONDS:-10}
PG_URL=${PG_URL:-postgres://root@127.0.0.1/test}
PORT=${BASE_PORT:-18300}
CONFIGS=${CONFIGS:-"sqlite-1 pg-1 pg-3"}
SECRET=load-secret-0123456789
KEY=$(printf '4%.0s' $(seq 64))
PROFILE=${PROFILE:-release}
bot=${BOT:-"$repo/target/$PROFILE/bankbot"}
load="$repo/target/${LOAD_PROFILE:-$PROFILE}/webhook-load"
for b in "$bot" "$load"; do
  [[ -x $b ]] || { echo "missing $b: build it first (see the header)" >&2; exit 2; }
done
if [[ $PERF == 1 ]] && ! command -v perf > /dev/null; then
  apt-get install -y linux-perf > /dev/null
fi
out=${OUT:-$(mktemp -d /tmp/linked-load.XXXXXX)}
mkdir -p "$out"
servers=()
urls=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT
echo "results in $out" >&2

# start_servers STORE_URL FROM TO DIR: starts instances FROM..TO on ports PORT+FROM..
# (their pids added to `servers`, their webhook URLs to `urls`).
start_servers() {
  local store=$1 from=$2 to=$3 dir=$4
  for i in $(seq "$from" "$to"); do
    local port=$((PORT + i))
    mkdir -p "$dir/i$i"
    (
      cd "$dir/i$i"
      BANKBOT_STORE__URL="$store" BANKBOT_SERVER__LISTEN=127.0.0.1:$port \
      BANKBOT_RUNTIME__CLAIM_TIMEOUT_SECS=60 BANKBOT_SECURITY__ENCRYPTION_KEY=$KEY \
      BANKBOT_MESSENGER__APP_SECRET=$SECRET BANKBOT_MESSENGER__VERIFY_TOKEN=v \
      BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN=load-token \
      BANKBOT_MESSENGER__GRAPH_API_URL=http://127.0.0.1:$PORT \
      BANKBOT_MESSENGER__SENDS_PER_SECOND=100000 RUST_LOG=warn \
      BANKBOT_NLU__INTENTS="$repo/intents" exec "$bot" serve > server.log 2>&1
    ) &
    servers+=($!)
    urls+=("http://127.0.0.1:$port/webhook")
    # One at a time: the first applies the migrations.
    for _ in $(seq 1 150); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
      sleep 0.2
    done
  done
}

# cpu_ticks: user + system CPU time of the running servers, in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in "${servers[@]}"; do
    # Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing ')'.
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2> /dev/null || true; done
  servers=()
  urls=()
}

for run in $(seq 1 "$RUNS"); do
  for config in $CONFIGS; do
    dir="$out/run$run-$config"
    mkdir -p "$dir"
    case $config in
      sqlite-*) store="sqlite://$dir/load.db"; schema= ;;
      pg-*)
        schema="linked_load_$$_${run}_${config/-/_}"
        psql -q "$PG_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" > /dev/null 2>&1
        store="$PG_URL?options=-c%20search_path%3D$schema"
        ;;
      *) echo "unknown configuration $config" >&2; exit 2 ;;
    esac
    common=(--app-secret "$SECRET" --graph-listen "127.0.0.1:$PORT" --users "$USERS"
      --mix realistic --duration-limit 120s --drain-timeout 20s --threads 1)
    # Link through instance 1 alone: the demo bank keeps its one-time login codes in the
    # process that issued them, so the account_linking event must be processed there.
    start_servers "$store" 1 1 "$dir"
    "$load" --url "${urls[0]}" "${common[@]}" --linked --events 1 > "$dir/linking.json"
    start_servers "$store" 2 "${config#*-}" "$dir"
    url_args=()
    for u in "${urls[@]}"; do url_args+=(--url "$u"); done
    perf_pid=
    if [[ $PERF == 1 && $run == 1 ]]; then
      pids=$(IFS=,; echo "${servers[*]}")
      (sleep 2; perf record -F 499 -g -p "$pids" -o "$dir/perf.data" -- sleep 6 > /dev/null 2>&1) &
      perf_pid=$!
    fi
    cpu_before=$(cpu_ticks)
    # The load tool's own CPU time too: it shares the cores with the bot.
    /usr/bin/time -f '%U %S' -o "$dir/load-cpu" \
      "$load" "${url_args[@]}" "${common[@]}" --events "$EVENTS" \
      --concurrency "$CONCURRENCY" > "$dir/closed.json"
    # The servers' CPU time over the closed loop (its drain included, so every acked event
    # was processed): events per bot CPU-second hardly depends on what else runs.
    echo "$(( $(cpu_ticks) - cpu_before )) $(getconf CLK_TCK)" > "$dir/cpu"
    "$load" "${url_args[@]}" "${common[@]}" --rate "$RATE" \
      --events $((RATE * RATE_SECONDS)) --concurrency 512 > "$dir/rate.json"
    [[ -n $perf_pid ]] && wait "$perf_pid"
    stop_servers
    [[ -n $schema ]] && psql -q "$PG_URL" -c "DROP SCHEMA $schema CASCADE" > /dev/null 2>&1
    echo "run $run $config done (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    cut -d' ' -f1 /proc/loadavg > "$dir/loadavg"
  done
done
wait

python3 - "$out" "$RUNS" $CONFIGS <<'PY'
import json, statistics, sys, os
out, runs, configs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")
names = {"sqlite-1": "SQLite, 1 instance", "pg-1": "PostgreSQL, 1 instance", "pg-3": "PostgreSQL, 3 instances"}
def cpu(d):
    ticks, hz = open(os.path.join(d, "cpu")).read().split()
    return int(ticks) / int(hz)
print("| configuration | linked events/s | events per bot CPU-s | load tool CPU-s per 1,000 events | ack p50 / p99 ms "
      "| webhook→reply p50 / p99 ms (saturated) "
      "| at rate: events/s, reply p50 / p99 ms | no reply / asked to link | load avg |")
print("|---|---|---|---|---|---|---|---|---|")
for c in configs:
    closed, rate, loads, per_cpu, tool = [], [], [], [], []
    for r in range(1, runs + 1):
        d = os.path.join(out, f"run{r}-{c}")
        closed.append(json.load(open(os.path.join(d, "closed.json"))))
        per_cpu.append(closed[-1]["acked"] / max(cpu(d), 0.01))
        tool_cpu = sum(map(float, open(os.path.join(d, "load-cpu")).read().split()[-2:]))
        tool.append(1000 * tool_cpu / max(closed[-1]["acked"], 1))
        rate.append(json.load(open(os.path.join(d, "rate.json"))))
        loads.append(float(open(os.path.join(d, "loadavg")).read()))
    eps = [x["acked_events_per_s"] for x in closed]
    print(f'| {names.get(c, c)} | {med(eps):,.0f} ({" / ".join(f"{e:,.0f}" for e in eps)}) '
          f'| {med(per_cpu):,.0f} ({" / ".join(f"{e:,.0f}" for e in per_cpu)}) '
          f'| {med(tool):.2f} '
          f'| {med([x["ack_latency"]["p50_ms"] for x in closed]):.1f} / '
          f'{med([x["ack_latency"]["p99_ms"] for x in closed]):.1f} '
          f'| {med([x["webhook_to_reply"]["p50_ms"] for x in closed]):,.0f} / '
          f'{med([x["webhook_to_reply"]["p99_ms"] for x in closed]):,.0f} '
          f'| {med([x["acked_events_per_s"] for x in rate]):,.0f}: '
          f'{med([x["webhook_to_reply"]["p50_ms"] for x in rate]):,.1f} / '
          f'{med([x["webhook_to_reply"]["p99_ms"] for x in rate]):,.1f} '
          f'(late starts {med([x["late_starts"] for x in rate]):.0f}) '
          f'| {sum(x["events_without_reply"] for x in closed + rate)} / '
          f'{sum(x["replies_asking_to_link"] for x in closed + rate)} '
          f'| {min(loads):.1f}–{max(loads):.1f} |')
PY
if [[ $PERF == 1 ]]; then
  for f in "$out"/run1-*/perf.data; do
    [[ -f $f ]] || continue
    echo "== profile $(dirname "$f")"
    perf report -i "$f" --no-children --sort comm -g none --stdio 2> /dev/null \
      | grep -v '^#' | grep -v '^$' | head -4
    # Share of samples by kind of work, from the symbols.
    perf report -i "$f" --no-children --sort sym -g none --stdio 2> /dev/null | python3 -c '
import re, sys
groups = [("kernel", r"^\[k\]"), ("allocator", r"malloc|free|realloc|_int_|unlink_chunk|consolidate|memmove|memcpy|memset|\] _?mi_"),
          ("sqlite", r"sqlite3|pcache|Btree|Vdbe"), ("postgres client/sqlx", r"sqlx|postgres"),
          ("nlu (regex, classifier)", r"regex|aho_corasick|bankbot_nlu"), ("crypto", r"aes|gcm|sha2|sha256|hmac|ring::|polyval|ghash"),
          ("http/tokio/tracing", r"hyper|tokio|mio|tracing|axum|h2|reqwest|epoll|futex|pthread|clock_gettime")]
share = {g: 0.0 for g, _ in groups}; other = 0.0
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\[.\]\s+.*)", line)
    if not m: continue
    pct, sym = float(m.group(1)), m.group(2)
    for g, rx in groups:
        if re.search(rx, sym):
            share[g] += pct; break
    else:
        other += pct
print("   " + ", ".join(f"{g} {v:.0f} %" for g, v in share.items()) + f", other {other:.0f} %")
'
  done
fi
