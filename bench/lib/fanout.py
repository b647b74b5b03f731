#!/usr/bin/env python3
"""Asks N clients at once for one URL (bench/serve-singleflight.sh).

usage: fanout.py N URL
Starts N threads behind a barrier, each with its own connection, and prints the wall time in
seconds from the barrier until the last client has the whole body, then the distinct
(status, length) pairs seen.
"""
import sys
import threading
import time
import urllib.request

n, url = int(sys.argv[1]), sys.argv[2]
barrier = threading.Barrier(n + 1)
results = []
lock = threading.Lock()


def client():
    barrier.wait()
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            body = r.read()
            got = (r.status, len(body))
    except urllib.error.HTTPError as e:
        got = (e.code, 0)
    with lock:
        results.append(got)


threads = [threading.Thread(target=client) for _ in range(n)]
for t in threads:
    t.start()
barrier.wait()
start = time.monotonic()
for t in threads:
    t.join()
print(f"{time.monotonic() - start:.3f}", sorted(set(results)))
