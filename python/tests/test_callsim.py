"""The package as a researcher uses it, against the real binary: runs from dicts with `set`,
per-replication results, sweeps, comparisons, Erlang formulas, errors and interrupts."""

from __future__ import annotations

import _thread
import copy
import math
import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import callsim
from callsim import _repository

MMC = {
    "scenario": "py-mmc",
    "simulation": {"days": 2, "warmup": "2h", "replications": 3, "seed": 7},
    "arrivals": {"per_hour": 600},
    "call_types": {
        "call": {
            "handle": {"dist": "exponential", "mean": "5m"},
            "patience": {"dist": "exponential", "mean": "3m"},
        }
    },
    "agents": 48,
}
REPOSITORY = Path(_repository.REPOSITORY)


def test_the_binary_is_the_repositorys_build_unless_callsim_is_set(monkeypatch):
    monkeypatch.delenv("CALLSIM", raising=False)
    found = callsim.find_binary()
    assert found.found_by == "repository" and found.path == REPOSITORY / ".build/release/callsim"
    monkeypatch.setenv("CALLSIM", str(found.path))
    assert callsim.find_binary().found_by == "CALLSIM"
    monkeypatch.setenv("CALLSIM", "/nonexistent/callsim")
    with pytest.raises(callsim.BinaryNotFoundError, match="CALLSIM=/nonexistent/callsim"):
        callsim.run(MMC)


def test_set_equals_the_edited_scenario_number_for_number():
    changed = callsim.run(MMC, set={"arrivals.per_hour": 700, "agents": 50}, threads=2)
    edited = copy.deepcopy(MMC)
    edited["arrivals"]["per_hour"] = 700
    edited["agents"] = 50
    direct = callsim.run(edited, threads=1)
    pd.testing.assert_frame_equal(changed.replications, direct.replications, check_exact=True)
    pd.testing.assert_frame_equal(changed.metrics, direct.metrics, check_exact=True)
    pd.testing.assert_frame_equal(changed.hourly, direct.hourly, check_exact=True)
    assert changed.summary["metrics"]["total_inflow"]["mean"] > callsim.run(MMC).summary["metrics"]["total_inflow"]["mean"]


def test_replications_have_one_row_each_and_the_summarys_means(tmp_path):
    run = callsim.run(MMC, replications=4, seed=11, out=tmp_path / "r")
    assert run.folder == tmp_path / "r" and (run.folder / "summary.json").exists()
    assert list(run.replications.index) == [0, 1, 2, 3]
    assert run.summary["replications"] == 4 and run.summary["seed"] == 11
    for metric, row in run.metrics.iterrows():
        values = run.replications[metric].dropna()
        if len(values):
            assert values.mean() == pytest.approx(row["mean"], rel=1e-9, abs=1e-12), metric
    assert set(run.metrics.columns) >= {"mean", "ci95"}
    assert 0.85 < run.metrics.loc["answer_rate", "mean"] < 0.95
    for table in (run.hourly, run.hourly_types, run.hourly_groups):
        assert pd.api.types.is_datetime64_any_dtype(table["date"]) and len(table) > 0
    assert run.waits["answered"].sum() > 0
    again = callsim.Run(tmp_path / "r")
    pd.testing.assert_frame_equal(again.replications, run.replications)


