#!/usr/bin/env python3
"""End-to-end tests of the plot scripts: each script run as a subprocess, as a user would.

    python3 plot-scripts/test_plots.py [RESULTS_DIR]
    CALLSIM_RESULTS=RESULTS_DIR python3 -m pytest plot-scripts/test_plots.py

RESULTS_DIR is a folder written by `callsim run` (summary.json, hourly.csv, waits.csv).
Without one (no argument, CALLSIM_RESULTS unset) the tests make a fake results folder
with testdata/make_fake_results.py, so they also run where the simulator is not built.

Checks: every PNG exists, has the documented pixel size (read from the PNG header) and
is not blank (pixel spread, distinct colours, share of non-background pixels); every SVG
exists; --help works; an empty folder, a missing folder and a missing column each give
a non-zero exit with exactly one `error:` line on stderr and no traceback. Output goes to
temporary folders: RESULTS_DIR itself is never written to.

Standalone, it prints one line per test and a final `N passed, M failed`, exit 1 on any
failure.
"""

from __future__ import annotations

import atexit
import csv
import datetime as dt
import json
import math
import multiprocessing
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
HOURLY = HERE / "hourly.py"
WAITS = HERE / "waits.py"
COMPARE = HERE / "compare.py"
SWEEP = HERE / "sweep.py"
PLAN = HERE / "plan.py"
PLAN_EXAMPLE = HERE / "testdata" / "plan-example"  # from `callsim plan` on a constant load
# from `callsim plan` on three-fields.yaml at 150 calls an hour, 8 days, with `planning:`:
# three groups, schedule.csv, cost per hour, one missed hour of one group
PLAN_GROUPS_EXAMPLE = HERE / "testdata" / "plan-groups-example"
FAKE = HERE / "testdata" / "make_fake_results.py"

# Pixel sizes the scripts document in their --help (figure inches x 100 dpi).
HOURLY_SIZE = (1600, 900)
HOURLY_WEEKDAY_SIZE = (1600, 1500)
WAITS_SIZE = (1400, 900)
COMPARE_SIZE = (1600, 900)
SWEEP_SIZE = (1200, 800)
PLAN_SIZE = (1600, 900)         # one group; also plan_people.png


def plan_size(groups):
    """plan.png and plan_week.png: 1600 x (300 + 400 x groups) px for several groups."""
    return PLAN_SIZE if groups <= 1 else (1600, 300 + 400 * groups)

TIMEOUT = 180  # seconds per script run

_results_dir = None


def results_dir() -> Path:
    """The folder under test: CALLSIM_RESULTS, else a fake one made once per run."""
    global _results_dir
    if _results_dir is None:
        given = os.environ.get("CALLSIM_RESULTS")
        if given:
            _results_dir = Path(given)
        else:
            tmp = Path(tempfile.mkdtemp(prefix="callsim-fake-results-"))
            atexit.register(shutil.rmtree, tmp, ignore_errors=True)
            proc = subprocess.run([sys.executable, str(FAKE), str(tmp)], capture_output=True,
                                  text=True, timeout=TIMEOUT)
            assert proc.returncode == 0, f"make_fake_results.py failed:\n{proc.stderr}"
            _results_dir = tmp
    return _results_dir


def run(script: Path, *args):
    return subprocess.run([sys.executable, str(script), *map(str, args)], capture_output=True,
                          text=True, timeout=TIMEOUT, env={**os.environ, "MPLBACKEND": "Agg"})


def assert_ok(proc, what):
    assert proc.returncode == 0, (f"{what}: exit {proc.returncode}\nstdout:\n{proc.stdout}"
                                  f"\nstderr:\n{proc.stderr}")
    assert "Traceback" not in proc.stderr, f"{what}: traceback on stderr:\n{proc.stderr}"


def png_size(path: Path):
    """Width and height from the PNG header (signature, then the IHDR chunk)."""
    with open(path, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG file"
    assert head[12:16] == b"IHDR", f"{path}: PNG without IHDR first"
    return struct.unpack(">II", head[16:24])


def assert_png(path: Path, size):
    import numpy as np
    import matplotlib.image as mpimg

    assert path.is_file(), f"{path}: not written"
    got = png_size(path)
    assert got == tuple(size), f"{path}: {got[0]}x{got[1]} pixels, expected {size[0]}x{size[1]}"
    img = mpimg.imread(str(path))
    assert img.shape[0] == size[1] and img.shape[1] == size[0], f"{path}: decoded shape {img.shape}"
    rgb = (img[..., :3] * 255).round().astype(np.uint8).reshape(-1, 3)
    spread = float(rgb.std())
    assert spread > 10, f"{path}: looks blank (pixel standard deviation {spread:.1f})"
    # Distinct colours counted on one packed number per pixel (np.unique over rows sorts them
    # as tuples: a second or more on a large figure).
    packed = (rgb[:, 0].astype(np.uint32) << 16) | (rgb[:, 1].astype(np.uint32) << 8) | rgb[:, 2]
    colours = len(np.unique(packed))
    assert colours > 16, f"{path}: only {colours} distinct colours"
    background = np.all(rgb >= 250, axis=1).mean()
    assert background < 0.97, f"{path}: {100 * background:.1f} % of pixels are white"


def assert_svg(path: Path):
    assert path.is_file(), f"{path}: not written"
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    assert "<svg" in head, f"{path}: no <svg> element at the start"


def assert_error(proc, what, mention=None):
    """Non-zero exit, one `error:` line on stderr and nothing else there, no traceback."""
    assert proc.returncode != 0, f"{what}: exit 0, expected failure"
    assert "Traceback" not in proc.stderr, f"{what}: traceback on stderr:\n{proc.stderr}"
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, f"{what}: expected one stderr line, got {len(lines)}:\n{proc.stderr}"
    assert lines[0].startswith("error: "), f"{what}: stderr line does not start with 'error: ': {lines[0]!r}"
    if mention:
        assert mention in lines[0], f"{what}: error line does not mention {mention!r}: {lines[0]!r}"


def copy_results(dest: Path) -> Path:
    """A private copy of the results files, for tests that write next to them or break them."""
    src = results_dir()
    target = dest / "results"
    target.mkdir()
    for name in ("summary.json", "hourly.csv", "waits.csv"):
        if (src / name).is_file():
            shutil.copy(src / name, target / name)
    return target


def drop_column(path: Path, column: str):
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh))
    idx = rows[0].index(column)
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows([r[:idx] + r[idx + 1:] for r in rows])


