#!/usr/bin/env bash
# Benchmark: segmented download from two mirrors (issue 6). Two loopback mirrors serve the same
# archive, each limited to R (bench/lib/two-mirrors.sh: LIMITER=paced, the default, paces a mirror's
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

scratch=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

# shellcheck source=bench/lib/release-archive.sh
source bench/lib/release-archive.sh
release_archive "$scratch"
# shellcheck source=bench/lib/two-mirrors.sh
source bench/lib/two-mirrors.sh
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
python3 - "$scratch/seg.json" "$size" "$scratch/runs" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2]) / 1024 / 1024
one = size / r[2]["median"]
print(f"R (one curl, one mirror): {one:.2f} MiB/s")
for x in r:
    rate = size / x["median"]
    spread = f'{size / x["max"]:.1f}-{size / x["min"]:.1f}'
    print(f'{x["command"]}: median {x["median"]:.2f} s, {rate:.1f} MiB/s (runs {spread} MiB/s) = {rate / one:.2f} R  [wall time]')
# Download phase of goferry's runs (warm-up included): archive size / downloadMs from its --json output.
import glob
rates = [size / (json.load(open(f))["downloadMs"] / 1000) for f in sorted(glob.glob(sys.argv[3] + "/*.json"))]
print(f"goferry download phase (pieces + whole-file SHA-256): median {statistics.median(rates):.1f} MiB/s = "
      f"{statistics.median(rates) / one:.2f} R (runs: {', '.join(f'{x / one:.2f}' for x in rates)})")
PY
