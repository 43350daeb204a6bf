#!/usr/bin/env python3
"""Plot a callsim capacity plan: the requirement against the scheduled agents by interval,
per planned agent group, and the people on duty by weekday.

Reads PLAN_DIR/requirement.csv and PLAN_DIR/plan.json, and PLAN_DIR/schedule.csv when it
is there, written by `callsim plan`. requirement.csv has one row per planned agent group
and planning interval (15, 30 or 60 minutes) over the horizon, group by group; needs the
columns interval_start, required_analytic, required, scheduled and
predicted_service_level; uses group, weekday and predicted_answer_rate when present (a
file without `group`, from an older callsim, is one group). plan.json needs scenario,
interval_minutes, met and paid_hours; uses base_paid_hours, people, fte, cost, groups
(each group's people, paid_hours, fte and cost), targets, judged, replications, check (the
final schedule's simulated means), missed_hours and not_cleared.

Writes OUT/plan.png and OUT/plan.svg (OUT defaults to PLAN_DIR/plots), the whole horizon,
1600 x 900 pixels for one group; for several groups one pair of panels per group, stacked
on a shared time axis, 1600 x (300 + 400 x groups) pixels (3 groups: 1600 x 1500):

  requirement   agents on the phones per interval: the Erlang minimum for the interval
                alone (required_analytic, thin dashed line), the requirement after the
                simulation correction (required, step line) and what the shift schedule
                gives after breaks and absence (scheduled, filled steps); intervals where
                the schedule falls short of the requirement are marked
  rates         the simulated service level and answer rate of the group's calls in each
                interval's hour under the final schedule (empty in the warm-up and without
                calls), with the service-level and answer-rate targets from plan.json as
                dashed lines and the hours (or, judged per day, the days) that missed a
                target in the final check as red ticks (bars)

The title gives the scenario, interval length, paid hours (and the base plan's paid hours
when plan.json has them), people, FTE and cost (cost only when it is not the paid hours,
that is when cost_per_hour is set) and whether the targets were met, then the targets,
how they were judged (per hour, day or the whole period) and the final schedule's
simulated rates over the whole horizon. With several groups each group's panel is headed
by its name, people, paid hours, FTE and cost (from plan.json's `groups`), the targets its
whole run did not clear and, judged over the period, whether the period missed one.
Weekends and holidays are shaded.

For a horizon of more than 7 days also OUT/plan_week.png and OUT/plan_week.svg, the same
size and panels over 7 days, so that the daily pattern is legible: the first 7 whole days
(midnight to midnight) after the warm-up, else the first 7 whole days, else the first 7 x
24 hours.

When PLAN_DIR/schedule.csv exists (a scenario with `planning:`) also OUT/plan_people.png
and OUT/plan_people.svg, 1600 x 900 pixels. schedule.csv has one row per person and date
worked; needs the columns person, group and date; uses weekday (when requirement.csv has
none) and paid_hours. Every date must lie in requirement.csv's horizon, each person in one
group, with one row per date.

  people by weekday  people on duty (with a shift that date) by day type, Mon..Sun and
                     holidays: per group the mean over the horizon's dates of that day
                     type (bars, labelled), with the lowest and highest date as a whisker
  days a week        days worked per person in each whole Monday-Sunday week of the
                     horizon (partial weeks when there is no whole one), share of the
                     group's person-weeks
  shift lengths      the group's paid hours by the paid length of the shifts (4 h short
                     shifts against 8 h ones), share of the group's paid hours

Exit status 2 with one line `error: <path>: <problem>` when the folder, a file or a column
is missing or malformed.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callsim_results as cr  # noqa: E402

SIZE = (16.0, 9.0)  # inches at cr.DPI -> 1600 x 900 px: one group, and the people figure
GROUPS_BASE_PX, GROUP_PX = 300, 400  # several groups: 1600 x (300 + 400 x groups) px
REQUIREMENT = "requirement.csv"
PLAN = "plan.json"
SCHEDULE = "schedule.csv"
WEEK_DAYS = 7

REQUIRED = ("interval_start", "required_analytic", "required", "scheduled",
            "predicted_service_level")
OPTIONAL = ("group", "weekday", "predicted_answer_rate", "calls_per_hour", "required_staff",
            "staff_on_duty", "analytic_service_level")
SCHEDULE_REQUIRED = ("person", "group", "date")
SCHEDULE_OPTIONAL = ("weekday", "shift", "start", "end", "paid_hours")

DAY_SHORT = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri",
             "sat": "Sat", "sun": "Sun", "holiday": "Hol"}
OFF_DAY_SHADE = "#ececec"
JUDGED = {"interval": "per hour", "day": "per day", "period": "over the whole period"}

# Grey-scale readable: a filled area, a heavy step line and a thin dashed line.
SCHEDULED_STYLE = dict(facecolor="#fdd0a2", edgecolor="#d95f02", linewidth=0.0,
                       label="scheduled: agents on the phones the shift schedule gives "
                             "(after breaks and absence)")
SCHEDULED_EDGE = dict(color="#d95f02", linewidth=0.9)
REQUIRED_STYLE = dict(color="#1f3f66", linewidth=1.6, linestyle="-",
                      label="required: after the simulation correction")
ANALYTIC_STYLE = dict(color="#555555", linewidth=0.9, linestyle=(0, (3, 2)),
                      label="required_analytic: Erlang minimum for the interval alone")
SHORT_STYLE = dict(facecolor="#d62728", edgecolor="#d62728", alpha=0.55, linewidth=0.0,
                   label="scheduled below required")
RATE_STYLES = (
    ("predicted_service_level", "service level (simulated, interval's hour)",
     dict(color="#238b45", linewidth=1.3, linestyle="-")),
    ("predicted_answer_rate", "answer rate (simulated, interval's hour)",
     dict(color="#1f3f66", linewidth=1.0, linestyle=(0, (5, 2)))),
)
TARGET_STYLES = {
    "service_level": dict(color="#238b45", linewidth=1.2, linestyle=(0, (6, 3))),
    "answer_rate": dict(color="#1f3f66", linewidth=1.2, linestyle=(0, (6, 3))),
}
MISSED_STYLE = dict(color="#d62728", marker="|", markersize=9, linestyle="none",
                    markeredgewidth=1.4)
MISSED_DAY_STYLE = dict(color="#d62728", linewidth=4.0, solid_capstyle="butt")

# The groups of the people figure: fills of distinct lightness, each with its own hatch.
GROUP_STYLES = (
    dict(facecolor="#1f3f66", hatch=""),
    dict(facecolor="#fdd0a2", hatch="///"),
    dict(facecolor="#8fb3d9", hatch="..."),
    dict(facecolor="#ffffff", hatch="xxx"),
    dict(facecolor="#d95f02", hatch="\\\\\\"),
    dict(facecolor="#bdbdbd", hatch="+++"),
    dict(facecolor="#238b45", hatch="---"),
    dict(facecolor="#ffffff", hatch="ooo"),
)
BAR_EDGE = "#333333"


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="plan.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plan_dir", metavar="PLAN_DIR",
                    help="folder written by `callsim plan` (requirement.csv, plan.json, "
                         "and schedule.csv with `planning:`)")
    ap.add_argument("--out", metavar="DIR", default=None,
                    help="folder for plan.png, plan.svg (and plan_week.png, plan_week.svg, "
                         "plan_people.png, plan_people.svg) (default PLAN_DIR/plots)")
    return ap.parse_args(argv)


# ---------------------------------------------------------------------------
# Reading


def plan_folder(path) -> Path:
    folder = Path(path)
    expected = f"a folder written by `callsim plan`, with {REQUIREMENT} and {PLAN}"
    if not folder.exists():
        raise cr.ResultsError(folder, f"no such folder (expected {expected})")
    if not folder.is_dir():
        raise cr.ResultsError(folder, f"not a folder (expected {expected})")
    for name, what in ((REQUIREMENT, "the requirement per interval"), (PLAN, "the plan summary")):
        if not (folder / name).is_file():
            raise cr.ResultsError(folder / name, f"file not found (expected {what} written by `callsim plan`)")
    if (folder / SCHEDULE).exists() and not (folder / SCHEDULE).is_file():
        raise cr.ResultsError(folder / SCHEDULE, "not a file (expected the people's schedule written by "
                              "`callsim plan` for a scenario with `planning:`)")
    return folder


def _json_number(path, key, value, allow_null=False):
    if value is None and allow_null:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise cr.ResultsError(path, f"{key!r} is {value!r} (expected a number"
                              + (" or null)" if allow_null else ")"))
    return float(value)


def parse_missed(entries):
    """`missed_hours` of plan.json as (kind, start, group): kind `hour` ("2024-01-02 06:00"),
    `day` ("2024-01-02", targets judged per day) or `period`; each followed by the group's
    name when several groups are planned (group None otherwise). Unreadable ones skipped."""
    missed = []
    for entry in entries:
        text = str(entry).strip()
        head, _, rest = text.partition(" ")
        rest = rest.strip()
        if head == "period":
            missed.append(("period", None, rest or None))
            continue
        try:
            if "T" in head:
                missed.append(("hour", _dt.datetime.fromisoformat(head), rest or None))
                continue
            date = _dt.date.fromisoformat(head)
        except ValueError:
            continue
        clock, _, group = rest.partition(" ")
        m = re.fullmatch(r"(\d{1,2}):(\d{2})", clock)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            when = _dt.datetime.combine(date, _dt.time(int(m.group(1)), int(m.group(2))))
            missed.append(("hour", when, group.strip() or None))
        else:
            missed.append(("day", _dt.datetime.combine(date, _dt.time()), rest or None))
    return missed


def _read_groups(path, data):
    """plan.json's `groups`: name -> {people, paid_hours, fte, cost} (absent keys None)."""
    groups = data.get("groups")
    if groups is None:
        return {}
    if not isinstance(groups, list):
        raise cr.ResultsError(path, "'groups' is not a list (expected one object per planned group: "
                              "group, paid_hours, people, fte, cost)")
    out = {}
    for i, g in enumerate(groups):
        if not isinstance(g, dict):
            raise cr.ResultsError(path, f"'groups[{i}]' is not an object (expected group, paid_hours, people, fte, cost)")
        name = g.get("group", g.get("name"))
        if not isinstance(name, str) or not name:
            raise cr.ResultsError(path, f"'groups[{i}]' has no 'group' (expected the agent group's name)")
        info = {k: _json_number(path, f"groups[{i}].{k}", g.get(k), allow_null=True)
                for k in ("paid_hours", "people", "fte", "cost", "cost_per_hour")}
        out[name] = info
    return out