# ---------------------------------------------------------------------------
# Tests


def test_hourly_timeline():
    with tempfile.TemporaryDirectory() as out:
        proc = run(HOURLY, results_dir(), "--out", out)
        assert_ok(proc, "hourly.py")
        assert_png(Path(out) / "hourly.png", HOURLY_SIZE)
        assert_svg(Path(out) / "hourly.svg")


def test_hourly_by_weekday():
    with tempfile.TemporaryDirectory() as out:
        proc = run(HOURLY, results_dir(), "--out", out, "--by-weekday")
        assert_ok(proc, "hourly.py --by-weekday")
        assert_png(Path(out) / "hourly.png", HOURLY_WEEKDAY_SIZE)
        assert_svg(Path(out) / "hourly.svg")


def test_waits():
    with tempfile.TemporaryDirectory() as out:
        proc = run(WAITS, results_dir(), "--out", out)
        assert_ok(proc, "waits.py")
        assert_png(Path(out) / "waits.png", WAITS_SIZE)
        assert_svg(Path(out) / "waits.svg")


def test_waits_max_wait():
    with tempfile.TemporaryDirectory() as out:
        proc = run(WAITS, results_dir(), "--out", out, "--max-wait", "45")
        assert_ok(proc, "waits.py --max-wait 45")
        assert_png(Path(out) / "waits.png", WAITS_SIZE)


def test_waits_exact_at_zero():
    """The 0-0 row of waits.csv (calls answered on arrival) is a point mass at 0: the
    cumulative share at t = 0 is that share exactly, not a slice of the [0, 1) s bin."""
    import importlib.util
    import pandas as pd
    spec = importlib.util.spec_from_file_location("waits", WAITS)
    waits = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(waits)
    bins = pd.DataFrame.from_records([
        {"from": 0.0, "to": 0.0, "answered": 60.0, "abandoned": 0.0},
        {"from": 0.0, "to": 1.0, "answered": 20.0, "abandoned": 2.0},
        {"from": 1.0, "to": float("inf"), "answered": 20.0, "abandoned": 8.0},
    ])
    zero_ans, zero_ab, rest = waits.split_zero(bins)
    assert (zero_ans, zero_ab, len(rest)) == (60.0, 0.0, 2), (zero_ans, zero_ab, rest)
    edges, answered, _ = waits.contiguous(rest)
    assert zero_ans + waits.cumulative_at(edges, answered, 0.0) == 60.0
    assert zero_ans + waits.cumulative_at(edges, answered, 0.5) == 70.0
    old = bins.iloc[1:].reset_index(drop=True)  # a folder written before the 0-0 row
    assert waits.split_zero(old)[:2] == (0.0, 0.0)


def test_waits_without_zero_row():
    with tempfile.TemporaryDirectory() as tmp:
        res = copy_results(Path(tmp))
        lines = (res / "waits.csv").read_text().splitlines()
        if lines[1].startswith("0,0,"):
            del lines[1]
        (res / "waits.csv").write_text("\n".join(lines) + "\n")
        proc = run(WAITS, res, "--out", Path(tmp) / "o")
        assert_ok(proc, "waits.py on a waits.csv without the 0-0 row")
        assert_png(Path(tmp) / "o" / "waits.png", WAITS_SIZE)


def test_zero_width_bin_after_the_first_is_an_error():
    with tempfile.TemporaryDirectory() as tmp:
        res = copy_results(Path(tmp))
        lines = (res / "waits.csv").read_text().splitlines()
        lines.insert(3, "5,5,1,0")
        (res / "waits.csv").write_text("\n".join(lines) + "\n")
        assert_error(run(WAITS, res, "--out", Path(tmp) / "o"), "waits.py with an empty bin",
                     mention="line 4")


def test_default_out_is_results_plots():
    with tempfile.TemporaryDirectory() as tmp:
        res = copy_results(Path(tmp))
        for script, name in ((HOURLY, "hourly"), (WAITS, "waits")):
            assert_ok(run(script, res), f"{script.name} without --out")
            assert (res / "plots" / f"{name}.png").is_file(), f"{script.name}: no plots/{name}.png"
            assert (res / "plots" / f"{name}.svg").is_file(), f"{script.name}: no plots/{name}.svg"


def test_help():
    for script, outputs in ((HOURLY, ("RESULTS_DIR", "hourly.png", "--by-weekday")),
                            (WAITS, ("RESULTS_DIR", "waits.png", "--max-wait")),
                            (COMPARE, ("COMPARE_DIR", "compare.png", "--metrics"))):
        proc = run(script, "--help")
        assert_ok(proc, f"{script.name} --help")
        for word in ("--out",) + outputs:
            assert word in proc.stdout, f"{script.name} --help does not mention {word}"


def test_empty_folder_is_an_error():
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as out:
        for script in (HOURLY, WAITS):
            proc = run(script, empty, "--out", out)
            assert_error(proc, f"{script.name} on an empty folder", mention=empty)
            assert not any(Path(out).iterdir()), f"{script.name}: wrote output on error"


def test_missing_folder_is_an_error():
    with tempfile.TemporaryDirectory() as tmp:
        missing = Path(tmp) / "no-such-results"
        for script in (HOURLY, WAITS):
            assert_error(run(script, missing), f"{script.name} on a missing folder",
                         mention=str(missing))


