#!/usr/bin/env python3
"""Prints a segmented-download bench's figures in units of R (bench/install-segmented.sh and
bench/install-toolchain-segmented.sh).

usage: segmented_report.py HYPERFINE_JSON SIZE_BYTES RUNS_DIR
HYPERFINE_JSON holds goferry, aria2c and the one-mirror curl, in that order; RUNS_DIR goferry's
`install --json` outputs (warm-up included), whose downloadMs gives its download phase.
"""
import glob
import json
import statistics
import sys

results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2]) / 1024 / 1024
one = size / results[2]["median"]
print(f"R (one curl, one mirror): {one:.2f} MiB/s")
for x in results:
    rate = size / x["median"]
    spread = f'{size / x["max"]:.1f}-{size / x["min"]:.1f}'
    print(f'{x["command"]}: median {x["median"]:.2f} s, {rate:.1f} MiB/s (runs {spread} MiB/s) = {rate / one:.2f} R  [wall time]')
runs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[3] + "/*.json"))]
print("goferry served by: " + ", ".join(sorted({str(x.get("source")) for x in runs})))
rates = [size / (x["downloadMs"] / 1000) for x in runs]
print(f"goferry download phase (pieces, SHA-256 if the index has one): median {statistics.median(rates):.1f} MiB/s = "
      f"{statistics.median(rates) / one:.2f} R (runs: {', '.join(f'{x / one:.2f}' for x in rates)})")
