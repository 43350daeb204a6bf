#!/usr/bin/env python3
"""A bounded load test of `callsim live` on loopback (standard library only).

Starts `callsim live SCENARIO --speed SPEED --port 0`, opens CLIENTS server-sent-event
clients on /events for SECONDS, posts an `add_agents` control every 10 s, then stops the
server with SIGINT. Checks that every client received every event from the one it joined on
(events carry a sequence number), and measures the pace: how far the simulated time in each
event lags behind speed x the wall time since the client's first event (in wall seconds).
Only 127.0.0.1 is contacted; the number of clients and the time are bounded.
"""
import argparse, json, os, re, signal, socket, statistics, subprocess, sys, tempfile, threading, time


def read_events(port, seconds, out, ready):
    """One client: reads data: lines for `seconds`, records (wall, event)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    ready.release()
    buf = b""
    end = time.monotonic() + seconds
    s.settimeout(1)
    while time.monotonic() < end:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            if line.startswith(b"data: "):
                ev = json.loads(line[6:])
                out.append((time.monotonic(), ev["seq"], ev["type"], ev["sim_time"], ev["speed"], ev["paused"], ev["lag_seconds"]))
    s.close()


def post(port, body):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    data = json.dumps(body).encode()
    s.sendall(b"POST /control HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
              + b"Content-Length: %d\r\n\r\n" % len(data) + data)
    reply = b""
    while True:
        c = s.recv(65536)
        if not c:
            break
        reply += c
    s.close()
    return reply.split(b" ", 2)[1].decode()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--binary", default=".build/release/callsim")
    p.add_argument("--scenario", default="Scenarios/seoul-120/split.yaml")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--speed", type=float, default=60)
    p.add_argument("--group", default=None, help="group for the add_agents controls (default: the first)")
    a = p.parse_args()
    assert 1 <= a.clients <= 200 and 1 <= a.seconds <= 120, "bounded: at most 200 clients and 120 s"

    tmp = tempfile.mkdtemp()
    server = subprocess.Popen([a.binary, "live", a.scenario, "--speed", str(a.speed), "--start-at", "08:00", "--port", "0",
                               "--quiet", "--out", os.path.join(tmp, "results")], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r":(\d+)/", line).group(1))
        group = a.group or first_group(port)
        results = [[] for _ in range(a.clients)]
        ready = threading.Semaphore(0)
        threads = [threading.Thread(target=read_events, args=(port, a.seconds, results[i], ready)) for i in range(a.clients)]
        for t in threads:
            t.start()
        for _ in threads:
            ready.acquire()
        time.sleep(1)
        posted = 0
        start = time.monotonic()
        statuses = []
        while time.monotonic() - start < a.seconds - 3:
            time.sleep(min(10, max(0.1, a.seconds - 3 - (time.monotonic() - start))))
            if time.monotonic() - start >= a.seconds - 3:
                break
            body = {"action": "add_agents", "group": group, "agents": 3}
            statuses.append(post(port, body))
            posted += 1
        for t in threads:
            t.join()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    summary = json.load(open(os.path.join(tmp, "results", "summary.json")))

    # Every client got every event from its first one to the last one it could have seen.
    last_common = min(r[-1][1] for r in results)
    missing = 0
    for r in results:
        seqs = [e[1] for e in r]
        expected = list(range(seqs[0], seqs[-1] + 1))
        missing += len(set(expected) - set(seqs))
        assert seqs == sorted(seqs), "events out of order"
    interventions_seen = min(sum(1 for e in r if e[2] == "intervention") for r in results)

    # Pace: lag of the simulated clock behind speed x wall time, from each client's first event.
    lags = []
    for r in results:
        w0, _, _, s0, _, _, _ = r[0]
        for w, _, kind, sim, _, paused, _ in r[1:]:
            lags.append((a.speed * (w - w0) - (sim - s0)) / a.speed)
    server_lag = max(e[6] for r in results for e in r)
    span = results[0][-1][0] - results[0][0][0]
    drift = (results[0][-1][3] - results[0][0][3]) / (a.speed * span) if span > 0 else float("nan")
    events = [len(r) for r in results]
    print(f"clients: {a.clients}, seconds: {a.seconds:.0f}, speed: {a.speed:g}x, scenario: {a.scenario}")
    print(f"events per client: min {min(events)}, max {max(events)}; events missed by any client: {missing}")
    print(f"controls posted: {posted} (HTTP {', '.join(statuses)}); intervention events seen by every client: {interventions_seen}; "
          f"interventions in summary.json: {len(summary.get('interventions', []))}")
    print(f"pace lag seen by clients (wall s): mean {statistics.mean(lags):.3f}, p95 {sorted(lags)[int(0.95 * len(lags))]:.3f}, "
          f"max {max(lags):.3f}; engine's own lag at publishing: max {server_lag:.3f} s")
    print(f"simulated / (speed x wall) over the test: {drift:.4f}")
    ok = missing == 0 and interventions_seen == posted and all(s == "200" for s in statuses)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


def first_group(port):
    """The name of the first agent group, from the stream's first event."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    buf = b""
    while b"\ndata: " not in buf or not buf.split(b"\ndata: ", 1)[1].count(b"\n"):
        buf += s.recv(65536)
    s.close()
    return json.loads(buf.split(b"\ndata: ", 1)[1].split(b"\n", 1)[0])["groups"][0]["name"]


if __name__ == "__main__":
    main()