def read_plan(folder: Path) -> dict:
    """plan.json, checked: the keys the figures use, with their types."""
    path = folder / PLAN
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise cr.ResultsError(path, f"cannot read ({err})")
    if not text.strip():
        raise cr.ResultsError(path, "empty file (expected a JSON object with scenario, interval_minutes, met, paid_hours)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise cr.ResultsError(path, f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})")
    if not isinstance(data, dict):
        raise cr.ResultsError(path, "expected a JSON object with scenario, interval_minutes, met, paid_hours")
    missing = [k for k in ("scenario", "interval_minutes", "met", "paid_hours") if k not in data]
    if missing:
        raise cr.ResultsError(path, "missing key(s) " + ", ".join(repr(k) for k in missing)
                              + " (expected the plan summary written by `callsim plan`)")
    minutes = data["interval_minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes != int(minutes) \
            or not 0 < minutes <= 24 * 60 or (24 * 60) % int(minutes):
        raise cr.ResultsError(path, f"'interval_minutes' is {minutes!r} (expected a whole number of minutes that divides a day: 15, 30 or 60)")
    if not isinstance(data["met"], bool):
        raise cr.ResultsError(path, f"'met' is {data['met']!r} (expected true or false)")
    judged = data.get("judged")
    if judged is not None and judged not in JUDGED:
        raise cr.ResultsError(path, f"'judged' is {judged!r} (expected interval, day or period)")
    plan = {
        "scenario": str(data["scenario"]),
        "interval_minutes": int(minutes),
        "met": data["met"],
        "paid_hours": _json_number(path, "paid_hours", data["paid_hours"]),
        "base_paid_hours": _json_number(path, "base_paid_hours", data.get("base_paid_hours"), allow_null=True),
        "people": _json_number(path, "people", data.get("people"), allow_null=True),
        "fte": _json_number(path, "fte", data.get("fte"), allow_null=True),
        "cost": _json_number(path, "cost", data.get("cost"), allow_null=True),
        "judged": judged,
        "groups": _read_groups(path, data),
        "seed": data.get("seed"),
        "replications": data.get("replications"),
        "version": data.get("version"),
    }

    targets = data.get("targets") or {}
    if not isinstance(targets, dict):
        raise cr.ResultsError(path, "'targets' is not an object (expected {service_level, answer_rate, max_occupancy})")
    plan["sl_share"] = plan["sl_seconds"] = plan["ar_target"] = plan["occ_target"] = None
    if "service_level" in targets:
        sl = targets["service_level"]
        if not isinstance(sl, dict) or "share" not in sl:
            raise cr.ResultsError(path, "'targets.service_level' expected {\"share\": 0.8, \"within_seconds\": 20}")
        plan["sl_share"] = _json_number(path, "targets.service_level.share", sl["share"])
        plan["sl_seconds"] = _json_number(path, "targets.service_level.within_seconds",
                                          sl.get("within_seconds"), allow_null=True)
    if "answer_rate" in targets:
        plan["ar_target"] = _json_number(path, "targets.answer_rate", targets["answer_rate"])
    if "max_occupancy" in targets:
        plan["occ_target"] = _json_number(path, "targets.max_occupancy", targets["max_occupancy"])

    # The final schedule's simulated run-wide means: `check`, else the last iteration.
    final = {}
    check = data.get("check")
    if isinstance(check, dict):
        for k in ("service_level", "answer_rate", "occupancy"):
            m = check.get(k)
            if isinstance(m, dict) and isinstance(m.get("mean"), (int, float)) and not isinstance(m.get("mean"), bool):
                final[k] = float(m["mean"])
    iterations = data.get("iterations")
    if not final and isinstance(iterations, list) and iterations and isinstance(iterations[-1], dict):
        for k in ("service_level", "answer_rate", "occupancy"):
            v = iterations[-1].get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                final[k] = float(v)
    plan["final"] = final
    plan["iterations"] = len(iterations) if isinstance(iterations, list) else None

    # Spans that missed a target in the final check; targets the whole run did not clear
    # ("service_level", or "GROUP: service_level" with several groups).
    plan["missed"] = parse_missed(data.get("missed_hours") or [])
    not_cleared = {}
    for entry in data.get("not_cleared") or []:
        group, sep, name = str(entry).rpartition(": ")
        not_cleared.setdefault(group if sep else None, []).append(name)
    plan["not_cleared"] = not_cleared
    return plan


class Requirement:
    """requirement.csv: one DataFrame per group (in the file's order) on the full interval
    grid from the first to the last interval of the horizon (missing intervals are NaN
    rows), each with `start` (datetime) and `hours` (hours since `midnight`, the first
    day's) columns. `names` are the groups' names; None for a file without `group`."""

    def __init__(self, names, frames, midnight):
        self.names = names
        self.frames = frames
        self.midnight = midnight

    @property
    def several(self):
        return len(self.frames) > 1

    def day_types(self):
        """date -> mon..sun or holiday, for every date of the horizon (the file's weekday,
        else the calendar's)."""
        first = self.frames[0]
        begin, end = first["start"].min(), first["start"].max()
        days = {}
        for frame in self.frames:
            if "weekday" in frame:
                known = frame.dropna(subset=["weekday"])
                for start, wd in zip(known["start"], known["weekday"]):
                    days.setdefault(start.date(), wd)
        out = {}
        date = begin.date()
        while date <= end.date():
            out[date] = days.get(date, cr.WEEKDAYS[date.weekday()])
            date += _dt.timedelta(days=1)
        return out


def read_requirement(folder: Path, minutes: int) -> Requirement:
    import pandas as pd

    path = folder / REQUIREMENT
    present, rows = cr._read_csv(path, REQUIRED, OPTIONAL, row_name="planned group and interval")
    grouped = "group" in present
    numeric = [c for c in present if c not in ("interval_start", "weekday", "group")]
    by_group, seen = {}, {}
    step = _dt.timedelta(minutes=minutes)
    first = None
    for row in rows:
        line = row["__line__"]
        name = row["group"] if grouped else None
        if grouped and not name:
            raise cr.ResultsError(path, f"line {line}: column 'group' is empty (expected the planned "
                                  "agent group's name)")
        text = row["interval_start"]
        try:
            start = _dt.datetime.fromisoformat(text)
        except ValueError:
            raise cr.ResultsError(path, f"line {line}: interval_start {text!r} is not a date and time "
                                  "(expected YYYY-MM-DDTHH:MM)")
        if start.tzinfo is not None:
            start = start.replace(tzinfo=None)
        if first is None:
            first = start
        offset = start - first
        if offset % step:
            raise cr.ResultsError(path, f"line {line}: interval_start {text!r} is not on the "
                                  f"{minutes}-minute grid from {first.isoformat(timespec='minutes')} "
                                  f"(interval_minutes in {PLAN})")
        if (name, start) in seen:
            of = f" of group {name!r}" if grouped else ""
            raise cr.ResultsError(path, f"line {line}: a second row for {text}{of} (first on line "
                                  f"{seen[(name, start)]}; expected one row per "
                                  + ("group and interval)" if grouped else "interval)"))
        seen[(name, start)] = line
        rec = {"start": start}
        for c in numeric:
            v = cr._number(path, row, c, allow_empty=c.startswith("predicted_") or c == "analytic_service_level")
            if c not in ("predicted_service_level", "predicted_answer_rate", "analytic_service_level") \
                    and not (math.isfinite(v) and v >= 0):
                raise cr.ResultsError(path, f"line {line}: column {c!r} is {row[c]!r} (expected a number >= 0)")
            rec[c] = v
        if "weekday" in present:
            wd = row["weekday"].lower()
            if wd not in cr.DAY_TYPES:
                raise cr.ResultsError(path, f"line {line}: weekday {row['weekday']!r} is not a day type "
                                      "(expected mon..sun or holiday)")
            rec["weekday"] = wd
        by_group.setdefault(name, []).append(rec)
    begin = min(start for _, start in seen)
    end = max(start for _, start in seen)
    midnight = _dt.datetime.combine(begin.date(), _dt.time())
    n = int((end - begin) / step) + 1
    grid = [begin + i * step for i in range(n)]
    hours = [(t - midnight).total_seconds() / 3600.0 for t in grid]
    frames = []
    for records in by_group.values():
        frame = pd.DataFrame.from_records(records).set_index("start").reindex(grid)
        frame.index.name = "start"
        frame = frame.reset_index()
        frame["hours"] = hours
        for c in ("predicted_answer_rate",):
            if c not in frame:
                frame[c] = math.nan
        frames.append(frame)
    return Requirement(list(by_group.keys()), frames, midnight)


class Schedule:
    """schedule.csv: `rows` (group, person, date, paid_hours or None), the groups and
    each group's people in the file's order."""

    def __init__(self, rows, groups, people, day_types):
        self.rows = rows
        self.groups = groups
        self.people = people  # group -> [person, ...]
        self.day_types = day_types  # date -> mon..sun or holiday over the horizon


def read_schedule(folder: Path, requirement: Requirement):
    """schedule.csv when the folder has one (None otherwise), checked against the
    requirement's horizon."""
    path = folder / SCHEDULE
    if not path.is_file():
        return None
    present, rows = cr._read_csv(path, SCHEDULE_REQUIRED, SCHEDULE_OPTIONAL,
                                 row_name="person and date worked")
    day_types = requirement.day_types()
    first, last = min(day_types), max(day_types)
    seen, home = {}, {}
    records, groups, people = [], [], {}
    schedule_days = {}
    for row in rows:
        line = row["__line__"]
        for c in SCHEDULE_REQUIRED:
            if not row[c]:
                raise cr.ResultsError(path, f"line {line}: column {c!r} is empty (expected "
                                      + {"person": "the person, e.g. general_team-0001",
                                         "group": "the person's agent group",
                                         "date": "the date worked, YYYY-MM-DD"}[c] + ")")
        person, group = row["person"], row["group"]
        try:
            date = _dt.date.fromisoformat(row["date"])
        except ValueError:
            raise cr.ResultsError(path, f"line {line}: date {row['date']!r} is not a date (expected YYYY-MM-DD)")
        if not first <= date <= last:
            raise cr.ResultsError(path, f"line {line}: date {row['date']} is outside the plan's horizon "
                                  f"({first} to {last} in {REQUIREMENT})")
        if person in home and home[person][0] != group:
            raise cr.ResultsError(path, f"line {line}: person {person!r} is in group {group!r} but in "
                                  f"{home[person][0]!r} on line {home[person][1]} (expected one group per person)")
        if (person, date) in seen:
            raise cr.ResultsError(path, f"line {line}: a second row for {person} on {date} (first on line "
                                  f"{seen[(person, date)]}; expected one row per person and date worked)")
        seen[(person, date)] = line
        if person not in home:
            home[person] = (group, line)
            if group not in people:
                groups.append(group)
                people[group] = []
            people[group].append(person)
        if "weekday" in present and row["weekday"]:
            wd = row["weekday"].lower()
            if wd not in cr.DAY_TYPES:
                raise cr.ResultsError(path, f"line {line}: weekday {row['weekday']!r} is not a day type "
                                      "(expected mon..sun or holiday)")
            schedule_days.setdefault(date, wd)
        paid = None
        if "paid_hours" in present:
            paid = cr._number(path, row, "paid_hours", allow_empty=False)
            if not (math.isfinite(paid) and paid >= 0):
                raise cr.ResultsError(path, f"line {line}: column 'paid_hours' is {row['paid_hours']!r} "
                                      "(expected a number of hours >= 0)")
        records.append((group, person, date, paid))
    # The requirement's day types unless it has no weekday column (then the schedule's).
    if not any("weekday" in f for f in requirement.frames):
        for date, wd in schedule_days.items():
            day_types[date] = wd
    # Groups in the requirement's order, then any others.
    order = [g for g in requirement.names if g in people] + [g for g in groups if g not in requirement.names]
    return Schedule(records, order, people, day_types)


# ---------------------------------------------------------------------------
# Text


def fmt_hours(h):
    return "n/a" if h is None else f"{h:,.0f}"


def fmt_num(x):
    """1,234 for a whole number, else 95.5."""
    if x is None:
        return "n/a"
    return f"{x:,.0f}" if abs(x - round(x)) < 0.05 else f"{x:,.1f}"


def pct(x, digits=1):
    return "n/a" if x is None or math.isnan(x) else f"{100 * x:.{digits}f} %"


def cost_differs(cost, paid):
    """Cost is worth showing when it is not simply the paid hours (cost_per_hour set)."""
    return cost is not None and (paid is None or abs(cost - paid) > 1e-6 * max(1.0, abs(paid)))


def title_lines(plan):
    parts = [f"scenario: {plan['scenario']}", f"{plan['interval_minutes']}-minute intervals",
             f"paid hours {fmt_hours(plan['paid_hours'])}"]
    if plan["base_paid_hours"] is not None:
        base = plan["base_paid_hours"]
        change = f", {100 * (plan['paid_hours'] - base) / base:+.1f} %" if base > 0 else ""
        parts[-1] += f" (base plan {fmt_hours(base)}{change})"
    if plan["people"] is not None:
        parts.append(f"{plan['people']:,.0f} people")
    if plan["fte"] is not None:
        parts.append(f"{fmt_num(plan['fte'])} FTE")
    if cost_differs(plan["cost"], plan["paid_hours"]):
        parts.append(f"cost {plan['cost']:,.0f}")
    parts.append("targets met: " + ("yes" if plan["met"] else "NO"))
    first = "   ·   ".join(parts)
    targets = []
    if plan["sl_share"] is not None:
        within = f" within {plan['sl_seconds']:g} s" if plan["sl_seconds"] is not None else ""
        targets.append(f"service level {pct(plan['sl_share'], 0)}{within}")
    if plan["ar_target"] is not None:
        targets.append(f"answer rate {pct(plan['ar_target'], 0)}")
    if plan["occ_target"] is not None:
        targets.append(f"occupancy at most {pct(plan['occ_target'], 0)}")
    second = "targets: " + (", ".join(targets) if targets else "none")
    if plan["judged"] and targets:
        second += f", judged {JUDGED[plan['judged']]}"
    final = plan["final"]
    if final:
        names = {"service_level": "service level", "answer_rate": "answer rate", "occupancy": "occupancy"}
        second += "   ·   final schedule, whole horizon (simulated): " + ", ".join(
            f"{names[k]} {pct(v)}" for k, v in final.items())
    return first, second


def group_text(plan, name):
    """A group's heading: its people, paid hours, FTE and cost from plan.json's `groups`,
    and the targets its whole run did not clear."""
    info = plan["groups"].get(name, {})
    parts = []
    if info.get("people") is not None:
        parts.append(f"{info['people']:,.0f} people")
    if info.get("paid_hours") is not None:
        parts.append(f"{fmt_hours(info['paid_hours'])} paid hours")
    if info.get("fte") is not None:
        parts.append(f"{fmt_num(info['fte'])} FTE")
    if cost_differs(info.get("cost"), info.get("paid_hours")):
        parts.append(f"cost {info['cost']:,.0f}")
    short = plan["not_cleared"].get(name, [])
    if short:
        parts.append("whole run does not clear " + ", ".join(s.replace("_", " ") for s in short))
    if any(kind == "period" and group == name for kind, _, group in plan["missed"]):
        parts.append("the period misses a target")
    return "   ·   ".join(parts)


def stamp_text(plan):
    parts = [f"scenario: {plan['scenario']}"]
    if plan["seed"] is not None:
        parts.append(f"seed: {plan['seed']}")
    if plan["replications"] is not None:
        parts.append(f"replications: {plan['replications']}")
    if plan["iterations"] is not None:
        parts.append(f"plan iterations: {plan['iterations']}")
    if plan["version"]:
        parts.append(f"callsim {plan['version']}")
    return "  ·  ".join(parts)


# ---------------------------------------------------------------------------
# The requirement figures


def steps(frame, column, step_hours):
    """x and y for a step drawn `steps-post` over whole intervals: each interval's value
    from its start to its end (one extra point closes the last interval)."""
    import numpy as np

    x = frame["hours"].to_numpy(dtype=float)
    y = frame[column].to_numpy(dtype=float)
    return np.append(x, x[-1] + step_hours), np.append(y, y[-1])


def shade_off_days(axes, day_types, midnight, lo, hi):
    for date, wd in day_types.items():
        if wd in ("sat", "sun", "holiday"):
            start = (date - midnight.date()).days * 24
            s, e = max(start, lo), min(start + 24, hi)
            if e > s:
                for a in axes:
                    a.axvspan(s, e, color=OFF_DAY_SHADE, zorder=0, linewidth=0)


def day_axis(axes, day_types, midnight, lo, hi):
    """Day boundaries as grid lines on every panel, day names at noon under the last one;
    every 6 hours marked on short spans."""
    import matplotlib.ticker as mticker

    bottom = axes[-1]
    first_day = int(math.floor(lo / 24))
    last_day = int(math.ceil(hi / 24))
    n_days = last_day - first_day
    label_every = 1 if n_days <= 45 else 7
    noon, labels = [], []
    for d in range(first_day, last_day, label_every):
        centre = d * 24 + 12
        if not lo <= centre <= hi:
            continue
        date = midnight.date() + _dt.timedelta(days=d)
        wd = day_types.get(date, cr.WEEKDAYS[date.weekday()])
        name = DAY_SHORT.get(wd, wd)
        noon.append(centre)
        labels.append(f"{name}\n{date.isoformat() if n_days <= 14 else date.strftime('%m-%d')}")
    bottom.xaxis.set_major_locator(mticker.MultipleLocator(24))
    bottom.xaxis.set_major_formatter(mticker.NullFormatter())
    bottom.xaxis.set_minor_locator(mticker.FixedLocator(noon))
    bottom.xaxis.set_minor_formatter(mticker.FixedFormatter(labels))
    bottom.tick_params(axis="x", which="minor", length=0, labelsize=9 if n_days <= 14 else 8)
    bottom.tick_params(axis="x", which="major", length=6)
    for a in axes[:-1]:
        a.tick_params(axis="x", which="both", labelbottom=False)
    for a in axes:
        a.grid(True, axis="x", which="major", color="#9a9a9a", linewidth=0.8)
        a.grid(False, axis="x", which="minor")
    if n_days <= WEEK_DAYS + 1:
        # hours 6, 12, 18 as light lines inside each day
        for a in axes:
            for d in range(first_day, last_day):
                for h in (6, 12, 18):
                    x = d * 24 + h
                    if lo < x < hi:
                        a.axvline(x, color="#e0e0e0", linewidth=0.6, zorder=0.5)
    return n_days


def draw_requirement(ax, part, step_h):
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    x, sched = steps(part, "scheduled", step_h)
    _, req = steps(part, "required", step_h)
    _, ana = steps(part, "required_analytic", step_h)
    defined = ~np.isnan(sched)
    ax.fill_between(x, 0, np.nan_to_num(sched), step="post", where=defined, zorder=1, **SCHEDULED_STYLE)
    ax.plot(x, sched, drawstyle="steps-post", zorder=2, **SCHEDULED_EDGE)
    short = defined & ~np.isnan(req) & (sched < req - 1e-9)
    if short[:-1].any():
        ax.fill_between(x, np.nan_to_num(sched), np.nan_to_num(req), step="post", where=short,
                        zorder=2.5, **SHORT_STYLE)
    ax.plot(x, req, drawstyle="steps-post", zorder=3, **REQUIRED_STYLE)
    ax.plot(x, ana, zorder=4, **ANALYTIC_STYLE)
    values = np.concatenate([sched, req, ana])
    top = np.nanmax(values) if len(x) and not np.isnan(values).all() else 1.0
    ax.set_ylim(0, (top if top > 0 else 1.0) * 1.08)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=8 if ax.get_position().height > 0.3 else 5, integer=True))
    ax.set_ylabel("agents on the phones")


