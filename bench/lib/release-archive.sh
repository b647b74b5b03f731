# Sourced by the install benchmarks: builds a release mirror folder in "$1/www" — the installed
# Debian Go 1.19 repacked as go1.19.8.linux-amd64.tar.gz (like an official archive) and a JSON
# index naming its size and SHA-256 — and sets archive, size and sha.
release_archive() {
  local www="$1/www"
  mkdir -p "$www"
  archive="$www/go1.19.8.linux-amd64.tar.gz"
  # -h: follow Debian's symlinks (src, misc, …) so the tree is complete, as in an official archive.
  tar -C /usr/lib -chzf "$archive" --transform 's,^go-1.19,go,' go-1.19
  size=$(stat -c %s "$archive")
  sha=$(sha256sum "$archive" | cut -d' ' -f1)
  cat > "$www/index.json" <<JSON
[{"version": "go1.19.8", "stable": true, "files": [
  {"filename": "go1.19.8.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.19.8",
   "sha256": "$sha", "size": $size, "kind": "archive"}]}]
JSON
  # nginx workers run as an unprivileged user when started as root: let them read the files.
  chmod a+x "$1"
  chmod -R a+rX "$www"
}
