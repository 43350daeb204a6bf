#!/usr/bin/env python3
"""Draw docs/sinusoidal-day.png: the figure of the planner (docs/planning.md) on a sinusoidal day.

Plans Scenarios/planning/sinusoidal-day.yaml (60-minute intervals), runs its last date's
`required` and `required_analytic` hour by hour on other callers (seed 99, 100
replications) and plots each run's service level by hour of the last date against the
target's band (3 points below to 8 above), with the calls per hour behind.

    python3 docs/sinusoidal-day.py [--callsim .build/release/callsim] [--work DIR]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "Scenarios/planning/sinusoidal-day.yaml"
TARGET = 0.8


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def run_hourly(callsim: str, agents: list[int], work: Path, name: str) -> list[dict[str, str]]:
    text = SCENARIO.read_text().replace("\nagents: 55\n", f"\nagents: {{hourly: {agents}}}\n")
    scenario = work / f"{name}.yaml"
    scenario.write_text(text)
    out = work / name
    subprocess.run([callsim, "run", str(scenario), "--out", str(out), "--seed", "99",
                    "--replications", "100", "--quiet"], check=True)
    hourly = rows(out / "hourly.csv")
    last = hourly[-1]["date"]
    return [r for r in hourly if r["date"] == last]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callsim", default=str(ROOT / ".build/release/callsim"))
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sinusoidal-"))
    plan = work / "plan"
    subprocess.run([args.callsim, "plan", str(SCENARIO), "--interval", "60m", "--out", str(plan),
                    "--quiet"], check=True)
    requirement = rows(plan / "requirement.csv")
    last = requirement[-1]["date"]
    day = [r for r in requirement if r["date"] == last]
    planned = run_hourly(args.callsim, [int(r["required"]) for r in day], work, "planned")
    analytic = run_hourly(args.callsim, [int(r["required_analytic"]) for r in day], work, "analytic")

    hours = list(range(24))
    fig, ax = plt.subplots(figsize=(10, 4.8), dpi=120)
    calls = ax.twinx()
    calls.bar(hours, [float(r["inflow"]) for r in planned], color="#dddddd", width=0.8, label="calls reaching the agents")
    calls.set_ylabel("calls per hour")
    ax.set_zorder(calls.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.axhspan(TARGET - 0.03, TARGET + 0.08, color="#c8e6c9", alpha=0.6, label="target band (−3 to +8 points)")
    ax.axhline(TARGET, color="#2e7d32", linewidth=1)
    inside = lambda run: sum(1 for r in run if TARGET - 0.03 <= float(r["service_level"]) <= TARGET + 0.08)  # noqa: E731
    ax.plot(hours, [float(r["service_level"]) for r in analytic], "o--", color="#c62828",
            label=f"Erlang A per hour ({inside(analytic)} of 24 hours in the band)")
    ax.plot(hours, [float(r["service_level"]) for r in planned], "o-", color="#1565c0",
            label=f"planned: corrected by simulation ({inside(planned)} of 24)")
    ax.set_xticks(hours)
    ax.set_xlabel("hour of day")
    ax.set_ylabel("service level (answered within 20 s / calls)")
    ax.set_ylim(0.6, 1.0)
    ax.set_title("A sinusoidal day: service level by hour, seed 99, 100 replications")
    ax.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(ROOT / "docs/sinusoidal-day.png")
    print(f"wrote {ROOT / 'docs/sinusoidal-day.png'}")


if __name__ == "__main__":
    main()
