#!/usr/bin/env bash
# Benchmark: the golang.org/toolchain module zip in pieces from two GOPROXY mirrors (issue 6, the
# toolchain-module path of install-segmented.sh). Two loopback mirrors serve the same GOPROXY
# tree (bench/lib/ToolchainProxyTree.java: the installed Debian Go 1.19's VERSION, bin/ and
# pkg/tool/ zipped as golang.org/toolchain@v0.0.1-go1.19.8.linux-amd64, with a loopback checksum
# database holding its h1), each mirror's output limited to R (bench/lib/mirrors.sh: LIMITER=paced,
# the default, or nginx); every tool opens one connection per mirror at a time, so the ideal is 2 R.
#   GOPROXY=A,B goferry install 1.19.8 --toolchain-module  (pieces + h1 against the database + unzip + switch)
#   aria2c -x1 -s2 A/zip B/zip                             (download only: the peer does less)
# Reported: effective rate = zip size / wall time, in units of R (R measured: one curl from one
# mirror), and goferry's download phase alone (its --json downloadMs). hyperfine, 1 warm-up, RUNS (3) runs.
# Usage: bench/install-toolchain-segmented.sh [R]   R in nginx units (default 4m = 4 MiB/s); loopback only.
#   GOFERRY=/path/to/goferry to run another launcher.   needs: hyperfine, aria2c, python3 (nginx with LIMITER=nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-4m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# shellcheck source=bench/lib/mirrors.sh
source bench/lib/mirrors.sh
bench_scratch

goferry=${GOFERRY:-./goferry}
$goferry --version >/dev/null   # build the jar before timing
jar=goferry-cli/target/goferry.jar
testkit=goferry-testkit/target/classes
[ -d "$testkit/dev" ] || ./mvnw -q -B -ntp -pl goferry-testkit -am compile >&2

"$JAVA" -cp "$jar:$testkit" bench/lib/ToolchainProxyTree.java "$scratch/www" "$scratch/gosumdb" &
pids+=($!)
for _ in $(seq 300); do [ -s "$scratch/gosumdb" ] && break; sleep 0.2; done
[ -s "$scratch/gosumdb" ] || { echo "the toolchain tree and database did not start" >&2; exit 1; }
gosumdb=$(cat "$scratch/gosumdb")
version=v0.0.1-go1.19.8.linux-amd64
zip="golang.org/toolchain/@v/$version.zip"
size=$(stat -c %s "$scratch/www/$zip")
chmod a+x "$scratch"; chmod -R a+rX "$scratch/www"

two_mirrors "$scratch" "$scratch/www" "$rate" '\.zip$'
mkdir -p "$scratch/runs"
echo "toolchain zip: $((size / 1024 / 1024)) MiB ($size bytes); each mirror limited to $rate (${LIMITER:-paced})"

hyperfine -N --warmup 1 --runs "${RUNS:-3}" --export-markdown "$scratch/seg.md" --export-json "$scratch/seg.json" \
  --prepare "rm -rf $scratch/root" \
  -n "goferry install --toolchain-module (2 proxies)" \
  "bash -c 'env -i HOME=$scratch PATH=/usr/bin:/bin GOPROXY=$A,$B \"GOSUMDB=$gosumdb\" $goferry install 1.19.8 --toolchain-module --json --root $scratch/root > $scratch/runs/\$(date +%s%N).json'" \
  --prepare "bash -c 'rm -rf $scratch/aria && mkdir $scratch/aria'" \
  -n "aria2c -x1 -s2 (2 proxies, download only)" \
  "aria2c -q -x1 -s2 --min-split-size=1M --file-allocation=none --allow-overwrite=true -d $scratch/aria $A/$zip $B/$zip" \
  --prepare "bash -c 'rm -rf $scratch/one && mkdir $scratch/one'" \
  -n "curl (1 proxy, reference R)" \
  "curl -sf -o $scratch/one/a.zip $A/$zip"
cat "$scratch/seg.md"
python3 bench/lib/segmented_report.py "$scratch/seg.json" "$size" "$scratch/runs"
