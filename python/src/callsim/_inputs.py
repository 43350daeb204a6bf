"""Turning Python values into the command's inputs: scenario and sweep dicts into files,
``set`` mappings into ``--set`` options, durations into duration texts."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from typing import Any, Mapping, Union

import yaml

#: A scenario: a YAML file's path, or the scenario itself as a dict (as the YAML would read).
Scenario = Union[str, "os.PathLike[str]", Mapping[str, Any]]
#: A duration: a text as in scenarios (``"45s"``, ``"3m30s"``, ``"1h"``), seconds, or a timedelta.
Duration = Union[str, int, float, datetime.timedelta]


def duration_text(value: Duration) -> str:
    """``"5m"`` as given; ``300`` or ``timedelta(minutes=5)`` as ``"300s"``."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.timedelta):
        value = value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a duration as text (5m), seconds or a timedelta, found {value!r}")
    return f"{value:g}s" if float(value) != int(value) else f"{int(value)}s"


def yaml_text(value: Any) -> str:
    """A value as the YAML scalar or flow collection the command reads (``--set`` values)."""
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, datetime.timedelta):
        return duration_text(value)
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 30).strip()
    return text[:-4].strip() if text.endswith("\n...") else text.removesuffix("...").strip()


def set_options(values: Mapping[str, Any] | None) -> list[str]:
    """``--set KEY.PATH=VALUE`` for each entry, in the mapping's order."""
    options: list[str] = []
    for key, value in (values or {}).items():
        options += ["--set", f"{key}={yaml_text(value)}"]
    return options


def write_yaml(data: Mapping[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True))
    return path


def with_absolute_paths(scenario: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a scenario dict whose file paths — ``extends``, any ``arrivals``' ``rates``
    table, each empirical distribution's ``file`` — are absolute, read from the current
    directory: written to a temporary folder, the scenario would otherwise read them there."""
    def absolute(path: Any) -> Any:
        return str(Path(path).resolve()) if isinstance(path, (str, os.PathLike)) else path

    def walk(value: Any, key: str | None) -> Any:
        if isinstance(value, Mapping):
            copy = {k: walk(v, k) for k, v in value.items()}
            if copy.get("dist") == "empirical" and "file" in copy:
                copy["file"] = absolute(copy["file"])
            if key == "arrivals" and "rates" in copy:
                copy["rates"] = absolute(copy["rates"])
            return copy
        if isinstance(value, (list, tuple)):
            return [walk(v, None) for v in value]
        return value

    data = walk(scenario, None)
    if "extends" in data:
        data["extends"] = absolute(data["extends"])
    return data


def scenario_path(scenario: Scenario, folder: Path, name: str) -> tuple[str, bool]:
    """The path to pass for `scenario`, written into `folder` as `name` when a dict (its
    paths made absolute from the current directory, ``with_absolute_paths``), and whether it
    was (the written file's paths then point outside its folder: the command is told to
    allow them)."""
    if isinstance(scenario, Mapping):
        return str(write_yaml(with_absolute_paths(scenario), folder / name)), True
    return os.fspath(scenario), False


def scratch(prefix: str) -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix=f"callsim-{prefix}-")