def missed_in(plan, name, midnight, lo, hi):
    """Hour marks (x at the hour's middle) and day spans [x0, x1) within [lo, hi) of the
    spans that missed a target, for group `name` (entries without a group: every group)."""
    hours, days = [], []
    for kind, when, group in plan["missed"]:
        if group is not None and group != name:
            continue
        if kind == "hour":
            x = (when - midnight).total_seconds() / 3600.0 + 0.5
            if lo <= x < hi:
                hours.append(x)
        elif kind == "day":
            x0 = (when - midnight).total_seconds() / 3600.0
            s, e = max(x0, lo), min(x0 + 24, hi)
            if e > s:
                days.append((s, e))
    return hours, days


def draw_rates(ax_rate, part, plan, step_h, hours_missed, days_missed, labels):
    import numpy as np
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    low = 1.0
    drawn = False
    for col, label, style in RATE_STYLES:
        xs, ys = steps(part, col, step_h)
        if not np.isnan(ys).all():
            ax_rate.plot(xs, ys, drawstyle="steps-post", label=label, zorder=3, **style)
            low = min(low, float(np.nanmin(ys)))
            drawn = True
    for key, value, text in (("service_level", plan["sl_share"], "service-level target"),
                             ("answer_rate", plan["ar_target"], "answer-rate target")):
        if value is not None:
            ax_rate.axhline(value, zorder=2.5, label=f"{text} {pct(value, 0)}", **TARGET_STYLES[key])
            low = min(low, value)
    rate_lo = max(0.0, math.floor((low - 0.03) * 10) / 10)
    if hours_missed:
        ax_rate.plot(hours_missed, [rate_lo + 0.01] * len(hours_missed), zorder=4,
                     label=labels["hour"], **MISSED_STYLE)
    for i, (s, e) in enumerate(days_missed):
        ax_rate.plot([s, e], [rate_lo + 0.01] * 2, zorder=4, label=labels["day"] if i == 0 else None,
                     **MISSED_DAY_STYLE)
    if not drawn:
        ax_rate.text(0.5, 0.5, "no simulated service level in this span (warm-up or no calls)",
                     transform=ax_rate.transAxes, ha="center", va="center", color="#555555")
    ax_rate.set_ylim(rate_lo, 1.02)
    ax_rate.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax_rate.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    ax_rate.set_ylabel("share of calls")