def test_paths_in_a_scenario_dict_are_read_from_the_current_directory(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    scenario = {
        "extends": "Scenarios/mmc-check.yaml",
        "simulation": {"days": 2, "replications": 2},
        "call_types": {"call": {"wrap_up": {"dist": "empirical", "file": "Scenarios/data/handle-times.csv"}}},
    }
    run = callsim.run(scenario, threads=2)
    assert run.summary["scenario"] == "mmc-check" and run.summary["replications"] == 2
    # The same scenario from its file, the data file given by --set (read from the current directory too).
    same = callsim.run(REPOSITORY / "Scenarios/mmc-check.yaml", threads=2,
                       set={"simulation.days": 2, "simulation.replications": 2,
                            "call_types.call.wrap_up": {"dist": "empirical", "file": "Scenarios/data/handle-times.csv"}})
    assert run.summary["metrics"] == same.summary["metrics"]
    # A sweep dict's base given as a dict: the same rule.
    points = callsim.sweep({"sweep": "py-paths", "base": scenario, "replications": 2, "parameters": {"agents": [48]},
                            "metrics": ["answer_rate"]}, threads=2)
    assert len(points) == 1


def test_a_sweep_dict_with_a_scenario_dict_as_base():
    points = callsim.sweep(
        {
            "sweep": "py-grid",
            "base": MMC,
            "replications": 2,
            "parameters": {"agents": [46, 50], "call_types.call.patience.mean": ["1m", "3m"]},
            "metrics": ["answer_rate", "wait_p90_seconds"],
        },
        threads=2,
    )
    assert list(points.columns[:2]) == ["agents", "call_types.call.patience.mean_seconds"]
    assert points["agents"].tolist() == [46, 46, 50, 50]
    assert points["call_types.call.patience.mean_seconds"].tolist() == [60, 180, 60, 180]
    assert all(pd.api.types.is_numeric_dtype(points[c]) for c in points.columns)
    by = points.set_index(["agents", "call_types.call.patience.mean_seconds"])["answer_rate_mean"]
    assert by[(50, 60)] > by[(46, 60)] and by[(50, 180)] > by[(46, 180)]


def test_a_sweep_file_keeps_its_folder(tmp_path):
    (tmp_path / "base.yaml").write_text(Path(REPOSITORY / "Scenarios/mmc-check.yaml").read_text())
    (tmp_path / "grid.yaml").write_text(
        "sweep: file-grid\nbase: base.yaml\nreplications: 1\nparameters:\n  agents: [48, 52]\n"
        "  simulation.days: [2]\nmetrics: [answer_rate]\n")
    points = callsim.sweep(tmp_path / "grid.yaml", out=tmp_path / "out")
    assert len(points) == 2 and points.attrs["folder"] == str(tmp_path / "out")
    assert (tmp_path / "out" / "points.jsonl").exists()


def test_compare_two_scenarios():
    more = copy.deepcopy(MMC)
    more["scenario"] = "py-more"
    more["agents"] = 52
    comparison = callsim.compare(MMC, more, threads=2)
    assert comparison.json["baseline"] == "py-mmc"
    table = comparison.table
    row = table[(table.scope == "overall") & (table.metric == "answer_rate")].iloc[0]
    assert row["scenario"] == "py-more" and row["difference"] > 0 and bool(row["significant"])
    assert row["replications"] == 3
    assert set(table.scope) == {"overall", "call_type", "agent_group"}
    assert set(table[table.scope == "call_type"].name) == {"call"}


def test_errors_carry_the_commands_one_line_message(tmp_path):
    with pytest.raises(callsim.ScenarioError) as bad_key:
        callsim.run(MMC, set={"arrivals.per_houre": 700}, out=tmp_path / "a")
    assert "did you mean" in str(bad_key.value) and "per_hour" in str(bad_key.value)
    assert str(bad_key.value).startswith("error:") and "\n" not in str(bad_key.value)
    bad = copy.deepcopy(MMC)
    bad["agents"] = -3
    with pytest.raises(callsim.ScenarioError) as bad_value:
        callsim.run(bad, out=tmp_path / "b")
    assert re.search(r"agents: expected .*found '-3'", str(bad_value.value)), str(bad_value.value)
    assert bad_value.value.returncode != 0 and "Fatal" not in bad_value.value.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
    with pytest.raises(callsim.ScenarioError, match="--dates"):
        callsim.compare(MMC, MMC, dates="2024-01-05..2024-01-01")
    with pytest.raises(callsim.ScenarioError):
        callsim.erlang(600, "5m")  # neither agents nor a target


def test_erlang_finds_the_fewest_agents():
    needed = callsim.erlang(600, "5m", target_sl=0.8)
    n = needed["agents"]
    assert callsim.erlang(600, 300, agents=n)["service_level"] >= 0.8
    assert callsim.erlang(600, "5m", agents=n - 1)["service_level"] < 0.8
    a = callsim.erlang(600, "5m", patience="3m", agents=48)
    assert {"answer_rate", "service_level", "asa_seconds", "mean_wait_seconds", "occupancy", "abandon_rate",
            "blocked_share"} <= set(a)
    assert 0.9 < a["answer_rate"] < 0.93


def test_interrupting_python_stops_the_binary(tmp_path):
    long = copy.deepcopy(MMC)
    long["simulation"] = {"days": 3000, "replications": 2, "seed": 1}
    out = tmp_path / "long"
    # Ctrl-C is a SIGINT to Python; a notebook's stop button may only set the interrupt flag.
    for interrupt in (lambda: os.kill(os.getpid(), signal.SIGINT), _thread.interrupt_main):
        timer = threading.Timer(1.5, interrupt)
        timer.start()
        started = time.monotonic()
        try:
            with pytest.raises(KeyboardInterrupt):
                callsim.run(long, out=out, threads=1)
        finally:
            timer.cancel()
        assert time.monotonic() - started < 5, "the interrupt waited for the run to end"
        running = subprocess.run(["pgrep", "-f", str(out)], capture_output=True, text=True)
        assert running.stdout.strip() == "", "the callsim process outlived the interrupt"
        assert not out.exists(), "an interrupted run writes nothing"


def test_the_worked_example_in_the_docs_runs(tmp_path, monkeypatch):
    text = (REPOSITORY / "docs/python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "docs/python.md has no Python example"
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(REPOSITORY)
    figure = tmp_path / "agents-patience.png"
    code = blocks[-1].replace('"agents-patience.png"', repr(str(figure)))
    exec(compile(code, "docs/python.md", "exec"), {})
    assert figure.stat().st_size > 10_000
