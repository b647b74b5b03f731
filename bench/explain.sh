#!/usr/bin/env bash
# Benchmark: `goferry explain` on a 50 MB CI log against `grep -E` with the same patterns (issue 4).
# Method: the script writes a GitHub-Actions-style log (timestamps, ANSI colours, CR progress lines,
# `go: downloading` lines) of 50 MiB with one real go error line (from the explain corpus) every
# ~1,000 lines, exports explain's patterns as POSIX EREs (`goferry explain --print-patterns`), then
# times both with hyperfine, one run each after one warm-up (the log is in the page cache for both),
# and prints the throughput in MB/s and the ratio. Output goes through a pipe (--output=pipe): with
# output to /dev/null GNU grep stops at its first match (even with -c) and never reads the log.
# Usage: bench/explain.sh [size in MiB, default 50]
set -euo pipefail
cd "$(dirname "$0")/.."

size_mib=${1:-50}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
log="$scratch/ci.log"

python3 - "$log" "$size_mib" <<'PY'
import random, sys
path, mib = sys.argv[1], int(sys.argv[2])
errors = [
    'go: example.com/m@v1.0.0: Get "http://127.0.0.1:1/example.com/m/@v/v1.0.0.info": dial tcp 127.0.0.1:1: connect: connection refused',
    'go: example.com/m@v1.0.0: reading https://goproxy.example/example.com/m/@v/v1.0.0.info: 410 Gone\n'
    '\tserver response: not found: example.com/m@v1.0.0: invalid version: unknown revision v1.0.0',
    'go: golang.org/x/text@v0.3.0: Get "https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.info": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host',
    'go: example.com/m@v1.0.0: Get "https://127.0.0.1:41195/example.com/m/@v/v1.0.0.info": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    'go: example.com/m@v1.0.0: Get "https://goproxy.corp.example/example.com/m/@v/v1.0.0.info": Proxy Authentication Required',
    'verifying example.com/m@v1.0.0: checksum mismatch',
    'go: module lookup disabled by GOPROXY=off',
    'go: download go1.99.0 for linux/amd64: toolchain not available',
    'go: example.com/m@v1.0.0: some error nobody has seen before',
]
noise = [
    '\x1b[36;1mRun actions/setup-go@v5\x1b[0m',
    'go: downloading example.com/noise{i} v1.0.{i}',
    'ok  \texample.com/pkg{i}\t0.{i}s',
    'Downloading {i}%\rDownloading {j}%',
    'npm WARN deprecated package@{i}: error handling changed, see https://example.invalid/{i}',
    '=== RUN   TestSomething{i}/case_{j}',
    '--- PASS: TestSomething{i} (0.00s)',
]
rnd = random.Random(42)
target = mib * 1024 * 1024
written, n = 0, 0
with open(path, 'w') as out:
    while written < target:
        n += 1
        stamp = f'2026-01-01T{(n // 3600) % 24:02d}:{(n // 60) % 60:02d}:{n % 60:02d}.{n % 10000000:07d}Z '
        if n % 1000 == 0:
            body = errors[(n // 1000) % len(errors)]
        else:
            body = rnd.choice(noise).format(i=n, j=n + 1)
        line = stamp + body + '\n'
        out.write(line)
        written += len(line.encode())
PY
bytes=$(stat -c %s "$log")
./goferry --version >/dev/null   # build the jar and the start-up cache before anything is timed
./goferry explain --print-patterns > "$scratch/patterns.ere"
grep -E -c -f "$scratch/patterns.ere" /dev/null >/dev/null || [ $? -eq 1 ] || { echo "grep rejects the patterns" >&2; exit 1; }
echo "log: $bytes bytes, $(wc -l < "$log") lines; patterns: $(wc -l < "$scratch/patterns.ere")"

hyperfine -N -i --output=pipe --warmup 1 --runs 1 --export-json "$scratch/explain.json" --export-markdown "$scratch/explain.md" \
  -n "goferry explain --json" "./goferry explain --json $log" \
  -n "grep -E -c -f patterns" "grep -E -c -f $scratch/patterns.ere $log"
cat "$scratch/explain.md"
{ ./goferry explain --json "$log" || true; } | python3 -c 'import json,sys; d=json.load(sys.stdin); print("explain found:", d["recognised"], "recognised lines,", len(d["causes"]), "causes,", d["unrecognisedCount"], "unrecognised")'
echo "grep matched: $(grep -E -c -f "$scratch/patterns.ere" "$log") lines"
python3 - "$scratch/explain.json" "$bytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
mb = int(sys.argv[2]) / 1e6
e, g = r[0]["mean"], r[1]["mean"]
eu, gu = r[0]["user"] + r[0]["system"], r[1]["user"] + r[1]["system"]
print(f"wall: explain {e:.2f} s = {mb/e:.0f} MB/s; grep -E {g:.2f} s = {mb/g:.0f} MB/s; explain/grep {e/g:.1f}x")
print(f"cpu (user+sys): explain {eu:.2f} s = {mb/eu:.0f} MB/s; grep -E {gu:.2f} s = {mb/gu:.0f} MB/s; explain/grep {eu/gu:.1f}x")
PY