def figure_size(n_groups):
    """Inches at cr.DPI: 1600 x 900 px for one group, 1600 x (300 + 400 x groups) px."""
    if n_groups <= 1:
        return SIZE
    return (SIZE[0], (GROUPS_BASE_PX + GROUP_PX * n_groups) / cr.DPI)


def panels(fig, n_groups):
    """(requirement axes, rates axes) per group; one group keeps the original layout."""
    if n_groups <= 1:
        gs = fig.add_gridspec(2, 1, height_ratios=[3, 1.5], hspace=0.08,
                              left=0.055, right=0.985, top=0.80, bottom=0.10)
        ax = fig.add_subplot(gs[0])
        return [(ax, fig.add_subplot(gs[1], sharex=ax))]
    height = fig.get_size_inches()[1] * cr.DPI
    # pixels: 180 for the title and legend, 28 for the first group's heading, 90 at the bottom
    outer = fig.add_gridspec(n_groups, 1, hspace=0.16, left=0.055, right=0.985,
                             top=1 - 208 / height, bottom=90 / height)
    pairs, first = [], None
    for i in range(n_groups):
        inner = outer[i].subgridspec(2, 1, height_ratios=[2.2, 1], hspace=0.07)
        ax = fig.add_subplot(inner[0], sharex=first)
        first = first or ax
        pairs.append((ax, fig.add_subplot(inner[1], sharex=first)))
    return pairs


