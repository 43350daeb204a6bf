"""``callsim.compare``: paired differences between scenarios on common random numbers."""

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


class Comparison(_process.ResultsFolder):
    """The results folder of one ``callsim compare``: other scenario minus the baseline, paired
    replication by replication (docs/comparing.md)."""

    def __repr__(self) -> str:
        names = [s["scenario"] for s in self.json["scenarios"]]
        return f"Comparison(baseline={self.json['baseline']!r}, others={names!r}, folder='{self.folder}')"

    @cached_property
    def json(self) -> dict[str, Any]:
        """``compare.json``, parsed: ``baseline``, and per other scenario its ``differences``
        (``{"mean", "ci95", …}`` per metric), per call type and per agent group."""
        return json.loads((self.folder / "compare.json").read_text())

    @cached_property
    def table(self) -> pd.DataFrame:
        """``compare.csv``: one row per scenario, scope (overall, channel, call type, group),
        name and metric, with ``base_mean``, ``other_mean``, ``difference``, ``ci95``,
        ``significant`` and ``replications``."""
        return pd.read_csv(self.folder / "compare.csv", keep_default_na=False, na_values=[""],
                           dtype={"name": str})


def compare(*scenarios: Scenario, replications: int | None = None, seed: int | None = None,
            set: Mapping[str, Any] | None = None, out: str | os.PathLike[str] | None = None,
            threads: int | None = None, hours: str | None = None, dates: str | None = None) -> Comparison:
    """Runs the scenarios (paths or dicts; the first is the baseline) on the baseline's seed and
    replications, and returns the paired differences from the baseline.

    `set` changes the same key paths in every scenario; `hours` (``"11-13"``) and `dates`
    (``"2024-09-02..2024-09-08"``) restrict the comparison to those hours of each day or those
    dates. Other options as in ``run``. Raises ``ScenarioError`` on invalid input.
    """
    if len(scenarios) < 2:
        raise TypeError(f"compare needs a baseline and at least one other scenario, got {len(scenarios)}")
    binary = find_binary()
    work = scratch("compare")
    try:
        paths, written = [], False
        for i, scenario in enumerate(scenarios):
            path, was_written = scenario_path(scenario, Path(work.name), f"scenario-{i + 1}.yaml")
            paths.append(path)
            written = written or was_written
    except BaseException:
        work.cleanup()
        raise
    folder, keep = _process.call_into_folder(
        "compare", paths, written=written, out=out, work=work, binary=binary, options=set_options(set),
        values=[("--replications", replications), ("--seed", seed), ("--threads", threads),
                ("--hours", hours), ("--dates", dates)])
    return Comparison(folder, binary=binary, _scratch=keep)
