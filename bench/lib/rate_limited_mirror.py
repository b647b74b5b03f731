#!/usr/bin/env python3
"""A loopback static mirror whose total output is paced to RATE bytes/s, for the segmented benches.

usage: rate_limited_mirror.py ADDRESS PORT ROOT RATE

Serves ROOT over HTTP/1.1 (keep-alive, GET and HEAD, single Range requests answered 206) on
ADDRESS:PORT. Every body byte of every connection draws on one pacing clock, so the mirror as a
whole sends RATE bytes/s however many connections or requests a client makes: a mirror with
capacity R. (nginx's limit_rate is per request and lets each request send one second's worth at
once, so a client making many short Range requests gets more than R from it.)
"""
import http.server
import os
import re
import sys
import threading
import time

address, port, root, rate = sys.argv[1], int(sys.argv[2]), os.path.realpath(sys.argv[3]), float(sys.argv[4])
CHUNK = 16 * 1024
BURST = 64 * 1024  # the most the pacing clock lets through at once after an idle spell
RANGE = re.compile(r"bytes=(\d+)-(\d*)$")
TYPES = {".gz": "application/gzip", ".zip": "application/zip", ".json": "application/json", ".info": "application/json"}


class Pacer:
    """Hands out send times one chunk after another, RATE bytes/s for all threads together."""

    def __init__(self):
        self.lock = threading.Lock()
        self.next = time.monotonic()

    def wait(self, n):
        with self.lock:
            now = time.monotonic()
            self.next = max(self.next, now - BURST / rate)
            at = self.next
            self.next += n / rate
        delay = at - time.monotonic()
        if delay > 0:
            time.sleep(delay)


pacer = Pacer()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(send_body=False)

    def do_GET(self):
        self.answer(send_body=True)

    def answer(self, send_body):
        path = os.path.realpath(os.path.join(root, self.path.split("?")[0].lstrip("/")))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)
            return
        size = os.path.getsize(path)
        start, end = 0, size - 1
        m = RANGE.match(self.headers.get("Range", ""))
        if m and int(m.group(1)) < size:
            start = int(m.group(1))
            end = min(size - 1, int(m.group(2))) if m.group(2) else size - 1
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", TYPES.get(os.path.splitext(path)[1], "text/plain; charset=utf-8"))
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if not send_body:
            return
        with open(path, "rb") as f:
            f.seek(start)
            left = end - start + 1
            while left > 0:
                data = f.read(min(CHUNK, left))
                if not data:
                    break
                pacer.wait(len(data))
                self.wfile.write(data)
                left -= len(data)


http.server.ThreadingHTTPServer.daemon_threads = True
http.server.ThreadingHTTPServer((address, port), Handler).serve_forever()