def draw(plt, req, plan, lo=None, hi=None, shown=None):
    """The panels of every group over hours [lo, hi) since the first midnight (default:
    the whole horizon)."""
    step_h = plan["interval_minutes"] / 60.0
    frames, midnight = req.frames, req.midnight
    if lo is None:
        lo = float(frames[0]["hours"].min())
    if hi is None:
        hi = float(frames[0]["hours"].max()) + step_h
    day_types = req.day_types()

    n = len(frames)
    fig = plt.figure(figsize=figure_size(n), dpi=cr.DPI)
    pairs = panels(fig, n)
    height = fig.get_size_inches()[1] * cr.DPI
    all_axes = [a for pair in pairs for a in pair]
    shade_off_days(all_axes, day_types, midnight, lo, hi)

    missed = [missed_in(plan, name, midnight, lo, hi) for name in req.names]
    n_hours = sum(len(h) for h, _ in missed)
    n_days = sum(len(d) for _, d in missed)
    labels = {"hour": f"hour missing a target in the final check ({n_hours})",
              "day": f"day missing a target in the final check ({n_days})"}
    for (ax, ax_rate), name, frame, (hours_missed, days_missed) in zip(pairs, req.names, frames, missed):
        part = frame[(frame["hours"] >= lo - 1e-9) & (frame["hours"] < hi - 1e-9)].reset_index(drop=True)
        draw_requirement(ax, part, step_h)
        draw_rates(ax_rate, part, plan, step_h, hours_missed, days_missed, labels)
        ax_rate.set_xlim(lo, hi)
        if req.several:
            ax.set_title(name, loc="left", fontsize=11, fontweight="bold", pad=4)
            text = group_text(plan, name)
            if text:
                ax.set_title(text, loc="right", fontsize=10, pad=4)

    day_axis(all_axes, day_types, midnight, lo, hi)
    all_axes[-1].set_xlabel(f"date (one step per {plan['interval_minutes']}-minute interval, 0-24 h within "
                            "each day; weekends and holidays shaded)")

    handles, names = [], []
    for a in all_axes:  # every entry once, in the order drawn
        for h, l in zip(*a.get_legend_handles_labels()):
            if l not in names:
                handles.append(h)
                names.append(l)
    px = lambda p: 1 - p / height  # noqa: E731  (pixels from the top, as a figure fraction)
    fig.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, px(103.5)), ncol=3,
               frameon=False, handlelength=3.0, fontsize=9)
    what = "Requirement against scheduled agents by interval"
    if shown:
        what += f": one week, {shown}"
    fig.suptitle(what, fontsize=14, fontweight="bold", y=px(9))
    first, second = title_lines(plan)
    fig.text(0.5, px(58.5), first, ha="center", va="bottom", fontsize=11,
             color="#000000" if plan["met"] else "#b00000")
    fig.text(0.5, px(79.2), second, ha="center", va="bottom", fontsize=9)
    fig.text(0.995, 0.005, stamp_text(plan), ha="right", va="bottom", fontsize=8, color="#333333")
    return fig


