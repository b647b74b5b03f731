#!/usr/bin/env bash
# Benchmark: `go mod download` of Go 1.19's whole module corpus through a warm goferry serve,
# versus GOPROXY=file:// straight on the same tree (issue 5): the ratio of the times.
# - The tree: bench/lib/CorpusTree.java writes /usr/share/go-1.19/src/cmd/go/testdata/mod as a
#   GOPROXY tree with goferry's own escaping (as the corpus tests do) and lists every path@version.
# - goferry: java -jar goferry.jar serve with that tree as its file:// upstream, checksum database
#   and access log off; warmed by one full download before measuring.
# - Each run: `go mod download -json <every corpus module>` with Go 1.19 into an emptied module
#   cache (GOFLAGS=-modcacherw, GOSUMDB=off, GOTOOLCHAIN=local; some corpus modules are broken
#   on purpose, so the go command exits 1: hyperfine -i). hyperfine: 1 warm-up, 5 runs each.
# Usage: bench/serve-corpus.sh   (needs hyperfine, Go 1.19 at /usr/lib/go-1.19)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
GO=${GO:-/usr/lib/go-1.19/bin/go}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

scratch=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT

./goferry --version >/dev/null
jar=goferry-cli/target/goferry.jar
testkit=goferry-testkit/target/classes
[ -d "$testkit/dev" ] || ./mvnw -q -B -ntp -pl goferry-testkit -am compile >&2

"$JAVA" -cp "$jar:$testkit" bench/lib/CorpusTree.java "$scratch/tree" "$scratch/modules.txt"
echo "corpus: $(wc -l < "$scratch/modules.txt") module versions" >&2

gport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
GOFERRY_SERVE_ACCESS_LOG=false GOFERRY_SERVE_SUMDB=off "$JAVA" -jar "$jar" serve --listen "127.0.0.1:$gport" \
  --data "$scratch/data" --upstream "file://$scratch/tree" 2>"$scratch/goferry.err" &
pids+=($!)
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$gport/healthz" || { cat "$scratch/goferry.err" >&2; exit 1; }

cat > "$scratch/download.sh" <<SH
#!/usr/bin/env bash
# usage: download.sh GOPROXY
chmod -R u+w "$scratch/modcache" 2>/dev/null; rm -rf "$scratch/modcache"
exec env -i PATH=/usr/bin:/bin HOME="$scratch/home" GOPATH="$scratch/gopath" GOMODCACHE="$scratch/modcache" \
  GOCACHE="$scratch/gocache" GOFLAGS=-modcacherw GOSUMDB=off GOTOOLCHAIN=local GOPROXY="\$1" \
  "$GO" mod download -json $(tr '\n' ' ' < "$scratch/modules.txt") > "$scratch/last.json" 2>&1
SH
chmod +x "$scratch/download.sh"
mkdir -p "$scratch/home" && cd "$scratch/home"
# Warm goferry (and check both routes give the same answers).
"$scratch/download.sh" "http://127.0.0.1:$gport" || true
grep -c '"Sum"' "$scratch/last.json" > "$scratch/sums-goferry" || true
"$scratch/download.sh" "file://$scratch/tree" || true
grep -c '"Sum"' "$scratch/last.json" > "$scratch/sums-file" || true
echo "modules downloaded: goferry $(cat "$scratch/sums-goferry"), file:// $(cat "$scratch/sums-file")" >&2

hyperfine -i -N -w 1 -r 5 --export-markdown "$scratch/result.md" \
  -n "through goferry (warm)" "$scratch/download.sh http://127.0.0.1:$gport" \
  -n "GOPROXY=file://" "$scratch/download.sh file://$scratch/tree" >&2
cat "$scratch/result.md"
