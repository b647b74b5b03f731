#!/usr/bin/env bash
# Benchmark: `goferry install` (download + SHA-256 verify + safe unpack + switch) against the
# shell baseline `curl | tee >(sha256sum) | tar xz`, both from the same loopback nginx mirror
# (issue 6). Method: hyperfine, 1 warm-up run, RUNS (default 3) runs each; the target folder is
# removed before every run (--prepare), so every run downloads and unpacks the whole archive.
# The archive: the installed Debian Go 1.19 toolchain repacked as go1.19.8.linux-amd64.tar.gz
# (go/…, like the official ones; about the official archive's size). Loopback only.
# Usage: bench/install.sh      needs: nginx, hyperfine, curl, python3
#   GOFERRY=/path/to/goferry bench/install.sh  runs another launcher (e.g. a copy of the built jar, so
#   that editing sources while it runs cannot make the launcher rebuild in the middle of a run)
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib/mirrors.sh
source bench/lib/mirrors.sh
bench_scratch

# shellcheck source=bench/lib/release-archive.sh
source bench/lib/release-archive.sh
release_archive "$scratch"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
loopback_nginx "$scratch" "server { listen 127.0.0.1:$port; root $scratch/www; }"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/index.json" >/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$port"
goferry=${GOFERRY:-./goferry}
$goferry --version >/dev/null   # build the jar and the start-up cache before timing
echo "archive: $((size / 1024 / 1024)) MiB ($size bytes), sha256 $sha; load: $(cut -d' ' -f1-3 /proc/loadavg)"

hyperfine -N --warmup 1 --runs "${RUNS:-3}" --export-markdown "$scratch/install.md" --export-json "$scratch/install.json" \
  --prepare "rm -rf $scratch/root" \
  -n "goferry install" \
  "env -i HOME=$scratch PATH=/usr/bin:/bin $goferry install 1.19.8 --root $scratch/root --index $base/index.json --mirror $base/" \
  --prepare "rm -rf $scratch/plain" \
  -n "curl | tee >(sha256sum) | tar xz" \
  "bash -c 'mkdir $scratch/plain && curl -sf $base/go1.19.8.linux-amd64.tar.gz | tee >(sha256sum > $scratch/plain.sum) | tar xz -C $scratch/plain'"
cat "$scratch/install.md"
python3 - "$scratch/install.json" "$size" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2]) / 1024 / 1024
g, c = r[0]["median"], r[1]["median"]
print(f"median: goferry {g:.2f} s ({size/g:.0f} MiB/s), curl|tar {c:.2f} s ({size/c:.0f} MiB/s); "
      f"throughput ratio goferry/curl {c/g:.2f}")
for x in r:
    print(f'{x["command"][:40]}: min {x["min"]:.2f} s, max {x["max"]:.2f} s; CPU (mean per run, children included) '
          f'user {x["user"]:.2f} s + sys {x["system"]:.2f} s = {x["user"] + x["system"]:.2f} s')
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
