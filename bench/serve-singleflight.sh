#!/usr/bin/env bash
# Benchmark: 64 concurrent clients ask goferry serve for one uncached object from a deliberately
# slow loopback upstream (issue 5): exactly one upstream request, and the 64 clients' total time
# against one client's (goal ≤ 1.2×).
# - Upstream: bench/lib/slow_upstream.py, a GOPROXY tree of example.com/slow v1.0.0…v1.0.5 (1 MiB
#   stored zips), every answer delayed by DELAY seconds (default 1), every request logged.
# - goferry: java -jar goferry.jar serve, checksum database off, access log off.
# - Each of 3 rounds: one client asks for a version nobody asked for yet, then 64 clients (threads
#   behind a barrier, one connection each: bench/lib/fanout.py) ask together for another new one.
#   Time = from the barrier until the last client has the whole body.
# Usage: bench/serve-singleflight.sh   (needs python3, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
DELAY=${DELAY:-1}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

scratch=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT

./goferry --version >/dev/null   # builds goferry-cli/target/goferry.jar when needed
jar=goferry-cli/target/goferry.jar

up="$scratch/upstream"
python3 - "$up" <<'PY'
import os, sys, zipfile
root = sys.argv[1]
v = os.path.join(root, "example.com/slow/@v")
os.makedirs(v)
for i in range(6):
    ver = f"v1.0.{i}"
    open(os.path.join(v, ver + ".info"), "w").write('{"Version":"%s","Time":"2024-01-01T00:00:00Z"}\n' % ver)
    open(os.path.join(v, ver + ".mod"), "w").write("module example.com/slow\n")
    with zipfile.ZipFile(os.path.join(v, ver + ".zip"), "w", zipfile.ZIP_STORED) as z:
        z.writestr(f"example.com/slow@{ver}/go.mod", "module example.com/slow\n")
        z.writestr(f"example.com/slow@{ver}/blob.bin", os.urandom(1 << 20))
PY

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
uport=$(port); gport=$(port)
python3 bench/lib/slow_upstream.py "$uport" "$up" "$DELAY" "$scratch/upstream.log" &
pids+=($!)
GOFERRY_SERVE_ACCESS_LOG=false GOFERRY_SERVE_SUMDB=off "$JAVA" -jar "$jar" serve --listen "127.0.0.1:$gport" \
  --data "$scratch/data" --upstream "http://127.0.0.1:$uport" 2>"$scratch/goferry.err" &
pids+=($!)
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" || { cat "$scratch/goferry.err" >&2; exit 1; }
touch "$scratch/upstream.log"

echo "| round | 1 client, s | 64 clients, s | 64 / 1 | upstream requests for the 64 | answers seen by the 64 (status, bytes) |"
echo "|---|---|---|---|---|---|"
for round in 1 2 3; do
  one="/example.com/slow/@v/v1.0.$((2 * round - 2)).zip"
  many="/example.com/slow/@v/v1.0.$((2 * round - 1)).zip"
  read -r t1 _ < <(python3 bench/lib/fanout.py 1 "http://127.0.0.1:$gport$one")
  read -r t64 seen < <(python3 bench/lib/fanout.py 64 "http://127.0.0.1:$gport$many")
  fetches=$(grep -cxF "$many" "$scratch/upstream.log" || true)
  python3 -c "import sys; r, a, b, f, s = sys.argv[1:]; print(f'| {r} | {float(a):.3f} | {float(b):.3f} | {float(b)/float(a):.2f} | {f} | {s} |')" \
    "$round" "$t1" "$t64" "$fetches" "$seen"
done
