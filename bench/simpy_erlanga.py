#!/usr/bin/env python3
"""The benchmark's reference model in SimPy, for a speed comparison in the same run.

Erlang A: Poisson arrivals 600 calls/h, exponential handle time mean 5 min, 48 agents,
exponential patience mean 3 min, FIFO. Prints one JSON line: calls, answered share,
seconds, calls_per_s.

    python3 bench/simpy_erlanga.py [CALLS] [SEED]
"""
import json
import random
import sys
import time

import simpy

RATE = 600 / 3600.0   # calls per second
HANDLE = 300.0        # seconds
PATIENCE = 180.0      # seconds
AGENTS = 48


def caller(env, agents, rng, counts):
    patience = rng.expovariate(1 / PATIENCE)
    with agents.request() as request:
        result = yield request | env.timeout(patience)
        if request in result:
            counts["answered"] += 1
            yield env.timeout(rng.expovariate(1 / HANDLE))
        else:
            counts["abandoned"] += 1


def source(env, agents, rng, counts, calls):
    for _ in range(calls):
        yield env.timeout(rng.expovariate(RATE))
        env.process(caller(env, agents, rng, counts))


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 12345
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    counts = {"answered": 0, "abandoned": 0}
    env.process(source(env, agents, rng, counts, calls))
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "calls": calls,
        "answered_share": counts["answered"] / calls,
        "seconds": seconds,
        "calls_per_s": calls / seconds,
    }))


if __name__ == "__main__":
    main()