def week_span(frames, midnight, step_h):
    """Hours [lo, hi) of the week figure and how they were chosen: the first 7 whole days
    from the first day with a simulated service level in some group (after the warm-up),
    else the first 7 whole days, else the first 7 x 24 hours."""
    hours = frames[0]["hours"]
    begin = float(hours.min())
    end = float(hours.max()) + step_h
    span = WEEK_DAYS * 24
    first_whole = math.ceil(begin / 24 - 1e-9) * 24
    chosen = None
    predicted = [float(f.loc[f["predicted_service_level"].notna(), "hours"].min())
                 for f in frames if f["predicted_service_level"].notna().any()]
    if predicted:
        after = max(first_whole, math.floor(min(predicted) / 24 + 1e-9) * 24)
        if after + span <= end + 1e-9:
            chosen = (after, "the first 7 whole days after the warm-up" if after > first_whole
                      else "the first 7 whole days")
    if chosen is None and first_whole + span <= end + 1e-9:
        chosen = (first_whole, "the first 7 whole days")
    if chosen is None:
        chosen = (begin, "the first 7 x 24 hours")
    lo, how = chosen
    first_day = (midnight + _dt.timedelta(hours=lo)).date()
    last_day = (midnight + _dt.timedelta(hours=lo + span) - _dt.timedelta(minutes=1)).date()
    return lo, lo + span, f"{first_day.isoformat()} to {last_day.isoformat()}, {how}"


