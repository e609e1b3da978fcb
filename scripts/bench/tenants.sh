#!/usr/bin/env bash
# Benchmark: 50 tenants under one launcher on this machine.
# Measures the time until all are ready, the RSS of each idle tenant process, the RSS after
# 1,000 requests to each through the front door, and the total. Prints a Markdown table for
# docs/benchmarks.md. Needs `ab` (Debian: apache2-utils), installed when run as root.
set -euo pipefail
cd "$(dirname "$0")/../.."

TENANTS=${TENANTS:-50}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-18090}

if ! command -v ab >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq apache2-utils >/dev/null; else
    echo "install ab: sudo apt-get install apache2-utils" >&2; exit 1; fi
fi
cargo build --release -q
BIN=$PWD/target/release/tourdesk
WORK=$(mktemp -d)
MANIFEST=$WORK/tenants.toml
cleanup() { [ -n "${LAUNCHER:-}" ] && kill "$LAUNCHER" 2>/dev/null && wait "$LAUNCHER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "provisioning $TENANTS tenants in $WORK" >&2
for i in $(seq 1 "$TENANTS"); do
  "$BIN" --manifest "$MANIFEST" tenant new "bench$i" --name "Bench $i" --base-currency THB \
    --locale en --port $((20000 + i)) >/dev/null
done

rss_table() { "$BIN" --manifest "$MANIFEST" status --json; }
started=$(date +%s.%N)
TOURDESK_LOG=warn "$BIN" --manifest "$MANIFEST" launch --listen "127.0.0.1:$PORT" 2>"$WORK/launch.log" &
LAUNCHER=$!
until rss_table 2>/dev/null | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if r and all(t["state"]=="running" for t in r) else 1)'; do
  sleep 0.05
done
ready=$(python3 -c "print(f'{$(date +%s.%N) - $started:.2f}')")
sleep 2
idle=$(rss_table)

echo "sending $REQUESTS requests to each tenant" >&2
req_started=$(date +%s.%N)
for i in $(seq 1 "$TENANTS"); do
  ab -q -n "$REQUESTS" -c 4 -H "Host: bench$i.localhost:$PORT" "http://127.0.0.1:$PORT/sign-in" >"$WORK/ab-$i.txt"
done
req_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $req_started:.1f}')")
failed=$(grep -h '^Failed requests' "$WORK"/ab-*.txt | awk '{s+=$3} END {print s+0}')
busy=$(rss_table)
launcher_rss=$(awk '/VmRSS/ {print $2}' "/proc/$LAUNCHER/status")

python3 - "$idle" "$busy" "$ready" "$req_seconds" "$failed" "$launcher_rss" "$TENANTS" "$REQUESTS" <<'PY'
import json, sys
idle, busy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ready, req_s, failed, launcher_kib, n, reqs = sys.argv[3:9]
def stats(rows):
    v = [r["rss_kib"] / 1024 for r in rows if r.get("rss_kib")]
    return min(v), sum(v) / len(v), max(v), sum(v)
i, b = stats(idle), stats(busy)
total_busy = b[3] + int(launcher_kib) / 1024
print(f"| tenants | {n} |")
print(f"| time until all ready | {ready} s |")
print(f"| idle tenant RSS (min / mean / max) | {i[0]:.1f} / {i[1]:.1f} / {i[2]:.1f} MB |")
print(f"| tenant RSS after {reqs} requests each (min / mean / max) | {b[0]:.1f} / {b[1]:.1f} / {b[2]:.1f} MB |")
print(f"| {int(n) * int(reqs):,} requests through the front door | {req_s} s, {failed} failed |")
print(f"| launcher RSS | {int(launcher_kib) / 1024:.1f} MB |")
print(f"| total RSS after the requests (tenants + launcher) | {total_busy:.0f} MB |")
PY
