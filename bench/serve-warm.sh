#!/usr/bin/env bash
# Benchmark: warm-cache serving, goferry serve versus nginx on the SAME data folder (issue 5).
# - .info requests/s (a 60-byte JSON answer) and 5 MB .zip MB/s, wrk at 64 connections, 2 threads.
# - Both servers serve from disk with their logs off (nginx access_log off; goferry accessLog false),
#   nginx with its Debian defaults plus sendfile, worker_processes auto; goferry on its jar with the
#   JVM's defaults (the launcher's short-lived-process flags, C1 only + SerialGC, are not used).
# - Each measurement: 5 s warm-up run, then one 15 s run; ROUNDS rounds (default 3), goferry and
#   nginx alternating within each round, one row per round plus the median ratio. wrk, the server
#   and the JVM share the machine's cores; run it on an idle machine. The last line says how many of
#   goferry's zip bytes went out with sendfile (goferry_sendfile_bytes_total in /metrics).
# Usage: bench/serve-warm.sh   (needs wrk and nginx: apt-get install wrk nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
find_java() { # JAVA_HOME, else the newest JDK 21+ under /usr/lib/jvm, else java on PATH
  local c
  for c in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV) "$(command -v java)"; do
    [ -x "$c" ] && "$c" -version 2>&1 | head -n1 | grep -Eq '"(2[1-9]|[3-9][0-9])' && { echo "$c"; return; }
  done
  echo "needs Java 21+" >&2; exit 2
}
JAVA=$(find_java)

scratch=$(mktemp -d)
chmod 755 "$scratch"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT

./goferry --version >/dev/null   # builds goferry-cli/target/goferry.jar when needed
jar=goferry-cli/target/goferry.jar

# The data folder: one module with a 60-byte .info and a 5 MB zip of incompressible bytes.
data="$scratch/data"
mkdir -p "$data/example.com/bench/@v" "$scratch/empty"
printf '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n' > "$data/example.com/bench/@v/v1.0.0.info"
python3 - "$data/example.com/bench/@v/v1.0.0.zip" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_STORED) as z:
    z.writestr("example.com/bench@v1.0.0/go.mod", "module example.com/bench\n")
    z.writestr("example.com/bench@v1.0.0/blob.bin", os.urandom(5 * 1024 * 1024 - 200))
PY
chmod -R a+rX "$data"

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
gport=$(port); nport=$(port)

cat > "$scratch/nginx.conf" <<NGINX
worker_processes auto;
pid $scratch/nginx.pid;
error_log $scratch/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { application/json info; application/zip zip; }
  default_type text/plain;
  client_body_temp_path $scratch/nginx-tmp;
  proxy_temp_path $scratch/nginx-tmp;
  fastcgi_temp_path $scratch/nginx-tmp;
  uwsgi_temp_path $scratch/nginx-tmp;
  scgi_temp_path $scratch/nginx-tmp;
  server { listen 127.0.0.1:$nport; root $data; }
}
NGINX
mkdir -p "$scratch/nginx-tmp"
"$nginx_bin" -c "$scratch/nginx.conf" -p "$scratch" -g 'daemon off;' &
pids+=($!)

GOFERRY_SERVE_ACCESS_LOG=false GOFERRY_SERVE_SUMDB=off "$JAVA" -jar "$jar" serve --listen "127.0.0.1:$gport" --data "$data" \
  --upstream "file://$scratch/empty" 2>"$scratch/goferry.err" &
pids+=($!)

for u in "http://127.0.0.1:$gport/healthz" "http://127.0.0.1:$nport/example.com/bench/@v/v1.0.0.info"; do
  for _ in $(seq 100); do curl -fsS -o /dev/null "$u" 2>/dev/null && break; sleep 0.2; done
done
curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" || { cat "$scratch/goferry.err" >&2; exit 1; }
cmp <(curl -fsS "http://127.0.0.1:$gport/example.com/bench/@v/v1.0.0.zip") "$data/example.com/bench/@v/v1.0.0.zip"

measure() { # name url -> prints "requests/s transfer/s"
  wrk -t2 -c64 -d5s "$2" >/dev/null
  wrk -t2 -c64 -d15s "$2" > "$scratch/$1.txt"
  awk '/Requests\/sec/ {r=$2} /Transfer\/sec/ {t=$2} END {print r, t}' "$scratch/$1.txt"
}
to_mb() { python3 -c "import re,sys; v=sys.argv[1]; n=float(re.sub('[A-Za-z]','',v)); u=re.sub('[0-9.]','',v); print(round(n*{'B':1/2**20,'KB':1/2**10,'MB':1,'GB':2**10}[u],1))" "$1"; }

ROUNDS=${ROUNDS:-3}
echo "| round | warm .info req/s goferry | nginx | ratio | warm 5 MB .zip MiB/s goferry | nginx | ratio |"
echo "|---|---|---|---|---|---|---|"
: > "$scratch/ratios"
for round in $(seq "$ROUNDS"); do
  read -r g_info_rps _ < <(measure goferry-info "http://127.0.0.1:$gport/example.com/bench/@v/v1.0.0.info")
  read -r n_info_rps _ < <(measure nginx-info "http://127.0.0.1:$nport/example.com/bench/@v/v1.0.0.info")
  read -r _ g_zip_t < <(measure goferry-zip "http://127.0.0.1:$gport/example.com/bench/@v/v1.0.0.zip")
  read -r _ n_zip_t < <(measure nginx-zip "http://127.0.0.1:$nport/example.com/bench/@v/v1.0.0.zip")
  g_zip=$(to_mb "$g_zip_t"); n_zip=$(to_mb "$n_zip_t")
  python3 - "$round" "$g_info_rps" "$n_info_rps" "$g_zip" "$n_zip" "$scratch/ratios" <<'PY'
import sys
r = sys.argv[1]
gi, ni, gz, nz = map(float, sys.argv[2:6])
print(f"| {r} | {gi:,.0f} | {ni:,.0f} | {gi/ni:.2f} | {gz:,.0f} | {nz:,.0f} | {gz/nz:.2f} |")
open(sys.argv[6], "a").write(f"{gi/ni} {gz/nz}\n")
PY
done
python3 - "$scratch/ratios" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
i = [r[0] for r in rows]; z = [r[1] for r in rows]
print(f"| median ratio | | | {statistics.median(i):.2f} (min {min(i):.2f}, max {max(i):.2f}) | | | {statistics.median(z):.2f} (min {min(z):.2f}, max {max(z):.2f}) |")
PY
# Which way goferry sent the zips: bytes sent from the file with sendfile against all zip body bytes.
curl -fsS "http://127.0.0.1:$gport/metrics" | awk '
  /^goferry_sendfile_bytes_total / {s=$2}
  /^goferry_served_bytes_total\{endpoint="zip"/ {z=$2}
  END {printf "goferry zip body bytes: %.0f, sent with sendfile: %.0f (%.1f %%)\n", z, s, (z > 0 ? 100*s/z : 0)}'