# ---------------------------------------------------------------------------
# The people figure


def people_tables(schedule):
    """The numbers of the people figure, as plain dicts.

    by_type[group][day type] = (mean, lowest, highest) people on duty over the horizon's
    dates of that type; dates[day type] = how many such dates; week_days[group] = {days
    worked: person-weeks}; whole = whether those weeks are whole Monday-Sunday weeks;
    lengths[group] = {paid hours per shift: paid hours} (empty without paid_hours)."""
    from collections import Counter, defaultdict

    day_types = schedule.day_types
    order = [t for t in cr.DAY_TYPES if t in day_types.values()]
    dates = {t: sorted(d for d, wd in day_types.items() if wd == t) for t in order}
    on_duty = defaultdict(Counter)        # group -> date -> people
    worked = defaultdict(set)             # (group, person) -> dates
    lengths = defaultdict(Counter)
    for group, person, date, paid in schedule.rows:
        on_duty[group][date] += 1
        worked[(group, person)].add(date)
        if paid is not None:
            lengths[group][round(paid * 4) / 4] += paid
    by_type = {}
    for g in schedule.groups:
        by_type[g] = {}
        for t in order:
            counts = [on_duty[g][d] for d in dates[t]]
            by_type[g][t] = (sum(counts) / len(counts), min(counts), max(counts))

    first, last = min(day_types), max(day_types)
    monday = first - _dt.timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += _dt.timedelta(days=7)
    whole = [m for m in weeks if m >= first and m + _dt.timedelta(days=6) <= last]
    chosen = whole or weeks
    week_days = {}
    for g in schedule.groups:
        hist = Counter()
        for person in schedule.people[g]:
            days = worked[(g, person)]
            for m in chosen:
                hist[sum(1 for d in days if m <= d <= m + _dt.timedelta(days=6))] += 1
        week_days[g] = hist
    return {"order": order, "dates": {t: len(v) for t, v in dates.items()}, "by_type": by_type,
            "week_days": week_days, "weeks": len(chosen), "whole": bool(whole),
            "lengths": {g: lengths[g] for g in schedule.groups if lengths[g]}}


def group_bars(ax, categories, groups, value, label_fmt=None, whiskers=None, width=0.8):
    """Bars grouped by category, one per group, styled by GROUP_STYLES; optional value
    labels on top and (low, high) whiskers. Returns the bar containers."""
    import numpy as np

    n = len(groups)
    w = width / max(n, 1)
    x = np.arange(len(categories))
    bars = []
    for i, g in enumerate(groups):
        style = GROUP_STYLES[i % len(GROUP_STYLES)]
        ys = [value(g, c) for c in categories]
        pos = x - width / 2 + w * (i + 0.5)
        b = ax.bar(pos, ys, w * 0.92, label=g, edgecolor=BAR_EDGE, linewidth=0.7, zorder=2, **style)
        bars.append(b)
        if whiskers:
            lows, highs = zip(*[whiskers(g, c) for c in categories])
            spread = [(y - l, h - y) for y, l, h in zip(ys, lows, highs)]
            if any(a > 1e-9 or b_ > 1e-9 for a, b_ in spread):
                ax.errorbar(pos, ys, yerr=np.array(spread).T, fmt="none", ecolor="#000000",
                            elinewidth=0.9, capsize=2.5, zorder=3)
        if label_fmt:
            tops = [whiskers(g, c)[1] if whiskers else y for c, y in zip(categories, ys)]
            for px_, y, top in zip(pos, ys, tops):
                ax.annotate(label_fmt(y), (px_, top), xytext=(0, 2), textcoords="offset points",
                            ha="center", va="bottom", fontsize=7.5 if n > 2 else 8.5, zorder=4,
                            rotation=90 if n > 4 else 0)
    ax.set_xticks(x)
    return bars


def share_label(v):
    """A share as a whole percentage on a bar: "<1" for a small one, nothing for none."""
    return "" if v <= 0 else ("<1" if v < 0.005 else f"{100 * v:.0f}")


