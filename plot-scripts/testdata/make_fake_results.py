#!/usr/bin/env python3
"""Write a realistic fake callsim results folder, for testing the plot scripts without the simulator.

    python3 plot-scripts/testdata/make_fake_results.py OUT_DIR [--days 7] [--start 2024-04-01]
        [--holiday 2024-04-01 | --holiday none] [--seed 7] [--replications 10]
        [--scenario NAME] [--load FACTOR]

Writes OUT_DIR/summary.json, OUT_DIR/hourly.csv (one row per hour, --days days) and
OUT_DIR/waits.csv (wait-time histogram), in the layout `callsim run` writes.

The numbers come from a queueing model, not from a simulation: per hour, calls reach
the number at the rate of the DESIGN.md example (14,000 a day, its hourly profile and
weekday factors), 25 % end in the IVR, a few are blocked at the peak, the rest queue
for agents (M/M/n+M, solved exactly as a birth-death chain: 4 min handle time, 3 min
mean patience), with a roster shaped for an average weekday, so Mondays run short and
the answer rate dips at the peaks. Replication noise is added with the given seed.
Only the standard library is used.
"""

import argparse
import datetime as dt
import json
import math
import os
import random
import sys

PER_DAY = 14000.0
HOURLY = [0.6, 0.4, 0.3, 0.2, 0.2, 0.4, 1.2, 3.5, 6.8, 8.9, 8.6, 7.6, 6.1, 7.9, 8.3, 7.6,
          7.0, 6.2, 3.9, 2.9, 2.3, 1.8, 1.2, 0.9]
WEEKDAY = {"mon": 1.22, "tue": 1.02, "wed": 0.98, "thu": 0.97, "fri": 1.12, "sat": 0.52,
           "sun": 0.45, "holiday": 0.6}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HANDLE = 240.0        # seconds, talk + wrap-up
PATIENCE = 180.0      # seconds, exponential
IVR_END = 0.25        # share of total inflow that ends in the IVR (self-served or hung up)
TRUNKS_SHARE = 0.012  # share blocked per unit of overload at the peak
WITHIN = 20.0         # service-level threshold, seconds
SHRINKAGE = 0.88      # agents on the phones / agents scheduled

# the simulator's bins (Sources/CallSim/Statistics/WaitHistogram.swift): 1 s to 60 s,
# 5 s to 300 s, 30 s to 30 min, 5 min to 2 h, then one bin to inf
EDGES = ([float(i) for i in range(0, 60)] + [float(x) for x in range(60, 300, 5)]
         + [float(x) for x in range(300, 1800, 30)] + [float(x) for x in range(1800, 7201, 300)]
         + [math.inf])


def erlang_a(lam, n, mu, theta, kmax=None):
    """M/M/n+M by its birth-death chain: P(wait), P(abandon | queued), mean wait of all queued.

    lam, mu, theta in calls per second; n agents (whole).
    """
    if n <= 0:
        return 1.0, 1.0, 1.0 / theta
    kmax = kmax or n + 400
    logp = [0.0]
    for k in range(1, kmax + 1):
        death = min(k, n) * mu + max(k - n, 0) * theta
        logp.append(logp[-1] + math.log(lam) - math.log(death))
    top = max(logp)
    p = [math.exp(v - top) for v in logp]
    z = sum(p)
    p = [v / z for v in p]
    p_wait = sum(p[n:])
    queue = sum((k - n) * p[k] for k in range(n, kmax + 1))
    p_abandon = theta * queue / lam
    mean_wait = queue / lam  # Little's law over all arrivals
    return p_wait, p_abandon, mean_wait


