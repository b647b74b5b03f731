# Sourced by the install benchmarks.
#
# bench_scratch sets scratch to a new temporary folder and pids to an empty list; on exit every pid
# in pids is killed and the folder removed.
bench_scratch() {
  scratch=$(mktemp -d)
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$scratch"' EXIT
}

# loopback_nginx SCRATCH SERVERS starts nginx (worker 1, no access log, sendfile) with the given
# server blocks, its files under SCRATCH/nginx; appends its pid to the caller's pids array.
loopback_nginx() {
  local scratch="$1" servers="$2"
  mkdir -p "$scratch/nginx/logs"
  cat > "$scratch/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $scratch/nginx/nginx.pid;
error_log $scratch/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $scratch/nginx/body;
  proxy_temp_path $scratch/nginx/proxy;
  fastcgi_temp_path $scratch/nginx/fastcgi;
  uwsgi_temp_path $scratch/nginx/uwsgi;
  scgi_temp_path $scratch/nginx/scgi;
  types { application/json json info; application/gzip gz; application/zip zip; }
  default_type text/plain;
  sendfile on;
  $servers
}
CONF
  nginx -p "$scratch/nginx" -c "$scratch/nginx/nginx.conf" &
  pids+=($!)
}

# two_mirrors SCRATCH WWW RATE LOCATION_REGEX starts two
# loopback mirrors of WWW, on 127.0.0.1 and 127.0.0.2 (aria2c counts connections per host name),
# each limited to RATE (nginx units: 4m = 4 MiB/s), and sets A and B to their URLs.
#   LIMITER=paced (default): bench/lib/rate_limited_mirror.py, each mirror's whole output paced to
#     RATE: a mirror with capacity R, however many connections or requests a client makes.
#   LIMITER=nginx: nginx with `limit_rate RATE` on the files matching LOCATION_REGEX, per request;
#     nginx lets every request send one second's worth at once, so a client making many Range
#     requests gets more than R (the earlier figures in docs/benchmarks.md used this).
# Appends the servers' pids to the caller's pids array.
two_mirrors() {
  local scratch="$1" www="$2" rate="$3" location="$4"
  local free_port='import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  local a b
  a=$(python3 -c "$free_port"); b=$(python3 -c "$free_port")
  A="http://127.0.0.1:$a"; B="http://127.0.0.2:$b"
  if [ "${LIMITER:-paced}" = nginx ]; then
    loopback_nginx "$scratch" "server { listen 127.0.0.1:$a; root $www; location ~ $location { limit_rate $rate; } }
  server { listen 127.0.0.2:$b; root $www; location ~ $location { limit_rate $rate; } }"
  else
    local bytes
    bytes=$(python3 -c "import sys; v=sys.argv[1].lower(); print(int(float(v[:-1]) * {'k': 1024, 'm': 1048576}[v[-1]]) if v[-1] in 'km' else int(v))" "$rate")
    python3 bench/lib/rate_limited_mirror.py 127.0.0.1 "$a" "$www" "$bytes" &
    pids+=($!)
    python3 bench/lib/rate_limited_mirror.py 127.0.0.2 "$b" "$www" "$bytes" &
    pids+=($!)
  fi
  for _ in $(seq 50); do
    curl -s -o /dev/null "$A/" && curl -s -o /dev/null "$B/" && return 0
    sleep 0.1
  done
  echo "the mirrors did not start" >&2
  return 1
}
