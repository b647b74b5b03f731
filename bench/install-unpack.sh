#!/usr/bin/env bash
# Benchmark: unpacking alone (issue 6). `goferry install --archive` (safe unpack into
# versions/go1.19.8.tmp, rename, switch current; no network, no index) against `tar xzf` of the same
# archive into the same disk. The archive is bench/lib/release-archive.sh's (the Debian Go 1.19
# repacked, 117 MiB, 12k files). hyperfine, 1 warm-up, RUNS (default 5) runs each, the target removed
# before every run (--prepare); hyperfine runs one command's runs, then the next's: goferry, (the
# optional second launcher), tar. Reported: wall time and CPU seconds
# (hyperfine's mean user and sys per run, children included): on a machine shared with other builds, CPU time is the steadier
# figure. A prepare step also runs `sync`, so one run's dirty pages are not written during the next.
# Usage: bench/install-unpack.sh
#   GOFERRY=/path/to/goferry       the launcher to measure (default ./goferry)
#   GOFERRY_BEFORE=/path/to/goferry  also measure this launcher (e.g. a copy built before a change)
#   needs: hyperfine, python3, tar, gzip
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
cleanup() { rm -rf "$scratch"; }
trap cleanup EXIT

# shellcheck source=bench/lib/release-archive.sh
source bench/lib/release-archive.sh
release_archive "$scratch"
goferry=${GOFERRY:-./goferry}
$goferry --version >/dev/null   # build the jar and the start-up cache before timing
echo "archive: $((size / 1024 / 1024)) MiB ($size bytes), $(tar tzf "$archive" | wc -l) entries; load: $(cut -d' ' -f1-3 /proc/loadavg)"

cmds=(--prepare "bash -c 'rm -rf $scratch/root; sync'" -n "goferry install --archive"
      "env -i HOME=$scratch PATH=/usr/bin:/bin $goferry install --archive $archive --root $scratch/root")
if [ -n "${GOFERRY_BEFORE:-}" ]; then
  $GOFERRY_BEFORE --version >/dev/null
  cmds+=(--prepare "bash -c 'rm -rf $scratch/root; sync'" -n "goferry install --archive (before)"
         "env -i HOME=$scratch PATH=/usr/bin:/bin $GOFERRY_BEFORE install --archive $archive --root $scratch/root")
fi
cmds+=(--prepare "bash -c 'rm -rf $scratch/plain; mkdir $scratch/plain; sync'" -n "tar xzf"
       "tar xzf $archive -C $scratch/plain")

hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$scratch/unpack.json" --export-markdown "$scratch/unpack.md" "${cmds[@]}"
cat "$scratch/unpack.md"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$scratch/unpack.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
tar = r[-1]
for x in r:
    print(f'{x["command"]}: wall median {x["median"]:.2f} s (min {x["min"]:.2f}, max {x["max"]:.2f}); '
          f'CPU (mean per run) user {x["user"]:.2f} s + sys {x["system"]:.2f} s = {x["user"] + x["system"]:.2f} s; '
          f'tar/this wall ratio {tar["median"] / x["median"]:.2f}')
PY
