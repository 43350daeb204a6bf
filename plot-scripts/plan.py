#!/usr/bin/env python3
"""Plot a callsim capacity plan: the requirement against the scheduled agents by interval.

Reads PLAN_DIR/requirement.csv and PLAN_DIR/plan.json, written by `callsim plan`.
requirement.csv has one row per planning interval (15, 30 or 60 minutes) over the
horizon; needs the columns interval_start, required_analytic, required, scheduled and
predicted_service_level; uses weekday and predicted_answer_rate when present.
plan.json needs scenario, interval_minutes, met and paid_hours; uses base_paid_hours,
targets, replications, check (the final schedule's simulated means) and missed_hours.

Writes OUT/plan.png and OUT/plan.svg (OUT defaults to PLAN_DIR/plots), 1600 x 900 pixels,
the whole horizon:

  top panel     agents on the phones per interval: the Erlang minimum for the interval
                alone (required_analytic, thin dashed line), the requirement after the
                simulation correction (required, step line) and what the shift schedule
                gives after breaks and absence (scheduled, filled steps); intervals where
                the schedule falls short of the requirement are marked
  bottom panel  the simulated service level and answer rate of each interval's hour under
                the final schedule (empty in the warm-up and without calls), with the
                service-level and answer-rate targets from plan.json as dashed lines
                and the hours that missed a target in the final check as ticks

The title gives the scenario, interval length, paid hours (and the base plan's paid hours
when plan.json has them) and whether the targets were met, then the targets (the
occupancy target only there: occupancy is not given per interval) and the final
schedule's simulated rates over the whole horizon. Weekends and holidays are shaded.

For a horizon of more than 7 days also OUT/plan_week.png and OUT/plan_week.svg, 1600 x 900
pixels: the same two panels over 7 days, so that the daily pattern is legible: the first 7
whole days (midnight to midnight) after the warm-up, else the first 7 whole days, else the
first 7 x 24 hours.

Exit status 2 with one line `error: <path>: <problem>` when the folder, a file or a column
is missing or malformed.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callsim_results as cr  # noqa: E402

SIZE = (16.0, 9.0)  # inches at cr.DPI -> 1600 x 900 px, both figures
REQUIREMENT = "requirement.csv"
PLAN = "plan.json"
WEEK_DAYS = 7

REQUIRED = ("interval_start", "required_analytic", "required", "scheduled",
            "predicted_service_level")
OPTIONAL = ("weekday", "predicted_answer_rate", "calls_per_hour", "required_staff",
            "staff_on_duty", "analytic_service_level")

DAY_SHORT = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri",
             "sat": "Sat", "sun": "Sun", "holiday": "Hol"}
OFF_DAY_SHADE = "#ececec"

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


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="plan.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("plan_dir", metavar="PLAN_DIR",
                    help="folder written by `callsim plan` (requirement.csv, plan.json)")
    ap.add_argument("--out", metavar="DIR", default=None,
                    help="folder for plan.png, plan.svg (and plan_week.png, plan_week.svg) "
                         "(default PLAN_DIR/plots)")
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
    return folder


def _json_number(path, key, value, allow_null=False):
    if value is None and allow_null:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise cr.ResultsError(path, f"{key!r} is {value!r} (expected a number"
                              + (" or null)" if allow_null else ")"))
    return float(value)


def read_plan(folder: Path) -> dict:
    """plan.json, checked: the keys the figure uses, with their types."""
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
    plan = {
        "scenario": str(data["scenario"]),
        "interval_minutes": int(minutes),
        "met": data["met"],
        "paid_hours": _json_number(path, "paid_hours", data["paid_hours"]),
        "base_paid_hours": _json_number(path, "base_paid_hours", data.get("base_paid_hours"), allow_null=True),
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

    # Hours that missed a target in the final check ("2024-01-02 06:00"); unreadable ones skipped.
    missed = []
    for h in data.get("missed_hours") or []:
        try:
            missed.append(_dt.datetime.fromisoformat(str(h).replace(" ", "T")))
        except ValueError:
            pass
    plan["missed_hours"] = missed
    return plan


def read_requirement(folder: Path, minutes: int):
    """requirement.csv as a DataFrame on the full interval grid from the first to the last
    interval (missing intervals are NaN rows), with `start` (datetime) and `hours`
    (hours since midnight of the first day) columns."""
    import pandas as pd

    path = folder / REQUIREMENT
    present, rows = cr._read_csv(path, REQUIRED, OPTIONAL, row_name="planning interval")
    numeric = [c for c in present if c not in ("interval_start", "weekday")]
    records, seen = [], {}
    step = _dt.timedelta(minutes=minutes)
    first = None
    for row in rows:
        line = row["__line__"]
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
        if start in seen:
            raise cr.ResultsError(path, f"line {line}: a second row for {text} (first on line "
                                  f"{seen[start]}; expected one row per interval)")
        seen[start] = line
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
        records.append(rec)
    records.sort(key=lambda r: r["start"])
    frame = pd.DataFrame.from_records(records)
    begin, end = frame["start"].min(), frame["start"].max()
    midnight = _dt.datetime.combine(begin.date(), _dt.time())
    n = int((end - begin) / step) + 1
    grid = [begin + i * step for i in range(n)]
    frame = frame.set_index("start").reindex(grid)
    frame.index.name = "start"
    frame = frame.reset_index()
    frame["hours"] = [(t - midnight).total_seconds() / 3600.0 for t in frame["start"]]
    for c in ("predicted_answer_rate",):
        if c not in frame:
            frame[c] = math.nan
    return frame, midnight


# ---------------------------------------------------------------------------
# Drawing


def fmt_hours(h):
    return "n/a" if h is None else f"{h:,.0f}"


def pct(x, digits=1):
    return "n/a" if x is None or math.isnan(x) else f"{100 * x:.{digits}f} %"


def title_lines(plan):
    parts = [f"scenario: {plan['scenario']}", f"{plan['interval_minutes']}-minute intervals",
             f"paid hours {fmt_hours(plan['paid_hours'])}"]
    if plan["base_paid_hours"] is not None:
        base = plan["base_paid_hours"]
        change = f", {100 * (plan['paid_hours'] - base) / base:+.1f} %" if base > 0 else ""
        parts[-1] += f" (base plan {fmt_hours(base)}{change})"
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
    final = plan["final"]
    if final:
        names = {"service_level": "service level", "answer_rate": "answer rate", "occupancy": "occupancy"}
        second += "   ·   final schedule, whole horizon (simulated): " + ", ".join(
            f"{names[k]} {pct(v)}" for k, v in final.items())
    return first, second


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


def steps(frame, column, step_hours):
    """x and y for a step drawn `steps-post` over whole intervals: each interval's value
    from its start to its end (one extra point closes the last interval)."""
    import numpy as np

    x = frame["hours"].to_numpy(dtype=float)
    y = frame[column].to_numpy(dtype=float)
    return np.append(x, x[-1] + step_hours), np.append(y, y[-1])


def shade_off_days(axes, frame, midnight, lo, hi):
    if "weekday" not in frame:
        return
    days = frame.dropna(subset=["weekday"]).groupby(frame["start"].dt.date)["weekday"].first()
    for date, wd in days.items():
        if wd in ("sat", "sun", "holiday"):
            start = (date - midnight.date()).days * 24
            s, e = max(start, lo), min(start + 24, hi)
            if e > s:
                for a in axes:
                    a.axvspan(s, e, color=OFF_DAY_SHADE, zorder=0, linewidth=0)


def day_axis(ax_top, ax_rate, frame, midnight, lo, hi):
    """Day boundaries as grid lines, day names at noon; every 6 hours marked on short spans."""
    import matplotlib.ticker as mticker

    first_day = int(math.floor(lo / 24))
    last_day = int(math.ceil(hi / 24))
    n_days = last_day - first_day
    days = {}
    if "weekday" in frame:
        days = frame.dropna(subset=["weekday"]).groupby(frame["start"].dt.date)["weekday"].first().to_dict()
    label_every = 1 if n_days <= 45 else 7
    noon, labels = [], []
    for d in range(first_day, last_day, label_every):
        centre = d * 24 + 12
        if not lo <= centre <= hi:
            continue
        date = midnight.date() + _dt.timedelta(days=d)
        wd = days.get(date, cr.WEEKDAYS[date.weekday()])
        name = DAY_SHORT.get(wd, wd)
        noon.append(centre)
        labels.append(f"{name}\n{date.isoformat() if n_days <= 14 else date.strftime('%m-%d')}")
    ax_rate.xaxis.set_major_locator(mticker.MultipleLocator(24))
    ax_rate.xaxis.set_major_formatter(mticker.NullFormatter())
    ax_rate.xaxis.set_minor_locator(mticker.FixedLocator(noon))
    ax_rate.xaxis.set_minor_formatter(mticker.FixedFormatter(labels))
    ax_rate.tick_params(axis="x", which="minor", length=0, labelsize=9 if n_days <= 14 else 8)
    ax_rate.tick_params(axis="x", which="major", length=6)
    ax_top.tick_params(axis="x", which="both", labelbottom=False)
    for a in (ax_top, ax_rate):
        a.grid(True, axis="x", which="major", color="#9a9a9a", linewidth=0.8)
        a.grid(False, axis="x", which="minor")
    if n_days <= WEEK_DAYS + 1:
        # hours 6, 12, 18 as light lines inside each day
        for a in (ax_top, ax_rate):
            for d in range(first_day, last_day):
                for h in (6, 12, 18):
                    x = d * 24 + h
                    if lo < x < hi:
                        a.axvline(x, color="#e0e0e0", linewidth=0.6, zorder=0.5)
    return n_days


def draw(plt, frame, midnight, plan, lo=None, hi=None, shown=None):
    """The two panels over hours [lo, hi) since `midnight` (default: the whole horizon)."""
    import numpy as np
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    step_h = plan["interval_minutes"] / 60.0
    if lo is None:
        lo = float(frame["hours"].min())
    if hi is None:
        hi = float(frame["hours"].max()) + step_h
    part = frame[(frame["hours"] >= lo - 1e-9) & (frame["hours"] < hi - 1e-9)].reset_index(drop=True)

    fig = plt.figure(figsize=SIZE, dpi=cr.DPI)
    gs = fig.add_gridspec(2, 1, height_ratios=[3, 1.5], hspace=0.08,
                          left=0.055, right=0.985, top=0.80, bottom=0.10)
    ax = fig.add_subplot(gs[0])
    ax_rate = fig.add_subplot(gs[1], sharex=ax)
    shade_off_days((ax, ax_rate), part, midnight, lo, hi)

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
    top = np.nanmax(np.concatenate([sched, req, ana])) if len(x) else 1.0
    ax.set_ylim(0, (top if top > 0 else 1.0) * 1.08)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    ax.set_ylabel("agents on the phones")

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
    missed = [(t - midnight).total_seconds() / 3600.0 + 0.5 for t in plan["missed_hours"]]
    missed = [m for m in missed if lo <= m < hi]
    rate_lo = max(0.0, math.floor((low - 0.03) * 10) / 10)
    if missed:
        ax_rate.plot(missed, [rate_lo + 0.01] * len(missed), zorder=4,
                     label=f"hour missing a target in the final check ({len(missed)})", **MISSED_STYLE)
    if not drawn:
        ax_rate.text(0.5, 0.5, "no simulated service level in this span (warm-up or no calls)",
                     transform=ax_rate.transAxes, ha="center", va="center", color="#555555")
    ax_rate.set_ylim(rate_lo, 1.02)
    ax_rate.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax_rate.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    ax_rate.set_ylabel("share of calls")
    ax_rate.set_xlim(lo, hi)

    day_axis(ax, ax_rate, part, midnight, lo, hi)
    ax_rate.set_xlabel(f"date (one step per {plan['interval_minutes']}-minute interval, 0-24 h within "
                       "each day; weekends and holidays shaded)")

    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax_rate.get_legend_handles_labels()
    fig.legend(h1 + h2, l1 + l2, loc="upper center", bbox_to_anchor=(0.5, 0.885), ncol=3,
               frameon=False, handlelength=3.0, fontsize=9)
    what = "Requirement against scheduled agents by interval"
    if shown:
        what += f": one week, {shown}"
    fig.suptitle(what, fontsize=14, fontweight="bold", y=0.99)
    first, second = title_lines(plan)
    fig.text(0.5, 0.935, first, ha="center", va="bottom", fontsize=11,
             color="#000000" if plan["met"] else "#b00000")
    fig.text(0.5, 0.912, second, ha="center", va="bottom", fontsize=9)
    fig.text(0.995, 0.005, stamp_text(plan), ha="right", va="bottom", fontsize=8, color="#333333")
    return fig


def week_span(frame, midnight, step_h):
    """Hours [lo, hi) of the week figure and how they were chosen: the first 7 whole days
    from the first day with a simulated service level (after the warm-up), else the first
    7 whole days, else the first 7 x 24 hours."""
    begin = float(frame["hours"].min())
    end = float(frame["hours"].max()) + step_h
    span = WEEK_DAYS * 24
    first_whole = math.ceil(begin / 24 - 1e-9) * 24
    chosen = None
    predicted = frame.loc[frame["predicted_service_level"].notna(), "hours"]
    if len(predicted):
        after = max(first_whole, math.floor(float(predicted.min()) / 24 + 1e-9) * 24)
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


def main(argv=None):
    args = parse_args(argv)
    folder = plan_folder(args.plan_dir)
    plan = read_plan(folder)
    frame, midnight = read_requirement(folder, plan["interval_minutes"])
    out = cr.output_folder(args.out if args.out else folder / "plots")

    plt = cr.figure_tools()
    figures = [("plan", draw(plt, frame, midnight, plan))]
    step_h = plan["interval_minutes"] / 60.0
    horizon = float(frame["hours"].max()) + step_h - float(frame["hours"].min())
    if horizon > WEEK_DAYS * 24 + 1e-9:
        lo, hi, shown = week_span(frame, midnight, step_h)
        figures.append(("plan_week", draw(plt, frame, midnight, plan, lo, hi, shown)))
    for name, fig in figures:
        for path in cr.save(fig, out, name):
            print(f"wrote {path}")
        plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_cli(main))