def test_missing_column_is_an_error():
    with tempfile.TemporaryDirectory() as tmp:
        res = copy_results(Path(tmp))
        drop_column(res / "hourly.csv", "answered")
        drop_column(res / "waits.csv", "abandoned")
        assert_error(run(HOURLY, res, "--out", Path(tmp) / "o"), "hourly.py without 'answered'",
                     mention="'answered'")
        assert_error(run(WAITS, res, "--out", Path(tmp) / "o"), "waits.py without 'abandoned'",
                     mention="'abandoned'")


def test_bad_number_is_an_error():
    with tempfile.TemporaryDirectory() as tmp:
        res = copy_results(Path(tmp))
        lines = (res / "hourly.csv").read_text().splitlines()
        header = lines[0].split(",")
        cells = lines[1].split(",")
        cells[header.index("inflow")] = "lots"
        lines[1] = ",".join(cells)
        (res / "hourly.csv").write_text("\n".join(lines) + "\n")
        assert_error(run(HOURLY, res), "hourly.py with a non-number", mention="line 2")


def write_compare(folder: Path, minimal=False) -> Path:
    """A compare.json as `callsim compare` writes it (split against two integrated designs);
    `minimal`: only the contract's mean and ci95."""
    folder.mkdir(parents=True, exist_ok=True)
    base = {"answer_rate": 0.962, "answer_rate_total": 0.70, "service_level": 0.81, "abandon_rate": 0.038,
            "asa_seconds": 11.5, "mean_wait_seconds": 12.1, "occupancy": 0.84, "redials": 400.0}
    others = []
    for name, shift in (("integrated-week1", -1.0), ("integrated-steady", 0.6)):
        diffs = {}
        for metric, b in base.items():
            d = shift * b * 0.01
            ci = abs(d) * 0.2 if name.endswith("steady") else abs(d) * 1.5
            entry = {"mean": d, "ci95": ci}
            if not minimal:
                entry.update(base=b, other=b + d, significant=abs(d) > ci)
            diffs[metric] = entry
        others.append({"scenario": name, "differences": diffs, "call_types": {}, "agent_groups": {}})
    data = {"baseline": "split", "replications": 10, "seed": 7, "scenarios": others}
    (folder / "compare.json").write_text(json.dumps(data, indent=2))
    return folder


def test_compare():
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
        for minimal in (False, True):
            res = write_compare(Path(tmp) / f"cmp-{minimal}", minimal=minimal)
            target = Path(out) / str(minimal)
            assert_ok(run(COMPARE, res, "--out", target), f"compare.py (minimal={minimal})")
            assert_png(target / "compare.png", COMPARE_SIZE)
            assert_svg(target / "compare.svg")


def test_compare_default_out_and_metrics():
    with tempfile.TemporaryDirectory() as tmp:
        res = write_compare(Path(tmp) / "cmp")
        assert_ok(run(COMPARE, res, "--metrics", "service_level,asa_seconds"), "compare.py --metrics")
        assert_png(res / "plots" / "compare.png", COMPARE_SIZE)
        assert_error(run(COMPARE, res, "--metrics", "no_such_metric"), "compare.py unknown metric",
                     mention="no_such_metric")


def test_compare_needs_compare_json():
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out:
        assert_error(run(COMPARE, tmp, "--out", out), "compare.py on a folder without compare.json",
                     mention="compare.json")
        assert not any(Path(out).iterdir()), "compare.py: wrote output on error"
        assert_error(run(COMPARE, Path(tmp) / "missing"), "compare.py on a missing folder", mention="missing")
        (Path(tmp) / "compare.json").write_text("{not json")
        assert_error(run(COMPARE, tmp, "--out", out), "compare.py on malformed JSON", mention="not valid JSON")
        (Path(tmp) / "compare.json").write_text('{"baseline": "a", "scenarios": [{"scenario": "b", '
                                                 '"differences": {"service_level": {"mean": "high"}}}]}')
        assert_error(run(COMPARE, tmp, "--out", out), "compare.py on a non-number", mention="service_level")


