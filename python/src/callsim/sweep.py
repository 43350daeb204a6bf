"""``callsim.sweep``: a grid of scenario variants as one DataFrame."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Union

import pandas as pd

from . import _process
from ._binary import find_binary
from ._inputs import scratch, with_absolute_paths, write_yaml

#: A sweep: a sweep file's path, or the sweep itself as a dict (``base`` a path or a scenario dict).
Sweep = Union[str, "os.PathLike[str]", Mapping[str, Any]]


def sweep(sweep: Sweep, *, out: str | os.PathLike[str] | None = None, threads: int | None = None) -> pd.DataFrame:
    """Runs every point of `sweep` and returns ``points.csv``: one row per point in grid order,
    a column per parameter (durations in seconds, ``…_seconds``) and ``METRIC_mean`` and
    ``METRIC_ci95`` per metric (docs/sweeps.md).

    In a dict, ``base`` may be a path (relative to the current directory) or the scenario
    itself. `out` keeps the sweep's folder (``points.csv``, ``points.jsonl``, ``sweep.json``;
    rerunning into it resumes); by default a temporary folder, removed on return. The frame's
    ``attrs["folder"]`` is `out` when given. Raises ``ScenarioError`` on invalid input.
    """
    binary = find_binary()
    work = scratch("sweep")
    allow_outside = False
    try:
        if isinstance(sweep, Mapping):
            data = dict(sweep)
            base = data.get("base")
            if isinstance(base, Mapping):
                write_yaml(with_absolute_paths(base), Path(work.name) / "base.yaml")
                data["base"] = "base.yaml"
                allow_outside = True
            elif base is not None:
                data["base"] = str(Path(os.fspath(base)).resolve())
                allow_outside = True
            path = str(write_yaml(data, Path(work.name) / "sweep.yaml"))
        else:
            path = os.fspath(sweep)
    except BaseException:
        work.cleanup()
        raise
    folder, keep = _process.call_into_folder(
        "sweep", [path], written=allow_outside, out=out, work=work, binary=binary, options=[],
        values=[("--threads", threads)])
    try:
        points = pd.read_csv(folder / "points.csv")
    finally:
        if keep is not None:
            keep.cleanup()
    if out is not None:
        points.attrs["folder"] = str(folder)
    return points
