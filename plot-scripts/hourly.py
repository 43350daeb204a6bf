#!/usr/bin/env python3
"""Plot calls, agents on the phones and answer rate by hour from a callsim results folder.

Reads RESULTS_DIR/summary.json (scenario, seed) and RESULTS_DIR/hourly.csv (one row per
simulated hour after warm-up; needs the columns date, hour, agents_on_phones,
total_inflow, inflow, answered, answer_rate; uses weekday, agents_scheduled,
answer_rate_total and service_level when present).

Writes OUT/hourly.png and OUT/hourly.svg (OUT defaults to RESULTS_DIR/plots):

  top panel     total inflow, inflow (calls that reached the agent queue) and answered
                as nested bars in calls per hour; agents on the phones (solid line) and
                agents scheduled (dashed) on the right axis
  bottom panel  answer rate (answered / inflow), answer rate of total inflow
                (answered / total_inflow) and service level, as shares of calls

Default: the whole run as a timeline (one bar per simulated hour; weekends and
holidays shaded; a run of at most three days has the hour of day marked every three
hours, the date below), 1600 x 900 pixels. With --by-weekday: one panel pair per day type
(mon..sun, holiday), hour of day 0-23 averaged over the days of that type (counts as
means, rates weighted by the calls they are shares of), 1600 x 1500 pixels.

--title sets the figure's title: the question it answers ("What does a strike day do to
the callers?"); by default it says what the panels show. --target METRIC=SHARE (answer_rate,
answer_rate_total or service_level; repeatable) draws that target on the rates panel.

Exit status 2 with one line `error: <path>: <problem>` when the folder, a file or a
column is missing or malformed.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callsim_results as cr  # noqa: E402

TIMELINE_SIZE = (16.0, 9.0)    # inches at cr.DPI -> 1600 x 900 px
WEEKDAY_SIZE = (16.0, 15.0)    # -> 1600 x 1500 px
DENSE_AFTER_DAYS = 14          # longer timelines draw filled hour steps instead of bars
SHORT_DAYS = 3                 # shorter timelines mark the hour of day

DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday", "holiday": "Holiday"}
DAY_SHORT = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri",
             "sat": "Sat", "sun": "Sun", "holiday": "Holiday"}

# Series styles: three bar lightnesses plus hatching, lines by dash pattern and marker,
# so the figure reads in grey-scale too.
BAR_TOTAL = dict(facecolor="#d9e6f2", edgecolor="#7f9fbf", hatch="////", linewidth=0.0,
                 label="total inflow (all calls reaching the number)")
BAR_INFLOW = dict(facecolor="#7fa7cf", edgecolor="#7fa7cf", linewidth=0.0,
                  label="inflow (calls reaching the agent queue)")
BAR_ANSWERED = dict(facecolor="#1f3f66", edgecolor="#1f3f66", linewidth=0.0, label="answered")
LINE_ON_PHONES = dict(color="#d95f02", linewidth=2.0, linestyle="-", label="agents on the phones")
LINE_SCHEDULED = dict(color="#7a3500", linewidth=1.2, linestyle=(0, (4, 2)),
                      label="agents scheduled")
RATE_STYLES = (
    ("answer_rate", "answer rate (answered / inflow)",
     dict(color="#1f3f66", linestyle="-", marker="o", linewidth=1.6)),
    ("answer_rate_total", "answer rate of total inflow (answered / total inflow)",
     dict(color="#6a51a3", linestyle=(0, (5, 2)), marker="s", linewidth=1.3)),
    ("service_level", "service level (answered within target / inflow)",
     dict(color="#238b45", linestyle=(0, (1, 1.5)), marker="^", linewidth=1.6)),
)
OFF_DAY_SHADE = "#ececec"


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="hourly.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results_dir", metavar="RESULTS_DIR",
                    help="results folder written by `callsim run` (summary.json, hourly.csv)")
    ap.add_argument("--out", metavar="DIR", default=None,
                    help="folder for hourly.png and hourly.svg (default RESULTS_DIR/plots)")
    ap.add_argument("--by-weekday", action="store_true",
                    help="average by day type (mon..sun, holiday) and hour of day, one panel each")
    ap.add_argument("--title", metavar="TEXT", default=None,
                    help="the figure's title: the question it answers (default: what the panels show)")
    ap.add_argument("--target", metavar="METRIC=SHARE", action="append", default=[],
                    help="a rate's target, drawn on the rates panel (service_level=0.8); repeatable")
    return ap.parse_args(argv)


def parse_targets(texts):
    """{rate column: share} from METRIC=SHARE texts; ResultsError on a malformed one."""
    known = [col for col, _, _ in RATE_STYLES]
    expected = f"METRIC=SHARE with METRIC one of {', '.join(known)} and SHARE in [0, 1] (service_level=0.8)"
    return dict(cr.parse_target(t, lambda name, share: name in known and 0 <= share <= 1, expected) for t in texts)


# ---------------------------------------------------------------------------
# Data shaping


def weighted(values, weights):
    """Mean of the defined values weighted by `weights` (NaN when no weight)."""
    ok = values.notna() & weights.notna() & (weights > 0)
    w = weights[ok].sum()
    return float((values[ok] * weights[ok]).sum() / w) if w > 0 else math.nan


def by_day_type(frame):
    """{day type: (frame by hour of day 0-23, number of dates)} with counts averaged and rates weighted."""
    import pandas as pd

    out = {}
    for day_type, part in frame.groupby("weekday"):
        hours = []
        for hour, rows in part.groupby("hour"):
            rec = {"hour": hour}
            for col in ("total_inflow", "inflow", "answered", "agents_on_phones",
                        "agents_scheduled"):
                if col in rows:
                    rec[col] = rows[col].mean()
            rec["answer_rate"] = weighted(rows["answer_rate"], rows["inflow"])
            rec["answer_rate_total"] = weighted(rows["answer_rate_total"], rows["total_inflow"])
            if "service_level" in rows:
                rec["service_level"] = weighted(rows["service_level"], rows["inflow"])
            hours.append(rec)
        table = pd.DataFrame.from_records(hours).set_index("hour").reindex(range(24))
        out[day_type] = (table, part["date"].nunique())
    return out


def pct(x):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.1f} %"


def run_totals(frame, summary):
    """One line of run-wide rates: from summary.json where given, else from the hourly table."""
    def total(metric, num, den):
        m = summary.metric_mean(metric)
        if m is not None:
            return m
        d = frame[den].sum()
        return frame[num].sum() / d if d > 0 else math.nan

    ar = total("answer_rate", "answered", "inflow")
    art = total("answer_rate_total", "answered", "total_inflow")
    parts = [f"answer rate {pct(ar)} of inflow, {pct(art)} of total inflow"]
    sl = summary.metric_mean("service_level")
    if sl is None and "service_level" in frame:
        sl = weighted(frame["service_level"], frame["inflow"])
    if sl is not None and not math.isnan(sl):
        parts.append(f"service level {pct(sl)}")
    return "Whole run: " + "; ".join(parts)


# ---------------------------------------------------------------------------
# Drawing


def draw_calls(ax, x, table, width):
    """Nested bars: total inflow (widest, hatched), inflow, answered (narrowest, darkest)."""
    ax.bar(x, table["total_inflow"], width=width, **BAR_TOTAL)
    ax.bar(x, table["inflow"], width=width * 0.72, **BAR_INFLOW)
    ax.bar(x, table["answered"], width=width * 0.44, **BAR_ANSWERED)
    ax.set_ylabel("calls per hour")


def draw_calls_dense(ax, x, table):
    """For long runs, where bars would be a pixel or two wide: the same three series as
    overlapping filled hour steps (x on a whole-hour grid; missing hours, NaN, stay gaps)."""
    import numpy as np

    for col, style in (("total_inflow", BAR_TOTAL), ("inflow", BAR_INFLOW),
                       ("answered", BAR_ANSWERED)):
        y = table[col].to_numpy(dtype=float)
        style = dict(style)
        style["linewidth"] = 0.0
        ax.fill_between(x, 0, np.nan_to_num(y), step="mid", where=~np.isnan(y), **style)
    ax.set_ylabel("calls per hour")


def draw_agents(ax, x, table):
    twin = ax.twinx()
    twin.grid(False)
    twin.plot(x, table["agents_on_phones"], drawstyle="steps-mid", **LINE_ON_PHONES)
    if "agents_scheduled" in table:
        twin.plot(x, table["agents_scheduled"], drawstyle="steps-mid", **LINE_SCHEDULED)
    twin.set_ylabel("agents")
    return twin


def draw_rates(ax, x, table, markevery, targets=None):
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    for col, label, style in RATE_STYLES:
        if col in table and table[col].notna().any():
            ax.plot(x, table[col], label=label, markersize=4, markevery=markevery, **style)
    for col, label, style in RATE_STYLES:
        if col in (targets or {}):
            ax.axhline(targets[col], color=style["color"], linestyle=(0, (1, 1)), linewidth=1.2, alpha=0.8,
                       label=f"target: {label.split(' (')[0]} {targets[col] * 100:g} %")
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    ax.set_ylabel("share of calls")


def rate_limits(tables, targets=None):
    """A common y range for the rate panels: from a round share below the lowest value (or
    target) up to 100 %."""
    low = min([1.0] + list((targets or {}).values()))
    for t in tables:
        for col, _, _ in RATE_STYLES:
            if col in t and t[col].notna().any():
                low = min(low, float(t[col].min()))
    low = max(0.0, math.floor((low - 0.02) * 10) / 10)
    return low, 1.02


def nice_top(value):
    """Axis top a little above `value`."""
    if not value or value <= 0 or math.isnan(value):
        return 1.0
    return value * 1.08


def legend_handles(ax_calls, ax_agents, ax_rates=None):
    h1, l1 = ax_calls.get_legend_handles_labels()
    h2, l2 = ax_agents.get_legend_handles_labels()
    handles, labels = h1 + h2, l1 + l2
    if ax_rates is not None:
        h3, l3 = ax_rates.get_legend_handles_labels()
        handles, labels = handles + h3, labels + l3
    return handles, labels


def timeline(plt, frame, summary, title=None, targets=None):
    import matplotlib.ticker as mticker
    import pandas as pd

    first = frame["date"].min()
    hours = [(d - first).days * 24 + h for d, h in zip(frame["date"], frame["hour"])]
    # one row per hour slot from the first to the last: a missing hour is a gap, not a bridge
    grid = frame.set_index(pd.Index(hours)).reindex(range(min(hours), max(hours) + 1))
    x = grid.index.to_numpy(dtype=float) + 0.5
    n_days = int(math.ceil(x.max() / 24.0)) if len(x) else 1
    width = 0.9 if n_days <= 10 else 1.0

    fig = plt.figure(figsize=TIMELINE_SIZE, dpi=cr.DPI)
    gs = fig.add_gridspec(2, 1, height_ratios=[3, 1.6], hspace=0.08,
                          left=0.06, right=0.94, top=0.845, bottom=0.10)
    ax = fig.add_subplot(gs[0])
    ax_rate = fig.add_subplot(gs[1], sharex=ax)

    # weekends and holidays shaded, in both panels
    days = frame.groupby("date")["weekday"].first()
    for date, wd in days.items():
        if wd in ("sat", "sun", "holiday"):
            start = (date - first).days * 24
            for a in (ax, ax_rate):
                a.axvspan(start, start + 24, color=OFF_DAY_SHADE, zorder=0, linewidth=0)

    if n_days <= DENSE_AFTER_DAYS:
        draw_calls(ax, x, grid, width)
    else:
        draw_calls_dense(ax, x, grid)
    twin = draw_agents(ax, x, grid)
    ax.set_ylim(0, nice_top(frame["total_inflow"].max()))
    agent_cols = [c for c in ("agents_on_phones", "agents_scheduled") if c in frame]
    twin.set_ylim(0, nice_top(frame[agent_cols].max().max()))

    markevery = max(1, len(x) // 60)
    draw_rates(ax_rate, x, grid, markevery, targets)
    ax_rate.set_ylim(*rate_limits([frame], targets))

    # x axis: day boundaries as grid lines, day names at noon; weekly labels for long runs
    ax_rate.set_xlim(0, n_days * 24)
    ax_rate.xaxis.set_major_locator(mticker.MultipleLocator(24))
    ax_rate.xaxis.set_major_formatter(mticker.NullFormatter())
    label_every = 1 if n_days <= 14 else 7
    noon = [d * 24 + 12 for d in range(0, n_days, label_every)]
    labels = []
    for d in range(0, n_days, label_every):
        date = first.fromordinal(first.toordinal() + d)
        wd = days.get(date, cr.WEEKDAYS[date.weekday()])
        name = DAY_SHORT.get(wd, wd) if wd != "holiday" else f"Holiday ({DAY_SHORT[cr.WEEKDAYS[date.weekday()]]})"
        labels.append(f"{name}\n{date.isoformat()}")
    ax_rate.xaxis.set_minor_locator(mticker.FixedLocator(noon))
    ax_rate.xaxis.set_minor_formatter(mticker.FixedFormatter(labels))
    ax_rate.tick_params(axis="x", which="minor", length=0, labelsize=9)
    ax_rate.tick_params(axis="x", which="major", length=6)
    ax.tick_params(axis="x", which="both", labelbottom=False)
    ax.grid(False, axis="x", which="minor")
    ax_rate.grid(False, axis="x", which="minor")
    if n_days <= SHORT_DAYS:
        # A short run: the hour of day every three hours, the date below; day boundaries as lines.
        ax_rate.xaxis.set_major_locator(mticker.MultipleLocator(3))
        ax_rate.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{int(round(v)) % 24:02d}:00"))
        ax_rate.tick_params(axis="x", which="major", labelsize=9)
        ax_rate.tick_params(axis="x", which="minor", pad=18)
        ax_rate.xaxis.remove_overlapping_locs = False  # the date's tick is at noon, an hour's too
        for a in (ax, ax_rate):
            a.grid(False, axis="x", which="major")
            for d in range(n_days + 1):
                a.axvline(d * 24, color="#9a9a9a", linewidth=0.8, zorder=0.5)
        ax_rate.set_xlabel("hour of day (one bar per simulated hour; the date below)")
    else:
        ax.grid(True, axis="x", which="major", color="#9a9a9a", linewidth=0.8)
        ax_rate.grid(True, axis="x", which="major", color="#9a9a9a", linewidth=0.8)
        ax_rate.set_xlabel(("date (one bar per simulated hour" if n_days <= DENSE_AFTER_DAYS
                            else "date (one step per simulated hour")
                           + ", 0-24 h within each day; weekends and holidays shaded)")

    handles, labels_ = legend_handles(ax, twin, ax_rate)
    fig.legend(handles, labels_, loc="upper center", bbox_to_anchor=(0.5, 0.935), ncol=3,
               frameon=False, handlelength=3.0)
    fig.suptitle(title or "Calls, agents on the phones and answer rate by hour", fontsize=14,
                 fontweight="bold", y=0.985)
    fig.text(0.5, 0.945, run_totals(frame, summary), ha="center", va="bottom", fontsize=10)
    return fig


def by_weekday(plt, frame, summary, title=None, targets=None):
    from matplotlib.ticker import MultipleLocator

    tables = by_day_type(frame)
    fig = plt.figure(figsize=WEEKDAY_SIZE, dpi=cr.DPI)
    outer = fig.add_gridspec(4, 2, hspace=0.32, wspace=0.22, left=0.05, right=0.95,
                             top=0.885, bottom=0.045)
    calls_top = nice_top(max(t["total_inflow"].max() for t, _ in tables.values()))
    agent_cols = [c for c in ("agents_on_phones", "agents_scheduled") if c in frame]
    agents_top = nice_top(max(t[agent_cols].max().max() for t, _ in tables.values()))
    rate_lo, rate_hi = rate_limits([t for t, _ in tables.values()], targets)
    hours = list(range(24))
    x = [h + 0.5 for h in hours]

    legend_from = None
    for i, day_type in enumerate(cr.DAY_TYPES):
        cell = outer[i // 2, i % 2].subgridspec(2, 1, height_ratios=[2.0, 1], hspace=0.12)
        ax = fig.add_subplot(cell[0])
        ax_rate = fig.add_subplot(cell[1], sharex=ax)
        ax.set_xlim(0, 24)
        ax_rate.xaxis.set_major_locator(MultipleLocator(3))
        ax_rate.xaxis.set_minor_locator(MultipleLocator(1))
        ax.tick_params(axis="x", labelbottom=False)
        if day_type not in tables:
            ax.set_title(f"{DAY_NAMES[day_type]}: no such day in this run", fontsize=11, loc="left",
                         color="#555555")
            ax.set_yticks([])
            ax_rate.set_yticks([])
            ax.grid(False)
            ax_rate.grid(False)
            ax_rate.set_xlabel("hour of day")
            continue
        table, n_dates = tables[day_type]
        draw_calls(ax, x, table, 0.9)
        twin = draw_agents(ax, x, table)
        ax.set_ylim(0, calls_top)
        twin.set_ylim(0, agents_top)
        draw_rates(ax_rate, x, table, 1, targets)
        ax_rate.set_ylim(rate_lo, rate_hi)
        ax_rate.set_xlabel("hour of day")
        ax.set_title(f"{DAY_NAMES[day_type]}  (mean of {n_dates} day{'s' if n_dates != 1 else ''})",
                     fontsize=11, loc="left", fontweight="bold")
        if legend_from is None:
            legend_from = (ax, twin, ax_rate)

    if legend_from:
        handles, labels = legend_handles(*legend_from)
        fig.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.948), ncol=3,
                   frameon=False, handlelength=3.0)
    fig.suptitle(title or "Calls, agents on the phones and answer rate by hour of day, per day type",
                 fontsize=14, fontweight="bold", y=0.993)
    fig.text(0.5, 0.955, run_totals(frame, summary)
             + "   (bars: mean calls per hour over the days of each type; rates weighted by calls)",
             ha="center", va="bottom", fontsize=10)
    return fig


def main(argv=None):
    args = parse_args(argv)
    folder = cr.results_folder(args.results_dir, (cr.SUMMARY, cr.HOURLY))
    summary = cr.read_summary(folder)
    frame = cr.read_hourly(folder)
    out = cr.output_folder(args.out if args.out else folder / "plots")

    targets = parse_targets(args.target)
    plt = cr.figure_tools()
    draw = by_weekday if args.by_weekday else timeline
    fig = draw(plt, frame, summary, title=args.title, targets=targets)
    cr.stamp(fig, summary)
    for path in cr.save(fig, out, "hourly"):
        print(f"wrote {path}")
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_cli(main))