def make_sweep(folder: Path, agents=range(8, 15), modes=("split", "overflow", "integrated")) -> Path:
    """A sweep folder as `callsim sweep` writes it: agents x zipped routing.mode and
    routing.overflow_after, answer rate rising with agents (generated, not simulated)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["agents,routing.mode,routing.overflow_after,answer_rate_mean,answer_rate_ci95,"
             "asa_seconds_mean,asa_seconds_ci95"]
    for a in agents:
        for i, m in enumerate(modes):
            rate = 1 - 0.5 * 0.8 ** (a - 6 + i)
            lines.append(f"{a},{m},{'30s' if m == 'overflow' else ''},{rate},{0.01 + 0.002 * i},"
                         f"{60 * (1 - rate)},")
    (folder / "points.csv").write_text("\n".join(lines) + "\n")
    (folder / "sweep.json").write_text('{"sweep": "fake", "replications": 3, "seed": 1}\n')
    return folder


def test_sweep_lines_and_heatmap():
    with tempfile.TemporaryDirectory() as tmp:
        sweep = make_sweep(Path(tmp) / "sweep")
        proc = run(SWEEP, sweep)
        assert_ok(proc, "sweep.py")
        assert_png(sweep / "plots" / "sweep-answer_rate.png", SWEEP_SIZE)
        assert_svg(sweep / "plots" / "sweep-answer_rate.svg")
        out = Path(tmp) / "o"
        proc = run(SWEEP, sweep, "--out", out, "--kind", "heatmap", "--metric", "asa_seconds")
        assert_ok(proc, "sweep.py --kind heatmap")
        assert_png(out / "sweep-asa_seconds.png", SWEEP_SIZE)
        one = make_sweep(Path(tmp) / "one", modes=("integrated",))
        assert_ok(run(SWEEP, one, "--out", out), "sweep.py over one parameter")
        assert_error(run(SWEEP, one, "--out", out, "--kind", "heatmap"), "sweep.py heat map of one parameter",
                     mention="only agents varies")


def test_sweep_errors():
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        empty.mkdir()
        assert_error(run(SWEEP, empty), "sweep.py on a folder without points.csv", mention="points.csv")
        assert not (empty / "plots").exists(), "sweep.py wrote output on error"
        sweep = make_sweep(Path(tmp) / "sweep")
        assert_error(run(SWEEP, sweep, "--metric", "occupancy"), "sweep.py with a metric not swept",
                     mention="'occupancy'")
        lines = (sweep / "points.csv").read_text().splitlines()
        lines[1] = lines[1].replace(",split,", ",split,x,", 1)
        (sweep / "points.csv").write_text("\n".join(lines) + "\n")
        assert_error(run(SWEEP, sweep), "sweep.py with a row too long", mention="line 2")
        proc = run(SWEEP, "--help")
        assert_ok(proc, "sweep.py --help")
        for word in ("SWEEP_DIR", "--out", "--metric", "--x", "--series", "--where", "sweep-METRIC.png"):
            assert word in proc.stdout, f"sweep.py --help does not mention {word}"


def copy_plan(dest: Path) -> Path:
    """A private copy of testdata/plan-example, for tests that write next to it or break it."""
    target = dest / "plan"
    shutil.copytree(PLAN_EXAMPLE, target)
    return target


def make_plan(folder: Path, days=29, minutes=30, warm_up_days=1, groups=None, judged="interval") -> Path:
    """A plan folder as `callsim plan` writes it, with a daily pattern (0 to ~130 agents,
    quieter weekends, a holiday), a few intervals scheduled short of the requirement,
    all three targets and a base plan (generated, not planned).

    `groups`: {name: load factor} for a plan of several groups (a `group` column, rows
    group by group, plan.json's `groups`, people, FTE and cost, and missed spans followed
    by the group's name; `judged` "day" makes them whole days). Without, the older layout:
    no `group` column, no people."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ("interval_start,date,weekday,calls_per_hour,required_analytic,required,scheduled,"
              "required_staff,staff_on_duty,analytic_service_level,predicted_service_level,"
              "predicted_answer_rate")
    lines = [header.replace("interval_start,", "interval_start,group,") if groups else header]
    for name, factor in (groups or {None: 1.0}).items():
        lines += plan_rows(days, minutes, warm_up_days, name, factor)
    (folder / "requirement.csv").write_text("\n".join(lines) + "\n")
    plan = {"scenario": "seoul-fake", "interval_minutes": minutes, "seed": 1, "replications": 5,
            "targets": {"service_level": {"share": 0.8, "within_seconds": 20}, "answer_rate": 0.98,
                        "max_occupancy": 0.88},
            "met": False, "paid_hours": 61234.5, "base_paid_hours": 64000,
            "missed_hours": ["2024-03-06 10:00", "2024-03-12 15:00"],
            "iterations": [{"number": 1, "stage": "correction", "answer_rate": 0.97, "service_level": 0.79,
                            "occupancy": 0.86, "missed_hours": 3}]}
    if groups:
        names = list(groups)
        total = sum(groups.values())
        plan.update(judged=judged, people=0, fte=0.0, cost=0.0, hours_per_fte=40, base_paid_hours=None,
                    groups=[], not_cleared=[f"{names[-1]}: service_level"])
        for name, factor in groups.items():
            paid = round(plan["paid_hours"] * factor / total, 1)
            people = int(paid / 8 / days * 7 / 5) + 1
            cost = round(paid * (15800 if name != names[-1] else 17000))
            fte = round(paid / 40 / (days / 7), 3)
            plan["groups"].append({"group": name, "paid_hours": paid, "people": people, "fte": fte, "cost": cost,
                                   "cost_per_hour": cost / paid, "roster_lines": 12,
                                   "solver": {"optimal": True, "gap": 0, "seconds": 0.1}})
            plan["people"] += people
            plan["fte"] += fte
            plan["cost"] += cost
        if judged == "day":
            plan["missed_hours"] = [f"2024-03-06 {names[0]}", f"2024-03-12 {names[-1]}", f"period {names[-1]}"]
        else:
            plan["missed_hours"] = [f"2024-03-06 10:00 {names[0]}", f"2024-03-12 15:00 {names[-1]}",
                                    f"2024-03-12 16:00 {names[-1]}"]
    (folder / "plan.json").write_text(json.dumps(plan, indent=2))
    return folder


def plan_rows(days, minutes, warm_up_days, group, factor):
    """requirement.csv rows of one group (`group` None: without the group column)."""
    lines = []
    start = dt.datetime(2024, 3, 4)
    per_day = 24 * 60 // minutes
    for i in range(days * per_day):
        t = start + dt.timedelta(minutes=minutes * i)
        wd = "holiday" if t.date() == dt.date(2024, 3, 13) else \
            ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[t.weekday()]
        h = t.hour + t.minute / 60
        shape = max(0.0, math.sin(math.pi * (h - 7) / 14)) ** 1.5 if 7 <= h <= 21 else 0.0
        level = (0.55 if wd in ("sat", "sun", "holiday") else 1.0) * shape * factor
        calls = round(2400 * level)
        analytic = math.ceil(125 * level) if calls else 0
        required = analytic + (2 if calls and i % 7 == 0 else 0)
        scheduled = required + (0.7 * (i % 3)) - (1.5 if i % 97 == 0 and calls else 0)
        staff = math.ceil(scheduled * 1.15)
        sim = calls and t >= start + dt.timedelta(days=warm_up_days)
        sl = f"{min(0.99, 0.82 + 0.05 * math.sin(i)):.4f}" if sim else ""
        ar = f"{min(0.995, 0.975 + 0.015 * math.cos(i)):.4f}" if sim else ""
        lines.append(f"{t:%Y-%m-%dT%H:%M}," + (f"{group}," if group else "")
                     + f"{t:%Y-%m-%d},{wd},{calls},{analytic},{required},"
                     f"{max(0.0, scheduled):.2f},{staff},{staff},{0.8 if calls else ''},{sl},{ar}")
    return lines


