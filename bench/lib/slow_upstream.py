#!/usr/bin/env python3
"""A deliberately slow loopback module proxy for bench/serve-singleflight.sh.

usage: slow_upstream.py PORT ROOT DELAY_SECONDS LOG
Serves ROOT (a GOPROXY tree) on 127.0.0.1:PORT; every answer waits DELAY_SECONDS before its
headers, and every request path is appended to LOG, so the script can count upstream requests.
"""
import http.server
import os
import sys
import threading
import time

port, root, delay, log = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        with lock, open(log, "a") as f:
            f.write(self.path + "\n")
        time.sleep(delay)
        path = os.path.normpath(os.path.join(root, self.path.lstrip("/")))
        if not path.startswith(root) or not os.path.isfile(path):
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        else:
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/zip" if path.endswith(".zip") else "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
