#!/usr/bin/env bash
# Benchmark: segmented download from two mirrors (issue 6). Two loopback mirrors serve the same
# archive, each limited to R (bench/lib/mirrors.sh: LIMITER=paced, the default, paces a mirror's
# whole output; LIMITER=nginx is nginx's per-request limit_rate); every tool opens one connection per
# mirror at a time (goferry: one worker per mirror; aria2c: -x1 -s2), so the ideal is 2 R. The mirrors
# are on two loopback addresses (127.0.0.1 and 127.0.0.2): aria2c counts connections per host name.
#   goferry install 1.19.8 --mirror A --mirror B   (download in pieces + SHA-256 + safe unpack + switch)
#   aria2c -x1 -s2 A/file B/file                   (download only: the peer does less)
# Reported: effective rate = archive size / wall time, in units of R (R measured: one curl from one
# mirror), and goferry's download phase alone (its --json downloadMs). hyperfine, 1 warm-up, RUNS (3) runs.
# Usage: bench/install-segmented.sh [R]   R in nginx units (default 4m = 4 MiB/s); loopback only.
#   GOFERRY=/path/to/goferry to run another launcher.   needs: hyperfine, aria2c, python3 (nginx with LIMITER=nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-4m}

# shellcheck source=bench/lib/mirrors.sh
source bench/lib/mirrors.sh
bench_scratch

# shellcheck source=bench/lib/release-archive.sh
source bench/lib/release-archive.sh
release_archive "$scratch"
two_mirrors "$scratch" "$scratch/www" "$rate" '\.tar\.gz$'

goferry=${GOFERRY:-./goferry}
$goferry --version >/dev/null   # build the jar before timing
mkdir -p "$scratch/runs"
echo "archive: $((size / 1024 / 1024)) MiB ($size bytes); each mirror limited to $rate (${LIMITER:-paced})"

hyperfine -N --warmup 1 --runs "${RUNS:-3}" --export-markdown "$scratch/seg.md" --export-json "$scratch/seg.json" \
  --prepare "rm -rf $scratch/root" \
  -n "goferry install (2 mirrors)" \
  "bash -c 'env -i HOME=$scratch PATH=/usr/bin:/bin $goferry install 1.19.8 --json --root $scratch/root --index $A/index.json --mirror $A/ --mirror $B/ > $scratch/runs/\$(date +%s%N).json'" \
  --prepare "bash -c 'rm -rf $scratch/aria && mkdir $scratch/aria'" \
  -n "aria2c -x1 -s2 (2 mirrors, download only)" \
  "aria2c -q -x1 -s2 --min-split-size=1M --file-allocation=none --allow-overwrite=true -d $scratch/aria $A/go1.19.8.linux-amd64.tar.gz $B/go1.19.8.linux-amd64.tar.gz" \
  --prepare "bash -c 'rm -rf $scratch/one && mkdir $scratch/one'" \
  -n "curl (1 mirror, reference R)" \
  "curl -sf -o $scratch/one/a.tgz $A/go1.19.8.linux-amd64.tar.gz"
cat "$scratch/seg.md"
python3 bench/lib/segmented_report.py "$scratch/seg.json" "$size" "$scratch/runs"