def make_schedule(folder: Path, people, days=29, paid=True) -> Path:
    """schedule.csv as `callsim plan` writes it with `planning:` for the plan in `folder`
    (make_plan's horizon from 2024-03-04, 2024-03-13 a holiday): {group: people}, each
    person working 5 days in each Monday-Sunday week with two adjacent days off (by the
    person's number), an 8-hour shift, every fourth person a 4-hour short one."""
    start = dt.date(2024, 3, 4)
    lines = ["person,group,date,weekday,shift,start,end" + (",paid_hours" if paid else "")]
    for group, n in people.items():
        for p in range(n):
            person = f"{group}-{p + 1:04d}"
            off = p % 7
            for d in range(days):
                date = start + dt.timedelta(days=d)
                if date.weekday() in (off, (off + 1) % 7):
                    continue
                wd = "holiday" if date == dt.date(2024, 3, 13) else \
                    ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[date.weekday()]
                short = p % 4 == 3
                shift, begin, end, hours = ("short-10", "10:00", "14:00", 4) if short else \
                    ("day-08", "08:00", "17:00", 8)
                lines.append(f"{person},{group},{date},{wd},{shift},{begin},{end}" + (f",{hours}" if paid else ""))
    (folder / "schedule.csv").write_text("\n".join(lines) + "\n")
    return folder


def test_plan_example():
    """The example from `callsim plan` (30 days): plan.png and the week figure."""
    with tempfile.TemporaryDirectory() as out:
        proc = run(PLAN, PLAN_EXAMPLE, "--out", out)
        assert_ok(proc, "plan.py")
        for name in ("plan", "plan_week"):
            assert_png(Path(out) / f"{name}.png", PLAN_SIZE)
            assert_svg(Path(out) / f"{name}.svg")


def test_plan_daily_pattern_and_short_horizon():
    with tempfile.TemporaryDirectory() as tmp:
        plan = make_plan(Path(tmp) / "seoul")
        assert_ok(run(PLAN, plan), "plan.py on a 29-day half-hour plan")
        for name in ("plan", "plan_week"):
            assert_png(plan / "plots" / f"{name}.png", PLAN_SIZE)
            assert_svg(plan / "plots" / f"{name}.svg")
        short = make_plan(Path(tmp) / "short", days=3, minutes=15)
        assert_ok(run(PLAN, short), "plan.py on a 3-day quarter-hour plan")
        assert_png(short / "plots" / "plan.png", PLAN_SIZE)
        assert not (short / "plots" / "plan_week.png").exists(), "plan.py: a week figure for 3 days"
        cut = copy_plan(Path(tmp))
        lines = (cut / "requirement.csv").read_text().splitlines()
        (cut / "requirement.csv").write_text("\n".join(lines[:1 + 24 * 2]) + "\n")
        data = json.loads((cut / "plan.json").read_text())
        data["targets"] = {}
        data["base_paid_hours"] = 40000
        (cut / "plan.json").write_text(json.dumps(data))
        assert_ok(run(PLAN, cut, "--out", Path(tmp) / "o"), "plan.py on 2 days, no targets")
        assert_png(Path(tmp) / "o" / "plan.png", PLAN_SIZE)


def test_plan_help():
    proc = run(PLAN, "--help")
    assert_ok(proc, "plan.py --help")
    for word in ("PLAN_DIR", "--out", "plan.png", "plan_week.png", "1600 x 900", "requirement.csv",
                 "plan.json", "schedule.csv", "plan_people.png", "1600 x (300 + 400 x groups)"):
        assert word in proc.stdout, f"plan.py --help does not mention {word}"


def test_plan_errors():
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "o"
        assert_error(run(PLAN, Path(tmp) / "no-such-plan", "--out", out), "plan.py on a missing folder",
                     mention="no-such-plan")
        for name in ("requirement.csv", "plan.json"):
            plan = copy_plan(Path(tmp) / f"without-{name}")
            (plan / name).unlink()
            assert_error(run(PLAN, plan, "--out", out), f"plan.py without {name}", mention=name)
        plan = copy_plan(Path(tmp) / "no-column")
        drop_column(plan / "requirement.csv", "scheduled")
        assert_error(run(PLAN, plan, "--out", out), "plan.py without 'scheduled'", mention="'scheduled'")
        plan = copy_plan(Path(tmp) / "bad-number")
        lines = (plan / "requirement.csv").read_text().splitlines()
        lines[3] = lines[3].replace(",52,52,52,", ",52,many,52,", 1)
        (plan / "requirement.csv").write_text("\n".join(lines) + "\n")
        assert_error(run(PLAN, plan, "--out", out), "plan.py with a non-number", mention="line 4")
        plan = copy_plan(Path(tmp) / "bad-json")
        (plan / "plan.json").write_text("{not json")
        assert_error(run(PLAN, plan, "--out", out), "plan.py on malformed JSON", mention="not valid JSON")
        (plan / "plan.json").write_text('{"scenario": "x", "interval_minutes": 60, "met": true}')
        assert_error(run(PLAN, plan, "--out", out), "plan.py without paid_hours", mention="'paid_hours'")
        assert not out.exists(), "plan.py wrote output on error"


