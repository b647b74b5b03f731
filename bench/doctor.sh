#!/usr/bin/env bash
# Benchmark: `goferry doctor` in the namespace fault lab (issue 3), whole process incl. the JVM.
#  1. healthy lab: wall time of `./goferry doctor --json` (goal: median <= 2 s);
#  2. every target blackholed (the world drops all TCP from the client): time against --timeout
#     (goal: <= deadline + 0.5 s);
#  3. the sequential manual walk a user would do per endpoint (dig + curl -w + openssl s_client)
#     in the same healthy lab, and the ratio to 1.
# The lab is DoctorLabTest's GoWorld (real dnsmasq, nginx with the lab CA, tinyproxy), held open by
# dev.goferry.cli.lab.LabMain; nothing leaves the lab's namespaces. Needs root, hyperfine, dig
# (dnsutils), curl, openssl. Usage: bench/doctor.sh [runs]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in hyperfine dig curl openssl ip; do
  command -v "$tool" >/dev/null || { echo "bench/doctor.sh: $tool is missing" >&2; exit 2; }
done

scratch=$(mktemp -d)
./goferry --version >/dev/null   # build the jar and the CDS archive before timing
# One reactor run: the test jars other modules publish (goferry-install's) resolve to their
# test-classes only inside it. Each module writes the file; goferry-cli, built last, wins.
./mvnw -q -B -ntp -o -pl goferry-cli -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$scratch/cp.txt" >/dev/null
# this worktree's modules first: the local repository may hold older builds of them
cp="goferry-cli/target/test-classes:$(ls -d goferry-*/target/classes | tr '\n' ':')$(cat "$scratch/cp.txt")"

mkfifo "$scratch/in"
"$JAVA_HOME/bin/java" -cp "$cp" dev.goferry.cli.lab.LabMain "$scratch" <"$scratch/in" >"$scratch/lab.out" 2>&1 &
lab_pid=$!
exec 3>"$scratch/in"
cleanup() { exec 3>&-; wait "$lab_pid" 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT
for _ in $(seq 1 120); do grep -q ready "$scratch/lab.out" 2>/dev/null && break; sleep 0.5; done
grep -q ready "$scratch/lab.out" || { cat "$scratch/lab.out" >&2; exit 1; }
# shellcheck disable=SC1091
source "$scratch/lab.env"
in_lab="ip netns exec $CLIENT_NS env -i $LAB_ENV"
doctor="$in_lab $PWD/goferry doctor --json --public-dns $PUBLIC_DNS"

echo "== 1. healthy lab"
$doctor --timeout 10s >"$scratch/healthy-run.json" || { echo "doctor is not healthy in the healthy lab:" >&2; cat "$scratch/healthy-run.json" >&2; exit 1; }
hyperfine -N --warmup 3 --runs "$runs" --export-json "$scratch/healthy.json" -n "goferry doctor (healthy)" \
  "$doctor --timeout 10s"

echo "== 3. the manual walk, sequential, same endpoints"
walk="$scratch/walk.sh"
cat >"$walk" <<EOF
#!/bin/bash
for url in https://proxy.golang.org/golang.org/x/text/@v/list https://proxy.golang.org/golang.org/toolchain/@v/list \
           https://proxy.golang.org/sumdb/sum.golang.org/supported https://sum.golang.org/latest \
           'https://golang.org/x/text?go-get=1' 'https://go.dev/dl/?mode=json' \
           https://dl.google.com/go/go1.24.4.linux-amd64.tar.gz.sha256; do
  host=\${url#https://}; host=\${host%%/*}
  dig +short +time=2 +tries=1 "\$host" A @$LAB_DNS >/dev/null
  dig +short +time=2 +tries=1 "\$host" AAAA @$LAB_DNS >/dev/null
  openssl s_client -connect "\$host:443" -servername "\$host" -CAfile "$LAB_CA" -verify_return_error </dev/null >/dev/null 2>&1
  curl -sS -o /dev/null --max-time 10 --cacert "$LAB_CA" \
    -w '%{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{http_code}\n' "\$url" >/dev/null
done
EOF
chmod +x "$walk"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$scratch/walk.json" -n "manual walk (dig+openssl+curl)" \
  "ip netns exec $CLIENT_NS $walk"

echo "== 2. every target blackholed"
echo blackhole >&3
sleep 0.5
for t in 5 10; do
  hyperfine -N -i --runs 5 --export-json "$scratch/black$t.json" -n "goferry doctor --timeout ${t}s (blackholed)" \
    "$doctor --timeout ${t}s"
done
echo restore >&3

python3 - "$scratch" <<'PY'
import json, sys, os
d = sys.argv[1]
m = lambda f: json.load(open(os.path.join(d, f)))["results"][0]
h, w = m("healthy.json"), m("walk.json")
print(f"healthy doctor: median {h['median']*1000:.0f} ms (min {h['min']*1000:.0f}, max {h['max']*1000:.0f})")
print(f"manual walk:    median {w['median']*1000:.0f} ms; walk / doctor = {w['median']/h['median']:.1f}x")
for t in (5, 10):
    b = m(f"black{t}.json")
    print(f"blackholed, --timeout {t}s: median {b['median']*1000:.0f} ms, max {b['max']*1000:.0f} ms "
          f"(deadline + {(b['max']-t)*1000:.0f} ms at worst)")
PY
