#!/usr/bin/env bash
# Benchmark: `goferry env --json` against `go env -json`, whole process, wall time (issue 2).
# Method: hyperfine, 5 warm-up runs then at least 30 runs each, same hermetic environment for both
# (env -i with HOME in a scratch folder, so neither reads the developer's go/env file).
# Usage: bench/env.sh [go binary]   (default: the newest Go under /opt/goferry-lab, else go on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."

go_bin=${1:-$(ls -d /opt/goferry-lab/go1.*/usr/lib/go-1.*/bin/go 2>/dev/null | tail -n1)}
go_bin=${go_bin:-$(command -v go)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

./goferry --version >/dev/null   # build the jar and the CDS archive before timing
hermetic="env -i HOME=$scratch PATH=$(dirname "$go_bin"):/usr/bin:/bin GOPROXY=https://goproxy.cn,direct GOPRIVATE=*.corp.example.com"
hyperfine -N --warmup 5 --min-runs 30 --export-markdown "$scratch/env.md" --export-json "$scratch/env.json" \
  -n "goferry env --json" "$hermetic ./goferry env --json" \
  -n "go env -json ($("$go_bin" version | cut -d' ' -f3))" "$hermetic $go_bin env -json"
cat "$scratch/env.md"
python3 - "$scratch/env.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
g, o = r[0]["median"], r[1]["median"]
print(f"median: goferry {g*1000:.0f} ms, go {o*1000:.1f} ms, ratio {g/o:.0f}x")
PY