def load_plan_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("plan", PLAN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plan_groups_example():
    """The example from `callsim plan` with three groups and `planning:` (8 days): one pair of
    panels per group, the week figure, and the people figure."""
    with tempfile.TemporaryDirectory() as out:
        proc = run(PLAN, PLAN_GROUPS_EXAMPLE, "--out", out)
        assert_ok(proc, "plan.py on three groups")
        for name in ("plan", "plan_week"):
            assert_png(Path(out) / f"{name}.png", plan_size(3))
            assert_svg(Path(out) / f"{name}.svg")
        assert_png(Path(out) / "plan_people.png", PLAN_SIZE)
        assert_svg(Path(out) / "plan_people.svg")
        assert "plan_people.png" in proc.stdout


def test_plan_several_groups_generated():
    """Two generated groups over 29 half-hour days (a holiday, misses per hour and per day,
    a target not cleared), with a schedule.csv; a single group with a `group` column keeps
    the one-group size; no schedule.csv, no people figure."""
    with tempfile.TemporaryDirectory() as tmp:
        for judged in ("interval", "day"):
            plan = make_plan(Path(tmp) / judged, groups={"traffic_team": 1.0, "water_team": 0.4}, judged=judged)
            make_schedule(plan, {"traffic_team": 60, "water_team": 25})
            assert_ok(run(PLAN, plan), f"plan.py on two groups judged per {judged}")
            for name in ("plan", "plan_week"):
                assert_png(plan / "plots" / f"{name}.png", plan_size(2))
            assert_png(plan / "plots" / "plan_people.png", PLAN_SIZE)
        one = make_plan(Path(tmp) / "one", days=10, groups={"agents": 1.0})
        assert_ok(run(PLAN, one), "plan.py on one group with a group column")
        assert_png(one / "plots" / "plan.png", PLAN_SIZE)
        assert_png(one / "plots" / "plan_week.png", PLAN_SIZE)
        assert not (one / "plots" / "plan_people.png").exists(), "plan.py: a people figure without schedule.csv"
        make_schedule(one, {"agents": 40}, days=10, paid=False)
        assert_ok(run(PLAN, one, "--out", Path(tmp) / "o"), "plan.py with a schedule.csv without paid_hours")
        assert_png(Path(tmp) / "o" / "plan_people.png", PLAN_SIZE)
        short = make_plan(Path(tmp) / "short", days=3, groups={"a": 1.0, "b": 0.5, "c": 0.2})
        make_schedule(short, {"a": 9, "b": 5, "c": 2}, days=3)
        assert_ok(run(PLAN, short), "plan.py on 3 days (partial weeks) of three groups")
        assert_png(short / "plots" / "plan.png", plan_size(3))
        assert_png(short / "plots" / "plan_people.png", PLAN_SIZE)
        assert not (short / "plots" / "plan_week.png").exists(), "plan.py: a week figure for 3 days"


def test_plan_reading_groups_and_people():
    """What the figures are drawn from: each group's own rows, missed spans by group, and
    people on duty by day type (means over the dates of that type), days worked a week."""
    plan_py = load_plan_module()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_plan(Path(tmp) / "p", days=14, minutes=60, groups={"x": 1.0, "y": 0.5})
        make_schedule(folder, {"x": 14, "y": 7}, days=14)
        plan = plan_py.read_plan(folder)
        req = plan_py.read_requirement(folder, 60)
        assert req.names == ["x", "y"] and len(req.frames) == 2, req.names
        assert all(len(f) == 14 * 24 for f in req.frames)
        peak_x, peak_y = (float(f["required"].max()) for f in req.frames)
        assert peak_y < peak_x, (peak_x, peak_y)
        assert plan["groups"]["y"]["people"] is not None and plan["people"] > 0
        assert plan["not_cleared"] == {"y": ["service_level"]}, plan["not_cleared"]
        hours, days = plan_py.missed_in(plan, "y", req.midnight, 0, 14 * 24)
        assert hours == [8 * 24 + 15.5, 8 * 24 + 16.5] and days == [], (hours, days)
        assert plan_py.missed_in(plan, "x", req.midnight, 0, 14 * 24)[0] == [2 * 24 + 10.5]
        assert plan_py.parse_missed(["2024-03-06 traffic team", "period", "2024-03-06 10:00"]) == [
            ("day", dt.datetime(2024, 3, 6), "traffic team"), ("period", None, None),
            ("hour", dt.datetime(2024, 3, 6, 10), None)]
        schedule = plan_py.read_schedule(folder, req)
        t = plan_py.people_tables(schedule)
        assert t["order"] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "holiday"], t["order"]
        assert t["dates"] == {"mon": 2, "tue": 2, "wed": 1, "thu": 2, "fri": 2, "sat": 2, "sun": 2, "holiday": 1}
        # 14 people of x, person p off on weekdays p % 7 and p % 7 + 1: 10 of them on each date
        assert t["by_type"]["x"]["mon"] == (10.0, 10, 10), t["by_type"]["x"]["mon"]
        assert t["by_type"]["y"]["holiday"] == (5.0, 5, 5), t["by_type"]["y"]["holiday"]
        assert t["weeks"] == 2 and t["whole"] and t["week_days"]["x"] == {5: 28}, t["week_days"]
        assert t["lengths"]["x"] == {4.0: 3 * 10 * 4.0, 8.0: 11 * 10 * 8.0}, t["lengths"]["x"]
        old = plan_py.read_requirement(PLAN_EXAMPLE, 60)  # no group column: one group
        assert old.names == [None] and not old.several


