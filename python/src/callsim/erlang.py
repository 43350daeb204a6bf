"""``callsim.erlang``: the exact Erlang C, A and B formulas of ``callsim erlang``."""

from __future__ import annotations

import json
from typing import Any

from . import _process
from ._inputs import Duration, duration_text


def erlang(rate_per_hour: float, handle: Duration, *, patience: Duration | None = None,
           agents: int | None = None, target_sl: float | None = None, max_abandon: float | None = None,
           lines: int | None = None, within: Duration | None = None) -> dict[str, Any]:
    """The exact queue of `rate_per_hour` Poisson calls with exponential `handle` (mean;
    ``"5m"``, seconds or a timedelta): Erlang C, or Erlang A with an exponential `patience`,
    or Erlang B with `lines` equal to the agents.

    Give `agents` for that staffing level's performance, or `target_sl` / `max_abandon` (0–1)
    for the fewest agents meeting every target given; `within` is the service-level time
    (default 20 s). Returns ``callsim erlang --json``'s object: ``agents``, ``answer_rate``,
    ``service_level``, ``asa_seconds``, ``mean_wait_seconds``, ``occupancy``,
    ``abandon_rate``, ``blocked_share`` and more. Raises ``ScenarioError`` on invalid input.
    """
    arguments = ["erlang", "--rate", repr(float(rate_per_hour)), "--handle", duration_text(handle), "--json"]
    if patience is not None:
        arguments += ["--patience", duration_text(patience)]
    if within is not None:
        arguments += ["--within", duration_text(within)]
    arguments += _process.value_options([("--agents", agents), ("--lines", lines), ("--target-sl", target_sl),
                                         ("--max-abandon", max_abandon)])
    return json.loads(_process.call(arguments))