def roster(hour):
    """Agents scheduled in an hour of an average weekday (shifts of whole agents)."""
    avg = PER_DAY * sum(WEEKDAY[d] for d in DAYS[:5]) / 5 * HOURLY[hour] / sum(HOURLY)
    load = avg * (1 - IVR_END) * HANDLE / 3600.0
    return max(4, int(math.ceil(load / SHRINKAGE * 1.06)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="folder to write (created if missing)")
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--start", default="2024-04-01", help="first date (default 2024-04-01, a Monday)")
    ap.add_argument("--holiday", action="append", default=None,
                    help="a date that is a holiday (repeatable; default 2024-04-01, Easter Monday; "
                         "'none' for no holiday)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--replications", type=int, default=10)
    ap.add_argument("--scenario", default="fake-week")
    ap.add_argument("--load", type=float, default=1.0,
                    help="multiply the call volume (e.g. 1.3 for an overloaded centre)")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    start = dt.date.fromisoformat(args.start)
    holidays = args.holiday if args.holiday is not None else ["2024-04-01"]
    holidays = {dt.date.fromisoformat(h) for h in holidays if h.lower() != "none"}
    os.makedirs(args.out, exist_ok=True)

    mu, theta = 1.0 / HANDLE, 1.0 / PATIENCE
    rows = []
    answered_bins = [0.0] * (len(EDGES) - 1)
    abandoned_bins = [0.0] * (len(EDGES) - 1)
    answered_without_wait = 0.0
    for day in range(args.days):
        date = start + dt.timedelta(days=day)
        wd = "holiday" if date in holidays else DAYS[date.weekday()]
        day_factor = WEEKDAY[wd] * math.exp(rng.gauss(0, 0.05))
        for hour in range(24):
            noise = lambda cv: math.exp(rng.gauss(0, cv))  # noqa: E731
            total = PER_DAY * args.load * day_factor * HOURLY[hour] / sum(HOURLY) * noise(0.04)
            scheduled = roster(hour)
            if wd in ("sat", "sun", "holiday"):
                scheduled = max(4, int(round(scheduled * 0.55)))
            on_phones = scheduled * SHRINKAGE * noise(0.02)
            peak_over = max(0.0, total / 1100.0 - 1.0)
            blocked = total * TRUNKS_SHARE * peak_over * 10
            inflow = (total - blocked) * (1 - IVR_END) * noise(0.01)
            lam = inflow / 3600.0
            n = max(1, int(round(on_phones)))
            p_wait, p_ab, mean_wait = erlang_a(lam, n, mu, theta)
            abandoned = inflow * p_ab
            answered = inflow - abandoned
            # waits of delayed calls: roughly exponential with the mean that makes E[W] right
            m = mean_wait / p_wait if p_wait > 1e-9 else 1.0
            sl = answered / inflow - p_wait * (1 - p_ab) * math.exp(-WITHIN / m) if inflow else math.nan
            sl = max(0.0, min(sl, answered / inflow)) if inflow else math.nan
            asa = mean_wait * 0.9
            occupancy = min(0.99, answered * HANDLE / 3600.0 / on_phones) if on_phones else math.nan
            rows.append({
                "date": date.isoformat(), "weekday": wd, "hour": hour,
                "agents_scheduled": scheduled, "agents_on_phones": round(on_phones, 2),
                "total_inflow": round(total, 1), "inflow": round(inflow, 1),
                "answered": round(answered, 1), "abandoned": round(abandoned, 1),
                "blocked": round(blocked, 1),
                "answer_rate": round(answered / inflow, 4) if inflow else "",
                "service_level": round(sl, 4) if inflow else "",
                "asa_seconds": round(asa, 2) if inflow else "",
                "occupancy": round(occupancy, 4),
            })
            # histogram: answered without waiting in the 0-0 row, the delayed ones spread
            queued_answered = inflow * p_wait - abandoned
            for i in range(len(EDGES) - 1):
                lo, hi = EDGES[i], EDGES[i + 1]
                share = math.exp(-lo / m) - (math.exp(-hi / m) if math.isfinite(hi) else 0.0)
                answered_bins[i] += max(queued_answered, 0.0) * share
                ab_m = 1.0 / (1.0 / m + theta)
                share_ab = math.exp(-lo / ab_m) - (math.exp(-hi / ab_m) if math.isfinite(hi) else 0.0)
                abandoned_bins[i] += abandoned * share_ab
            answered_without_wait += inflow * (1 - p_wait)

    columns = list(rows[0].keys())
    with open(os.path.join(args.out, "hourly.csv"), "w", newline="") as fh:
        fh.write(",".join(columns) + "\n")
        for r in rows:
            fh.write(",".join(str(r[c]) for c in columns) + "\n")

    with open(os.path.join(args.out, "waits.csv"), "w", newline="") as fh:
        fh.write("wait_from_seconds,wait_to_seconds,answered,abandoned\n")
        fh.write(f"0,0,{answered_without_wait:.2f},0.00\n")
        for i in range(len(EDGES) - 1):
            hi = "inf" if math.isinf(EDGES[i + 1]) else f"{EDGES[i + 1]:g}"
            a = answered_bins[i] * math.exp(rng.gauss(0, 0.03))
            b = abandoned_bins[i] * math.exp(rng.gauss(0, 0.03))
            fh.write(f"{EDGES[i]:g},{hi},{a:.2f},{b:.2f}\n")

    def metric(values, ci=True):
        mean = sum(values) / len(values)
        spread = 0.01 * abs(mean)
        return {"mean": round(mean, 4), "ci95": round(spread, 4) if ci else None,
                "min": round(mean - 1.5 * spread, 4), "max": round(mean + 1.5 * spread, 4)}

    tot = lambda c: sum(r[c] for r in rows)  # noqa: E731
    answered, inflow, total = tot("answered"), tot("inflow"), tot("total_inflow")
    served = [r for r in rows if r["service_level"] != ""]
    summary = {
        "scenario": args.scenario,
        "replications": args.replications,
        "seed": args.seed,
        "version": "0.0.0-fake",
        "metrics": {
            "total_inflow": metric([total]),
            "inflow": metric([inflow]),
            "answered": metric([answered]),
            "abandoned": metric([tot("abandoned")]),
            "blocked": metric([tot("blocked")]),
            "answer_rate": metric([answered / inflow]),
            "answer_rate_total": metric([answered / total]),
            "service_level": metric([sum(r["service_level"] * r["inflow"] for r in served) / inflow]),
            "asa_seconds": metric([sum(r["asa_seconds"] * r["answered"] for r in served) / answered]),
            "occupancy": metric([sum(r["occupancy"] * r["agents_on_phones"] for r in rows)
                                 / tot("agents_on_phones")]),
        },
        "call_types": {"general": {"answer_rate": metric([answered / inflow])}},
    }
    with open(os.path.join(args.out, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    print(f"wrote {args.out}/summary.json, hourly.csv ({len(rows)} rows), waits.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