def test_plan_schedule_errors():
    """A schedule.csv that is missing a column, empty or malformed: exit 2, one line that
    names the file, and nothing written."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "o"
        base = make_plan(Path(tmp) / "base", days=8, minutes=60, groups={"a": 1.0, "b": 0.5})
        make_schedule(base, {"a": 7, "b": 4}, days=8)
        good = (base / "schedule.csv").read_text().splitlines()

        def broken(name, lines):
            folder = Path(tmp) / name
            shutil.copytree(base, folder)
            (folder / "schedule.csv").write_text("".join(l + "\n" for l in lines))
            return folder

        for column in ("person", "group", "date"):
            folder = broken(f"no-{column}", good)
            drop_column(folder / "schedule.csv", column)
            assert_error(run(PLAN, folder, "--out", out), f"plan.py, schedule.csv without {column!r}",
                         mention=f"schedule.csv: missing column '{column}'")
        cases = {
            "empty": ([], "empty file"),
            "header-only": (good[:1], "no data rows"),
            "bad-date": (good[:2] + [good[2].replace("2024-03-0", "2024-13-0", 1)], "line 3"),
            "outside": (good[:2] + [good[2].replace("2024-03-0", "2024-04-0", 1)], "outside the plan's horizon"),
            "twice": (good[:3] + [good[2]], "a second row for"),
            "two-groups": (good[:2] + [good[2].replace(",a,", ",b,", 1)], "expected one group per person"),
            "bad-hours": (good[:2] + [good[2].rsplit(",", 1)[0] + ",eight"], "'paid_hours'"),
            "bad-weekday": (good[:2] + [",".join(c if i != 3 else "someday" for i, c in enumerate(good[2].split(",")))],
                            "weekday 'someday' is not a day type"),
            "empty-person": (good[:2] + ["," + good[2].split(",", 1)[1]], "column 'person' is empty"),
        }
        for name, (lines, mention) in cases.items():
            folder = broken(name, lines)
            assert_error(run(PLAN, folder, "--out", out), f"plan.py, schedule.csv {name}", mention=mention)
            assert "schedule.csv" in run(PLAN, folder, "--out", out).stderr
        folder = Path(tmp) / "dir"
        shutil.copytree(base, folder)
        (folder / "schedule.csv").unlink()
        (folder / "schedule.csv").mkdir()
        assert_error(run(PLAN, folder, "--out", out), "plan.py, schedule.csv a folder", mention="schedule.csv")
        assert not out.exists(), "plan.py wrote output on error"


def test_plan_group_errors():
    """requirement.csv and plan.json of several groups, malformed: exit 2, one line."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "o"
        base = make_plan(Path(tmp) / "base", days=3, minutes=60, groups={"a": 1.0, "b": 0.5})
        lines = (base / "requirement.csv").read_text().splitlines()

        def variant(name, req_lines=None, plan_edit=None):
            folder = Path(tmp) / name
            shutil.copytree(base, folder)
            if req_lines is not None:
                (folder / "requirement.csv").write_text("\n".join(req_lines) + "\n")
            if plan_edit:
                data = json.loads((folder / "plan.json").read_text())
                plan_edit(data)
                (folder / "plan.json").write_text(json.dumps(data))
            return folder

        empty_group = lines[:5] + [lines[5].replace(",a,", ",,", 1)] + lines[6:]
        assert_error(run(PLAN, variant("empty-group", empty_group), "--out", out), "plan.py, an empty group",
                     mention="line 6: column 'group' is empty")
        twice = lines + [lines[3]]
        assert_error(run(PLAN, variant("twice", twice), "--out", out), "plan.py, a group's interval twice",
                     mention="of group 'a'")
        assert_error(run(PLAN, variant("groups-not-list", plan_edit=lambda d: d.update(groups={"a": 1})),
                         "--out", out), "plan.py, groups not a list", mention="'groups'")
        assert_error(run(PLAN, variant("group-people", plan_edit=lambda d: d["groups"][1].update(people="many")),
                         "--out", out), "plan.py, a group's people not a number", mention="groups[1].people")
        assert_error(run(PLAN, variant("judged", plan_edit=lambda d: d.update(judged="weekly")),
                         "--out", out), "plan.py, judged unknown", mention="'judged'")
        assert not out.exists(), "plan.py wrote output on error"


# ---------------------------------------------------------------------------
# Figures built around a decision (read back from the figure, not the picture)


def _module(name):
    """A plot script imported as a module, drawing with the Agg backend."""
    import importlib
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    return importlib.import_module(name)


def _hlines(ax):
    """The y values of the horizontal lines drawn across a panel (zero and target lines)."""
    return [line.get_ydata()[0] for line in ax.lines
            if len(set(line.get_ydata())) == 1 and list(line.get_xdata()) == [0, 1]]


def _assert_refused(parse_targets, texts, mention):
    """Each `--target` text is refused with a ResultsError that mentions `mention`."""
    import callsim_results as cr
    for bad in texts:
        try:
            parse_targets([bad])
        except cr.ResultsError as err:
            assert mention in err.message, err.message
        else:
            raise AssertionError(f"--target {bad!r} accepted")


def test_compare_differences_sit_around_zero_under_the_question():
    compare = _module("compare")
    plt = compare.cr.figure_tools()
    with tempfile.TemporaryDirectory() as tmp:
        data, scenarios = compare.read_compare(write_compare(Path(tmp) / "cmp"))
    question = "Does integrating the queues pay?"
    metrics = ["answer_rate", "service_level", "asa_seconds", "redials"]
    fig = compare.draw(plt, data, scenarios, metrics, title=question, targets={"answer_rate": 0.98})
    assert fig._suptitle.get_text() == question, fig._suptitle.get_text()
    for ax, metric in zip(fig.axes, metrics):
        lo, hi = ax.get_ylim()
        assert lo < 0 < hi, f"{metric}: the axis {lo}..{hi} does not hold zero"
        assert 0 in _hlines(ax), f"{metric}: no zero line"
        for _, d in scenarios:
            scale = 100 if metric in ("answer_rate", "service_level") else 1
            mean, ci = d[metric]["mean"] * scale, d[metric]["ci95"] * scale
            assert lo < mean - ci and mean + ci < hi, f"{metric}: interval {mean}±{ci} outside {lo}..{hi}"
        assert ax.get_ylabel().startswith("difference from the baseline"), ax.get_ylabel()
        assert "baseline" in ax.get_title(), ax.get_title()
    assert "target 98.0 %" in fig.axes[0].get_title() and "baseline 96.2 %" in fig.axes[0].get_title()
    # The prefix the bars' names share is dropped (the baseline, not drawn, does not count).
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["week1", "steady"]
    plt.close(fig)
    # Long names are broken after a '-', not cut short (two cut names once read alike).
    labels = compare.tick_labels(["seoul-120-sept-reinforcement-none", "seoul-120-sept-reinforcement-none-placement-in-one-team"])
    assert labels[0] == "none" and labels[1].replace("\n", "") == "none-placement-in-one-team", labels
    assert all(len(line) <= 16 for line in labels[1].split("\n")) and "…" not in labels[1], labels


