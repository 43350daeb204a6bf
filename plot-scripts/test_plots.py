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
FAKE = HERE / "testdata" / "make_fake_results.py"

# Pixel sizes the scripts document in their --help (figure inches x 100 dpi).
HOURLY_SIZE = (1600, 900)
HOURLY_WEEKDAY_SIZE = (1600, 1500)
WAITS_SIZE = (1400, 900)
COMPARE_SIZE = (1600, 900)
SWEEP_SIZE = (1200, 800)
PLAN_SIZE = (1600, 900)

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
    colours = len(np.unique(rgb, axis=0))
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


def make_plan(folder: Path, days=29, minutes=30, warm_up_days=1) -> Path:
    """A plan folder as `callsim plan` writes it, with a daily pattern (0 to ~130 agents,
    quieter weekends, a holiday), a few intervals scheduled short of the requirement,
    all three targets and a base plan (generated, not planned)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["interval_start,date,weekday,calls_per_hour,required_analytic,required,scheduled,"
             "required_staff,staff_on_duty,analytic_service_level,predicted_service_level,"
             "predicted_answer_rate"]
    start = dt.datetime(2024, 3, 4)
    per_day = 24 * 60 // minutes
    for i in range(days * per_day):
        t = start + dt.timedelta(minutes=minutes * i)
        wd = "holiday" if t.date() == dt.date(2024, 3, 13) else \
            ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[t.weekday()]
        h = t.hour + t.minute / 60
        shape = max(0.0, math.sin(math.pi * (h - 7) / 14)) ** 1.5 if 7 <= h <= 21 else 0.0
        level = (0.55 if wd in ("sat", "sun", "holiday") else 1.0) * shape
        calls = round(2400 * level)
        analytic = math.ceil(125 * level) if calls else 0
        required = analytic + (2 if calls and i % 7 == 0 else 0)
        scheduled = required + (0.7 * (i % 3)) - (1.5 if i % 97 == 0 and calls else 0)
        staff = math.ceil(scheduled * 1.15)
        sim = calls and t >= start + dt.timedelta(days=warm_up_days)
        sl = f"{min(0.99, 0.82 + 0.05 * math.sin(i)):.4f}" if sim else ""
        ar = f"{min(0.995, 0.975 + 0.015 * math.cos(i)):.4f}" if sim else ""
        lines.append(f"{t:%Y-%m-%dT%H:%M},{t:%Y-%m-%d},{wd},{calls},{analytic},{required},"
                     f"{max(0.0, scheduled):.2f},{staff},{staff},{0.8 if calls else ''},{sl},{ar}")
    (folder / "requirement.csv").write_text("\n".join(lines) + "\n")
    plan = {"scenario": "seoul-fake", "interval_minutes": minutes, "seed": 1, "replications": 5,
            "targets": {"service_level": {"share": 0.8, "within_seconds": 20}, "answer_rate": 0.98,
                        "max_occupancy": 0.88},
            "met": False, "paid_hours": 61234.5, "base_paid_hours": 64000,
            "missed_hours": ["2024-03-06 10:00", "2024-03-12 15:00"],
            "iterations": [{"number": 1, "stage": "correction", "answer_rate": 0.97, "service_level": 0.79,
                            "occupancy": 0.86, "missed_hours": 3}]}
    (folder / "plan.json").write_text(json.dumps(plan, indent=2))
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
                 "plan.json"):
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


TESTS = [v for k, v in list(globals().items()) if k.startswith("test_") and callable(v)]


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__)
        return 0 if len(argv) == 2 else 2
    if len(argv) == 2:
        os.environ["CALLSIM_RESULTS"] = argv[1]
    passed, failed = 0, []
    for test in TESTS:
        try:
            test()
        except Exception as err:  # report every failure, keep going
            failed.append(test.__name__)
            detail = str(err) if isinstance(err, AssertionError) else traceback.format_exc()
            print(f"FAIL {test.__name__}: {detail}")
        else:
            passed += 1
            print(f"ok   {test.__name__}")
    if failed:
        print("failed: " + ", ".join(failed))
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
