#!/usr/bin/env bash
# Benchmark: goferry serve's memory while 64 clients each download a 100 MB zip (issue 5; goal:
# RSS under 256 MB).
# - One module whose .zip is 100 MiB of incompressible bytes, already in the data folder (warm).
# - goferry started by the ./goferry launcher (its serve JVM flags), access log and checksum
#   database off; 64 curl processes download the zip at once, each limited to LIMIT (default
#   50M bytes/s) so that all 64 transfers overlap.
# - Reads /proc/PID/status: VmHWM (peak resident set), and at the end VmRSS split into RssAnon
#   (heap, direct buffers, stacks) and RssFile (mapped files: the JDK's own modules, the jar).
# Usage: bench/serve-rss.sh
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=${LIMIT:-50M}
CLIENTS=${CLIENTS:-64}

scratch=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT

./goferry --version >/dev/null

data="$scratch/data"
mkdir -p "$data/example.com/big/@v" "$scratch/empty"
python3 - "$data/example.com/big/@v/v1.0.0.zip" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED) as z:
    z.writestr("example.com/big@v1.0.0/go.mod", "module example.com/big\n")
    with z.open("example.com/big@v1.0.0/blob.bin", "w", force_zip64=True) as f:
        for _ in range(100):
            f.write(os.urandom(1 << 20))
PY
size=$(stat -c %s "$data/example.com/big/@v/v1.0.0.zip")

gport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
GOFERRY_SERVE_ACCESS_LOG=false GOFERRY_SERVE_SUMDB=off ./goferry serve --listen "127.0.0.1:$gport" --data "$data" \
  --upstream "file://$scratch/empty" 2>"$scratch/goferry.err" &
launcher=$!
pids+=($launcher)
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" || { cat "$scratch/goferry.err" >&2; exit 1; }
pid=$launcher   # the launcher execs java
status() { grep -E "^$1:" "/proc/$pid/status" | awk '{print $2}'; }
kb_to_mb() { python3 -c "print(round($1/1024))"; }
idle_rss=$(status VmRSS)

url="http://127.0.0.1:$gport/example.com/big/@v/v1.0.0.zip"
start=$(date +%s.%N)
clients=()
for i in $(seq "$CLIENTS"); do
  curl -fsS --limit-rate "$LIMIT" -o /dev/null -w '%{http_code} %{size_download}\n' "$url" > "$scratch/c$i.out" &
  clients+=($!)
done
peak_during=0
while :; do
  running=0
  for c in "${clients[@]}"; do kill -0 "$c" 2>/dev/null && running=$((running + 1)); done
  r=$(status VmRSS); [ "$r" -gt "$peak_during" ] && peak_during=$r
  [ "$running" -eq 0 ] && break
  sleep 0.2
done
end=$(date +%s.%N)
ok=$(cat "$scratch"/c*.out | grep -c "^200 $size$" || true)

echo "| clients | zip bytes | complete downloads | wall s | RSS idle MB | VmHWM MB | RSS at end MB (anon + file) |"
echo "|---|---|---|---|---|---|---|"
printf '| %s | %s | %s | %.1f | %s | %s | %s (%s + %s) |\n' "$CLIENTS" "$size" "$ok" "$(echo "$end - $start" | bc)" \
  "$(kb_to_mb "$idle_rss")" "$(kb_to_mb "$(status VmHWM)")" "$(kb_to_mb "$(status VmRSS)")" \
  "$(kb_to_mb "$(status RssAnon)")" "$(kb_to_mb "$(status RssFile)")"
echo "JVM flags: $(tr '\0' ' ' < "/proc/$pid/cmdline" | sed 's/ -jar.*//')"