def draw_people(plt, schedule, plan):
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    t = people_tables(schedule)
    groups = schedule.groups
    fig = plt.figure(figsize=SIZE, dpi=cr.DPI)
    columns = min(len(groups), 8)
    rows = math.ceil(len(groups) / columns)
    gs = fig.add_gridspec(2, 2, width_ratios=[1.75, 1], height_ratios=[1, 1], wspace=0.14, hspace=0.42,
                          left=0.055, right=0.985, top=0.83 - 0.03 * (rows - 1), bottom=0.10)
    ax = fig.add_subplot(gs[:, 0])
    ax_week = fig.add_subplot(gs[0, 1])
    ax_len = fig.add_subplot(gs[1, 1])

    # People on duty by day type.
    order = t["order"]
    labels_on = len(groups) * len(order) <= 48
    bars = group_bars(ax, order, groups, lambda g, c: t["by_type"][g][c][0],
                      label_fmt=fmt_num if labels_on else None,
                      whiskers=lambda g, c: t["by_type"][g][c][1:])
    ax.set_xticklabels([f"{DAY_SHORT[c]}\n{t['dates'][c]} date{'s' if t['dates'][c] != 1 else ''}"
                        for c in order])
    for i, c in enumerate(order):
        if c in ("sat", "sun", "holiday"):
            ax.axvspan(i - 0.5, i + 0.5, color=OFF_DAY_SHADE, zorder=0, linewidth=0)
    top = max((t["by_type"][g][c][2] for g in groups for c in order), default=1)
    ax.set_ylim(0, max(top, 1) * 1.12)
    ax.set_xlim(-0.5, len(order) - 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    ax.grid(False, axis="x")
    ax.set_ylabel("people on duty (with a shift that date)")
    ax.set_xlabel("day type (weekends and holidays shaded); bars: mean over the horizon's dates of "
                  "that type, whiskers: lowest and highest date")
    ax.set_title("People on duty by weekday", loc="left", fontsize=11, fontweight="bold")

    # Days worked per person and week.
    days = list(range(0, 8))
    hist = t["week_days"]
    total = {g: sum(hist[g].values()) or 1 for g in groups}
    shown = days if any(hist[g][0] for g in groups) else days[1:]
    group_bars(ax_week, shown, groups, lambda g, d: hist[g][d] / total[g],
               label_fmt=share_label if len(groups) * len(shown) <= 24 else None)
    ax_week.set_xticklabels([str(d) for d in shown])
    ax_week.set_ylim(0, 1.12)
    ax_week.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax_week.grid(False, axis="x")
    ax_week.set_ylabel("share of person-weeks")
    weeks = t["weeks"]
    kind = "whole Monday-Sunday" if t["whole"] else "partial Monday-Sunday"
    ax_week.set_xlabel(f"days worked in the week ({weeks} {kind} week{'s' if weeks != 1 else ''})")
    ax_week.set_title("Days worked per person and week", loc="left", fontsize=11, fontweight="bold")

    # Paid hours by shift length.
    lengths = t["lengths"]
    if lengths:
        keys = sorted({k for g in lengths for k in lengths[g]})
        share = {g: {k: lengths.get(g, {}).get(k, 0.0) / (sum(lengths.get(g, {}).values()) or 1)
                     for k in keys} for g in groups}
        group_bars(ax_len, keys, groups, lambda g, k: share[g][k],
                   label_fmt=share_label if len(groups) * len(keys) <= 24 else None)
        ax_len.set_xticklabels([f"{fmt_num(k)} h" for k in keys])
        ax_len.set_ylim(0, 1.12)
        ax_len.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax_len.set_xlabel("paid hours of the shift")
    else:
        ax_len.text(0.5, 0.5, f"no paid_hours column in {SCHEDULE}", transform=ax_len.transAxes,
                    ha="center", va="center", color="#555555")
        ax_len.set_xticks([])
        ax_len.set_yticks([])
    ax_len.grid(False, axis="x")
    ax_len.set_ylabel("share of paid hours")
    ax_len.set_title("Paid hours by shift length", loc="left", fontsize=11, fontweight="bold")

    fig.legend(bars, groups, loc="upper center", bbox_to_anchor=(0.5, 0.93), ncol=columns,
               frameon=False, handlelength=2.4, handleheight=1.4, fontsize=10,
               title="numbers on the bars: people on duty (left), % (right)", title_fontsize=9)
    fig.suptitle("People on duty by weekday, days worked and shift lengths", fontsize=14,
                 fontweight="bold", y=0.99)
    first_day, last_day = min(schedule.day_types), max(schedule.day_types)
    n_days = (last_day - first_day).days + 1
    people = sum(len(schedule.people[g]) for g in groups)
    line = [f"scenario: {plan['scenario']}", f"{people:,} people in {SCHEDULE}"]
    if len(groups) > 1:
        line[-1] += " (" + ", ".join(f"{g} {len(schedule.people[g]):,}" for g in groups) + ")"
    line.append(f"horizon {first_day} to {last_day} ({n_days} date{'s' if n_days != 1 else ''})")
    if lengths:
        line.append(f"paid hours {sum(p for *_, p in schedule.rows):,.0f}")
    fig.text(0.5, 0.94, "   ·   ".join(line), ha="center", va="bottom", fontsize=11)
    fig.text(0.995, 0.005, stamp_text(plan), ha="right", va="bottom", fontsize=8, color="#333333")
    return fig


# ---------------------------------------------------------------------------


def main(argv=None):
    args = parse_args(argv)
    folder = plan_folder(args.plan_dir)
    plan = read_plan(folder)
    req = read_requirement(folder, plan["interval_minutes"])
    schedule = read_schedule(folder, req)
    out = cr.output_folder(args.out if args.out else folder / "plots")

    plt = cr.figure_tools()
    figures = [("plan", lambda: draw(plt, req, plan))]
    step_h = plan["interval_minutes"] / 60.0
    hours = req.frames[0]["hours"]
    horizon = float(hours.max()) + step_h - float(hours.min())
    if horizon > WEEK_DAYS * 24 + 1e-9:
        lo, hi, shown = week_span(req.frames, req.midnight, step_h)
        figures.append(("plan_week", lambda: draw(plt, req, plan, lo, hi, shown)))
    if schedule is not None:
        figures.append(("plan_people", lambda: draw_people(plt, schedule, plan)))
    for name, make in figures:
        fig = make()
        for path in cr.save(fig, out, name):
            print(f"wrote {path}")
        plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_cli(main))