def test_compare_values_start_at_zero_and_shares_end_at_100():
    compare = _module("compare")
    plt = compare.cr.figure_tools()
    with tempfile.TemporaryDirectory() as tmp:
        data, scenarios = compare.read_compare(write_compare(Path(tmp) / "cmp"))
    metrics = ["answer_rate", "occupancy", "asa_seconds", "redials"]
    fig = compare.draw(plt, data, scenarios, metrics, values=True, targets={"answer_rate": 0.98, "asa_seconds": 20})
    limits = {m: ax.get_ylim() for ax, m in zip(fig.axes, metrics)}
    assert limits["answer_rate"] == (0, 100) and limits["occupancy"] == (0, 100), limits
    assert limits["asa_seconds"][0] == 0 and limits["redials"][0] == 0, limits
    assert 98 in _hlines(fig.axes[0]), _hlines(fig.axes[0])
    assert 20 in _hlines(fig.axes[2]) and limits["asa_seconds"][1] > 20, limits
    assert fig._suptitle.get_text() == "Values of each scenario beside the baseline"
    plt.close(fig)
    # A target is METRIC=NUMBER.
    assert compare.parse_targets(["answer_rate=0.98"]) == {"answer_rate": 0.98}
    _assert_refused(compare.parse_targets, ("answer_rate", "answer_rate=high", "=0.9"), "METRIC=NUMBER")


def test_hourly_short_run_marks_the_hours_and_the_targets():
    hourly = _module("hourly")
    plt = hourly.cr.figure_tools()
    with tempfile.TemporaryDirectory() as tmp:
        folder = copy_results(Path(tmp))
        with open(folder / "hourly.csv", newline="") as fh:
            rows = list(csv.reader(fh))
        with open(folder / "hourly.csv", "w", newline="") as fh:
            csv.writer(fh).writerows(rows[:25])  # the header and one day
        frame, summary = hourly.cr.read_hourly(folder), hourly.cr.read_summary(folder)
    question = "When in the day are callers lost?"
    fig = hourly.timeline(plt, frame, summary, title=question,
                          targets=hourly.parse_targets(["answer_rate=0.98", "service_level=0.8"]))
    assert fig._suptitle.get_text() == question
    ax_rate = fig.axes[1]
    fig.canvas.draw()
    left, right = ax_rate.get_xlim()
    hours = [t.get_text() for t in ax_rate.get_xticklabels() if left <= t.get_position()[0] <= right]
    assert hours == ["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "00:00"], hours
    dates = [t.get_text() for t in ax_rate.get_xticklabels(minor=True)]
    assert len(dates) == 1 and frame["date"].min().isoformat() in dates[0], dates
    assert {0.98, 0.8} <= set(_hlines(ax_rate)), _hlines(ax_rate)
    assert ax_rate.get_ylim()[0] <= 0.8
    plt.close(fig)
    _assert_refused(hourly.parse_targets, ("occupancy=0.8", "service_level=80"), "METRIC=SHARE")


def test_sweep_question_title_and_target_in_per_cent():
    sweep = _module("sweep")
    plt = sweep.cr.figure_tools()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_sweep(Path(tmp) / "sweep", modes=("integrated",))
        params, metrics, rows = sweep.read_points(folder)
    fig = sweep.draw(plt, rows, "answer_rate", "lines", "agents", None, "How many agents reach 98 %?", target=0.98)
    ax = fig.axes[0]
    assert ax.get_title() == "How many agents reach 98 %?"
    assert 98 in _hlines(ax), _hlines(ax)
    assert max(ax.lines[0].get_ydata()) > 90, "answer rate not drawn in per cent"
    plt.close(fig)
    # A channel's share (phone.answer_rate) is in per cent too.
    for row in rows:
        row["phone.answer_rate_mean"], row["phone.answer_rate_ci95"] = row["answer_rate_mean"], row["answer_rate_ci95"]
    fig = sweep.draw(plt, rows, "phone.answer_rate", "lines", "agents", None, "t")
    assert max(fig.axes[0].lines[0].get_ydata()) > 90
    plt.close(fig)


TESTS = [v for k, v in list(globals().items()) if k.startswith("test_") and callable(v)]


def run_test(index):
    """Runs TESTS[index]; returns None when it passes, else what failed."""
    try:
        TESTS[index]()
    except Exception as err:  # report every failure, keep going
        return str(err) if isinstance(err, AssertionError) else traceback.format_exc()
    return None


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__)
        return 0 if len(argv) == 2 else 2
    if len(argv) == 2:
        os.environ["CALLSIM_RESULTS"] = argv[1]
    # The tests are independent (each writes into its own temporary folder) and mostly wait
    # on the scripts they start: one process per core runs them, reported in order. The
    # folder under test is made once, before the workers start, which inherit it.
    results_dir()
    passed, failed = 0, []
    with multiprocessing.get_context("fork").Pool(max(1, os.cpu_count() or 1)) as pool:
        for test, detail in zip(TESTS, pool.imap(run_test, range(len(TESTS)))):
            if detail is None:
                passed += 1
                print(f"ok   {test.__name__}", flush=True)
            else:
                failed.append(test.__name__)
                print(f"FAIL {test.__name__}: {detail}", flush=True)
    if failed:
        print("failed: " + ", ".join(failed))
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
