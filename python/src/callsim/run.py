"""``callsim.run``: one scenario's results as DataFrames."""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from . import _process
from ._binary import find_binary
from ._inputs import Scenario, scenario_path, scratch, set_options


class Run(_process.ResultsFolder):
    """The results folder of one ``callsim run`` (docs/outputs.md defines every column).

    The tables are read when first used. When ``run`` was given no ``out``, the folder is a
    temporary one, removed when this object is garbage-collected: copy it first to keep it.
    """

    def __repr__(self) -> str:
        return f"Run({self.summary.get('scenario')!r}, replications={self.summary.get('replications')}, folder='{self.folder}')"

    def _csv(self, name: str) -> pd.DataFrame:
        frame = pd.read_csv(self.folder / name)
        if "date" in frame.columns:
            frame["date"] = pd.to_datetime(frame["date"])
        return frame

    @cached_property
    def summary(self) -> dict[str, Any]:
        """``summary.json``, parsed."""
        return json.loads((self.folder / "summary.json").read_text())

    @cached_property
    def metrics(self) -> pd.DataFrame:
        """The overall metrics, one row per metric (index ``metric``) with their ``mean``,
        ``ci95`` (half-width of the 95 % interval over replications), ``min`` and ``max``."""
        frame = pd.DataFrame.from_dict(self.summary["metrics"], orient="index")
        frame.index.name = "metric"
        return frame

    @cached_property
    def hourly(self) -> pd.DataFrame:
        """``hourly.csv``: one row per simulated hour after the warm-up, means over replications."""
        return self._csv("hourly.csv")

    @cached_property
    def hourly_types(self) -> pd.DataFrame:
        """``hourly_types.csv``: one row per hour and call type."""
        return self._csv("hourly_types.csv")

    @cached_property
    def hourly_groups(self) -> pd.DataFrame:
        """``hourly_groups.csv``: one row per hour and agent group (``agents: N`` is group ``agents``)."""
        return self._csv("hourly_groups.csv")

    @cached_property
    def waits(self) -> pd.DataFrame:
        """``waits.csv``: the distribution of waits in one-second bins, calls per replication."""
        return self._csv("waits.csv")

    @cached_property
    def replications(self) -> pd.DataFrame:
        """``replications.csv``: one row per replication (index ``replication``), one column per
        metric of ``summary.json``; its column means are the summary's means."""
        return self._csv("replications.csv").set_index("replication")


def run(scenario: Scenario, *, replications: int | None = None, seed: int | None = None,
        set: Mapping[str, Any] | None = None, out: str | os.PathLike[str] | None = None,
        threads: int | None = None) -> Run:
    """Simulates `scenario` (a YAML path, or a dict read as the YAML would be) and returns its
    results.

    - `replications`, `seed`: override ``simulation.replications`` and ``simulation.seed``.
    - `set`: scenario values to change, by key path as in sweep files
      (``{"arrivals.per_hour": 700, "call_types.call.patience.mean": "3m"}``); ``None`` removes a key.
    - `out`: the results folder (new, empty or an earlier run's; replaced whole); default a
      temporary folder that lives as long as the returned ``Run``.
    - `threads`: threads running replications (default all cores); results do not depend on it.

    Raises ``ScenarioError`` with the command's one-line message when the scenario or an
    option is invalid; nothing is written then.
    """
    binary = find_binary()
    work = scratch("run")
    try:
        path, written = scenario_path(scenario, Path(work.name), "scenario.yaml")
    except BaseException:
        work.cleanup()
        raise
    folder, keep = _process.call_into_folder(
        "run", [path], written=written, out=out, work=work, binary=binary, options=set_options(set),
        values=[("--replications", replications), ("--seed", seed), ("--threads", threads)])
    return Run(folder, binary=binary, _scratch=keep)
