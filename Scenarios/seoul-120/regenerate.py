#!/usr/bin/env python3
"""Regenerate the Seoul 120 case study: run every variant, write its tables into README.md
and its figures into figures/.

Usage (from anywhere; paths are the repository's):
    Scenarios/seoul-120/regenerate.sh                  # everything (a few minutes)
    Scenarios/seoul-120/regenerate.sh --only strike,volume-2020
    Scenarios/seoul-120/regenerate.sh --tables-only    # rewrite the tables and figures from Results/ as they are
    Scenarios/seoul-120/regenerate.sh --check          # exit 1 if README.md's tables differ from Results/

The binary is $CALLSIM (default .build/release/callsim). Every variant writes its results to
Results/seoul-120/NAME/ (git-ignored); its tables go between
`<!-- BEGIN generated: TABLE -->` and `<!-- END generated: TABLE -->` in README.md (each
marker pair must be there once), and its figure to figures/NAME.png. Only the standard
library; the figures use plot-scripts/ (matplotlib), skipped with --no-figures.
"""

import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
S = "Scenarios/seoul-120/"

# ---------------------------------------------------------------------------------------
# The variants. kind: compare (callsim compare FILES), run (callsim run FILE), plan, sweep
# (callsim sweep FILE: the sweep file's own replications; its folder is written afresh).
# `metrics`: the overall metrics of the compare table, in order.

BASIC = ["total_inflow", "inflow", "answered", "abandoned", "answer_rate", "answer_rate_total",
         "service_level", "asa_seconds", "occupancy", "agents_on_phones"]

# The strike study's day (strike-day.yaml's `strike.days`), inside its measured week.
STRIKE_DAY = "2023-09-13"

VARIANTS = [
    {"name": "integration", "kind": "compare",
     "question": "What does integrating the field queues do, in its first week and once agents have learned?",
     "files": ["september-2023.yaml", "september-2023-integrated-week1.yaml", "september-2023-integrated-steady.yaml"],
     "metrics": BASIC[:4] + ["transferred"] + BASIC[4:],
     "figure_metrics": "answer_rate,service_level,asa_seconds,occupancy"},
    {"name": "rollout", "kind": "compare",
     "files": ["rollout-2024-split.yaml", "rollout-2024.yaml"], "args": ["--weekly"],
     "weekly": True, "figure": False},
    {"name": "people", "kind": "plans",
     "files": ["september-2023.yaml", "september-2023-integrated-steady.yaml",
               "september-2023-afternoon-13-22.yaml", "september-2023-remote-none.yaml"],
     # The solver stops at a 4 % gap, well inside its time limit: where it, not the clock, stops
     # the search, the plans are the same on every machine.
     "args": ["--set", "targets.judged=period", "--solver-gap", "0.04", "--solver-time-limit", "5m"]},
    {"name": "afternoon-lunch", "kind": "compare",
     "question": "What would the afternoon shift at 13-22 instead of 11-20 cost over lunch (11:00-13:00)?",
     "files": ["september-2023.yaml", "september-2023-afternoon-13-22.yaml"], "args": ["--hours", "11-13"],
     "metrics": BASIC, "figure_metrics": "answer_rate,service_level,asa_seconds,agents_on_phones"},
    {"name": "afternoon", "kind": "compare",
     "files": ["september-2023.yaml", "september-2023-afternoon-13-22.yaml"],
     "metrics": BASIC + ["paid_hours"], "figure": False},
    {"name": "placement", "kind": "plan", "file": "september-2023-reinforcement-none.yaml",
     "args": ["--set", "targets.judged=period", "--place", "15", "--place-length", "2h", "--place-batch", "5",
              "--place-days", "weekdays"]},
    {"name": "reinforcement", "kind": "compare",
     "question": "What does each way of reinforcing the weak hours buy, and at what cost in paid hours?",
     "files": ["september-2023.yaml", "september-2023-reinforcement-none.yaml",
               "september-2023-reinforcement-weekday.yaml", "@placement/placement.yaml"],
     "metrics": BASIC + ["paid_hours"],
     "figure_metrics": "answer_rate,service_level,abandoned,paid_hours"},
    {"name": "placement-vs-rule", "kind": "compare",
     "files": ["september-2023-reinforcement-weekday.yaml", "@placement/placement.yaml"],
     "metrics": BASIC, "figure": False},
    {"name": "remote", "kind": "compare",
     "question": "What do 196 or 215 remote agents cost in answer rate against none?",
     "files": ["september-2023.yaml", "september-2023-remote-215.yaml", "september-2023-remote-none.yaml"],
     "metrics": BASIC,
     "figure_metrics": "answer_rate,service_level,occupancy,agents_on_phones"},
    {"name": "cap", "kind": "compare",
     "question": "Does the forced 20-minute cap help the waiting callers, against no cap or a recommended one?",
     "files": ["september-2023.yaml", "september-2023-cap-none.yaml", "september-2023-cap-recommended.yaml"],
     "metrics": BASIC[:4] + ["redials", "capped", "call_backs"] + BASIC[4:],
     "figure_metrics": "answer_rate,service_level,occupancy,capped"},
    {"name": "abusive", "kind": "compare",
     "question": "What would serving the abusive callers without the dedicated team change?",
     "files": ["september-2023.yaml", "september-2023-abusive-shared.yaml"],
     "metrics": BASIC + ["abusive_answered", "recovery_hours"],
     "groups": {"consultants": ["answered", "occupancy", "abusive_answered", "recovery_hours"]},
     "figure_metrics": "answer_rate,service_level,abusive_answered,recovery_hours"},
    {"name": "strike", "kind": "compare",
     "question": "What does a strike day do to staffing, inflow and the answer rate?",
     "files": ["strike-none.yaml", "strike-day-70.yaml", "strike-day.yaml"], "args": ["--dates", STRIKE_DAY],
     "metrics": ["agents_scheduled", "agents_on_phones", "paid_hours"] + BASIC[:4] + ["redials"]
                + BASIC[4:9],
     "figure_metrics": "agents_scheduled,inflow,answer_rate,service_level"},
    {"name": "callback", "kind": "compare",
     "question": "Do call-backs offered in the queue help the callers of a strike day?",
     "files": ["strike-day.yaml", "strike-day-callback.yaml"], "args": ["--dates", STRIKE_DAY],
     "metrics": BASIC[:4] + ["redials", "abandon_rate"] + BASIC[4:8]
                + ["callbacks_offered", "callbacks_accepted", "callbacks_completed", "callbacks_lost",
                   "callback_delay_seconds", "callback_delay_within_target"],
     "figure_metrics": "answer_rate,abandoned,asa_seconds,callbacks_completed"},
    {"name": "strike-week", "kind": "compare",
     "files": ["strike-none.yaml", "strike-day-70.yaml", "strike-day.yaml"],
     "metrics": ["total_inflow", "inflow", "answered", "abandoned", "redials", "answer_rate", "service_level"],
     "figure": False},
    {"name": "strike-hourly", "kind": "run",
     "question": "When in the strike day are the callers lost?", "file": "strike-day.yaml", "table": False,
     # The strike day alone (its Tuesday as warm-up), so that the figure marks its hours.
     "args": ["--set", "simulation.start=2023-09-12", "--set", "simulation.days=2"],
     "hourly_figure": True},
    {"name": "chat-volume", "kind": "sweep",
     "question": "How many chats a day can the phone agents take before the phones miss 98 %?", "file": "chat-volume.yaml", "figure_metric": "phone.answer_rate"},
    {"name": "volume-2020", "kind": "compare",
     "question": "What answer rate would 2023's center reach with 2020's volume?",
     "files": ["month-2023.yaml", "volume-2020.yaml", "volume-2020-inflow.yaml"],
     "metrics": BASIC[:4] + ["redials", "blocked"] + BASIC[4:],
     "figure_metrics": "inflow,answer_rate,service_level,occupancy"},
    {"name": "year-2023", "kind": "run", "file": "year-2023.yaml"},
    {"name": "year-2024", "kind": "run", "file": "year-2024.yaml"},
    {"name": "year-2024-2023-ivr", "kind": "run", "file": "year-2024-2023-ivr.yaml", "table": False},
]

# The center's targets (parts/center.yaml's `targets`), drawn on the figures that show them.
TARGETS = {"answer_rate": 0.98, "service_level": 0.80}

# Published counts (SEED-FACTS "Phone volume by year").
PUBLISHED = {
    "year-2023": {"total_inflow": 5076209, "inflow": 3769979, "answered": 3693948, "answer_rate": 0.980},
    "year-2024": {"total_inflow": 3743127, "inflow": 2600748, "answered": 2557523, "answer_rate": 0.983},
}

LABELS = {
    "total_inflow": "total inflow (calls)", "inflow": "inflow to agents (calls)",
    "answered": "answered (calls)", "abandoned": "abandoned (calls)", "redials": "redials (calls)",
    "blocked": "blocked (calls)", "transferred": "transferred (calls)",
    "answer_rate": "answer rate", "answer_rate_total": "answer rate of total inflow",
    "service_level": "service level (20 s)", "abandon_rate": "abandon rate",
    "asa_seconds": "ASA (s)", "mean_wait_seconds": "mean wait (s)", "occupancy": "occupancy",
    "agents_on_phones": "agents on the phones (mean)", "agents_scheduled": "agents scheduled (mean)",
    "paid_hours": "paid hours", "capped": "capped calls", "call_backs": "call-backs (calls)",
    "abusive_answered": "abusive calls answered", "recovery_hours": "recovery (agent-hours)",
    "callbacks_offered": "call-backs offered (calls)", "callbacks_accepted": "call-backs accepted (calls)",
    "callbacks_completed": "call-backs completed (calls)", "callbacks_lost": "call-backs lost (calls)",
    "callback_delay_seconds": "call-back delay (s)", "callback_delay_within_target": "call-backs within 20 s",
}
SHARES = {"answer_rate", "answer_rate_total", "service_level", "abandon_rate", "occupancy",
          "blocked_share", "callback_delay_within_target"}


class Failure(Exception):
    pass


# ---------------------------------------------------------------------------------------
# Formatting

def _count(x):
    if x is None:
        return "—"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:,.1f}"


def value(metric, x):
    """A scenario's mean."""
    if x is None:
        return "—"
    if metric in SHARES:
        return f"{100 * x:.2f} %"
    if metric.endswith("_seconds"):
        return f"{x:.1f}"
    return _count(x)


def difference(metric, mean, ci):
    """A paired difference with its 95 % half-width."""
    if mean is None:
        return "—"
    ci = ci or 0.0
    if metric in SHARES:
        return f"{100 * mean:+.2f} pp ± {100 * ci:.2f}".replace("-", "−")
    if metric.endswith("_seconds"):
        return f"{mean:+.1f} ± {ci:.1f}".replace("-", "−")
    if abs(mean) >= 1000 or abs(ci) >= 1000:
        return f"{mean:+,.0f} ± {ci:,.0f}".replace("-", "−")
    return f"{mean:+,.1f} ± {ci:,.1f}".replace("-", "−")


def signed(x, digits):
    """`x` with its sign (a typographic minus) to `digits` decimals, never "−0.00"."""
    text = f"{x:+.{digits}f}"
    if float(text) == 0:
        text = f"{0:.{digits}f}"
    return text.replace("-", "−")


def short(name):
    return name.replace("seoul-120-", "")


def compare_table(data, metrics, groups=None):
    """Markdown: baseline mean, then each other scenario's mean with its paired difference."""
    scen = data["scenarios"]
    head = ["metric", f"`{short(data['baseline'])}` (baseline)"] + [f"`{short(s['scenario'])}`" for s in scen]
    rows = ["| " + " | ".join(head) + " |", "| " + " | ".join(["---"] * len(head)) + " |"]

    def row(label, metric, get):
        first = get(scen[0]).get(metric)
        if first is None:
            raise Failure(f"compare.json of {data['baseline']}: no metric {metric}")
        cells = [label, value(metric, first["base"])]
        for s in scen:
            d = get(s)[metric]
            mark = " *" if d.get("significant") else ""
            cells.append(f"{value(metric, d['other'])} ({difference(metric, d['mean'], d['ci95'])}{mark})")
        rows.append("| " + " | ".join(cells) + " |")

    for m in metrics:
        row(LABELS.get(m, m), m, lambda s: s["differences"])
    for group, gms in (groups or {}).items():
        for m in gms:
            row(f"group `{group}`: {LABELS.get(m, m)}", m, lambda s, g=group: s["agent_groups"][g]["differences"])
    hours = f", hours {data['hours']} of each day only" if data.get("hours") else ""
    hours += f", dates {data['dates']} only" if data.get("dates") else ""
    rows.append("")
    rows.append(f"{data['replications']} replications on common random numbers, seed {data['seed']}, "
                f"{data['simulated_days']} days with {data['warmup_seconds'] / 86400:g} warm-up day"
                f"{hours}. Each other column: its mean (its difference from the baseline ± the paired "
                f"95 % interval; * the interval excludes 0).")
    return "\n".join(rows)


WEEKLY = [("answer_rate", "answer rate"), ("service_level", "service level (20 s)"),
          ("asa_seconds", "ASA (s)"), ("abandoned", "abandoned (calls)")]


def _weekly_cell(metric, r):
    mark = " *" if r["significant"] == "true" else ""
    return f"{value(metric, float(r['other_mean']))} ({difference(metric, float(r['difference']), float(r['ci95']))}{mark})"


def _week_label(key):
    start, end, days = key
    return f"{start[5:]} – {end[5:]}" + (f" ({days} days)" if days != 7 else "")


def weekly_table(data):
    """Markdown: one row per week of a `compare --weekly` of two scenarios, the baseline's
    answer rate beside the other's values with their paired differences."""
    weeks = data["_weekly"]
    other = short(data["scenarios"][0]["scenario"])
    head = ["week", f"answer rate, `{short(data['baseline'])}`"] + [f"{label}, `{other}`" for _, label in WEEKLY]
    rows = ["| " + " | ".join(head) + " |", "| " + " | ".join(["---"] * len(head)) + " |"]
    for key, metrics in weeks.items():
        cells = [_week_label(key), value("answer_rate", float(metrics["answer_rate"]["base_mean"]))]
        cells += [_weekly_cell(m, metrics[m]) for m, _ in WEEKLY]
        rows.append("| " + " | ".join(cells) + " |")
    rows.append("")
    rows.append(f"{data['replications']} replications on common random numbers, seed {data['seed']}; weeks Monday to "
                f"Sunday (`compare --weekly`), calls counted in the week they arrive. Each `{other}` cell: its mean "
                f"(its difference from `{short(data['baseline'])}` ± the paired 95 % interval; * the interval excludes 0).")
    return "\n".join(rows)


# The day integrated consultation started (rollout-2024.yaml's timeline, a Monday).
ROLLOUT = "2024-09-02"


def rollout_weeks(data):
    """The rollout's weeks from integration's first on: [(week, answer-rate row)]."""
    rows = [(k, m["answer_rate"]) for k, m in data["_weekly"].items() if k[0] >= ROLLOUT]
    if len(rows) < 2 or rows[0][0][0] != ROLLOUT:
        raise Failure(f"the rollout comparison has no week starting {ROLLOUT} and one after it")
    return rows


def _gain_or_loss(row):
    """"a gain of …" or "a loss of …" or "no difference" for a weekly answer-rate row."""
    if row["significant"] != "true":
        return "no difference in the answer rate"
    word = "a gain" if float(row["difference"]) > 0 else "a loss"
    return f"{word} of {difference('answer_rate', float(row['difference']), float(row['ci95']))} in the answer rate"


def rollout_first_week(data):
    """Integration's first week against the split queues, its later weeks and the weeks
    before it, in two sentences: the rollout section and the 2024 section both print them, and
    the summary reads the same rows."""
    weeks = rollout_weeks(data)
    (key, first), later = weeks[0], [float(r["difference"]) for _, r in weeks[1:]]
    before = [float(m["answer_rate"]["difference"]) for k, m in data["_weekly"].items() if k[1] < ROLLOUT]
    d = float(first["difference"])
    verdict = ("integration pays from its first week" if first["significant"] == "true" and d > 0 else
               "integration costs answer rate in its first week" if first["significant"] == "true" else
               "the first week shows no difference")
    text = (f"In its first week ({_week_label(key)}) the integrated center answers "
            f"{value('answer_rate', float(first['other_mean']))} of the calls that reach the agents against "
            f"{value('answer_rate', float(first['base_mean']))} with the queues kept split "
            f"({difference('answer_rate', float(first['difference']), float(first['ci95']))}): {verdict}; the "
            f"later weeks differ by {signed(100 * min(later), 2)} to {signed(100 * max(later), 2)} points.")
    if before:
        text += (f" Before {ROLLOUT} the two differ by at most {100 * max(abs(x) for x in before):.2f} points "
                 f"(the same callers and agents).")
    return text


def _pp(d):
    """A paired share difference as "−21.18 points ± 1.87"."""
    return f"{signed(100 * d['mean'], 2)} points ± {100 * d['ci95']:.2f}"


def strike_answer(data):
    """The strike section's answer, every number from its comparison."""
    half, part = "seoul-120-strike-day", "seoul-120-strike-day-70"
    sched, rate = _d(data, half, "agents_scheduled"), _d(data, half, "answer_rate")
    answered, abandoned = _d(data, half, "answered"), _d(data, half, "abandoned")
    level, inflow = _d(data, half, "service_level"), _d(data, half, "total_inflow")
    rate70 = _d(data, part, "answer_rate")
    return (f"With half the agents at work ({sched['other']:.0f} scheduled on average over the day instead of "
            f"{sched['base']:.0f}) the strike day answers {100 * rate['other']:.2f} % of the calls that reach the agents "
            f"instead of {100 * rate['base']:.2f} % ({_pp(rate)}): {-answered['mean']:,.0f} fewer calls answered, "
            f"{abandoned['mean']:,.0f} more abandoned, and the service level falls from {100 * level['base']:.1f} % to "
            f"{100 * level['other']:.1f} %. The callers who abandon call again, so total inflow rises by "
            f"{inflow['mean']:,.0f} calls ({100 * inflow['mean'] / inflow['base']:.0f} %): a strike day's inflow counts are "
            f"inflated by its own repeat calls. With 30 % out the answer rate falls {_pp(rate70).lstrip('−')} to "
            f"{100 * rate70['other']:.2f} %.")


def strike_week_answer(day, week):
    """The week around the strike day: what the day costs the week, and the repeat calls that
    land on the other days."""
    half = "seoul-120-strike-day"
    rate, inflow_week, inflow_day = _d(week, half, "answer_rate"), _d(week, half, "total_inflow"), _d(day, half, "total_inflow")
    spill = inflow_week["mean"] - inflow_day["mean"]
    return (f"Over the week the strike day costs {_pp(rate).lstrip('−')} of answer rate "
            f"({100 * rate['base']:.2f} % → {100 * rate['other']:.2f} %). Its repeat calls land on the day itself: "
            f"{_signed_count(spill)} calls on the other days of the week, against {_signed_count(inflow_day['mean'])} on the day.")


def callback_answer(data):
    """The call-back section's answer, every number from its comparison."""
    cb = "seoul-120-strike-day-callback"
    accepted, completed = _d(data, cb, "callbacks_accepted"), _d(data, cb, "callbacks_completed")
    delay, within = _d(data, cb, "callback_delay_seconds"), _d(data, cb, "callback_delay_within_target")
    abandoned, rate, asa = _d(data, cb, "abandoned"), _d(data, cb, "answer_rate"), _d(data, cb, "asa_seconds")
    return (f"On a day short of half its agents, {accepted['other']:,.0f} callers accept a call-back and "
            f"{completed['other']:,.0f} are called back ({delay['other']:.1f} s after hanging up on average, "
            f"{100 * within['other']:.0f} % within 20 s); abandonment moves by "
            f"{difference('abandoned', abandoned['mean'], abandoned['ci95'])} calls on {abandoned['base']:,.0f} and the "
            f"answer rate by {_pp(rate)}, while the answered calls' mean wait (ASA, counted to the call-back) rises "
            f"{asa['mean']:.1f} s.")


def chat_answer(data):
    """The chat section's numbers, from the sweep's points."""
    pts = [(float(r[CHAT_PARAMETER]), float(r["phone.answer_rate_mean"]), r) for r in data["points"]]
    (x0, none, _), (x1, first, _), (x2, second, _) = pts[0], pts[1], pts[2]
    last_x, last_rate, last = pts[-1]
    x = chat_absorbed(data["points"])
    reach = (f"at about {x:,.0f} chats a day the phones reach 98 %" if x is not None
             else "the phones stay above 98 % at every point")
    return (f"Without chats this December center answers {100 * none:.2f} % of its calls. The first {x1 - x0:,.0f} "
            f"chats a day cost the phones {100 * (none - first):.2f} points of answer rate, the next {x2 - x1:,.0f} "
            f"{100 * (first - second):.2f}; {reach}, and at {last_x:,.0f} they fall to {100 * last_rate:.1f} % while the "
            f"chats are still answered {100 * float(last['chat.answer_rate_mean']):.1f} % of the time.")


def volume_answer(data):
    """The 2020-volume section's numbers, from its comparison."""
    total, inflow = "seoul-120-volume-2020", "seoul-120-volume-2020-inflow"
    t, i = _answer_rate(data, total), _answer_rate(data, inflow)
    occ, level = _d(data, total, "occupancy"), _d(data, total, "service_level")
    redials, blocked = _d(data, total, "redials"), _d(data, total, "blocked")
    blocked_i = _d(data, inflow, "blocked")
    load = _d(data, inflow, "inflow")
    return (f"With 2020's total inflow through 2023's IVR it would answer {100 * t['other']:.2f} % of the calls reaching "
            f"the agents ({_pp(t)} against {100 * t['base']:.2f} % at 2023's volume), with the agents "
            f"{100 * occ['other']:.0f} % occupied, the service level at {100 * level['other']:.0f} % and "
            f"{redials['other']:,.0f} redials a month. With 2020's inflow to agents instead "
            f"({load['other'] / load['base']:.2f} × 2023's) it would answer {100 * i['other']:.2f} % ({_pp(i)}); the "
            f"400 trunks block {blocked['other']:,.0f} and {blocked_i['other']:,.0f} calls in the two runs.")


def _inflow_per_day(summary):
    """A run's mean inflow to agents per measured day."""
    days = summary["simulated_days"] - summary["warmup_seconds"] / 86400
    return summary["metrics"]["inflow"]["mean"] / days


def year_2024_answer(res):
    """The 2024 section's predictions, from the year runs."""
    m, m23 = res["year-2024"]["metrics"], res["year-2023"]["metrics"]
    pub, pub23 = PUBLISHED["year-2024"], PUBLISHED["year-2023"]
    ratio = lambda a, b: 100 * (a / b - 1)
    per_day = ratio(_inflow_per_day(res["year-2024"]), _inflow_per_day(res["year-2023"]))
    return (f"answered is {signed(ratio(m['answered']['mean'], pub['answered']), 2)} % from the published count and the "
            f"answer rate {signed(100 * (m['answer_rate']['mean'] - pub['answer_rate']), 2)} points. The model's 2024 "
            f"answer rate is {signed(100 * (m['answer_rate']['mean'] - m23['answer_rate']['mean']), 2)} points from its "
            f"2023 one, with an inflow to agents a day {signed(per_day, 1)} % from 2023's for the same teams; the published "
            f"rate moved {signed(100 * (pub['answer_rate'] - pub23['answer_rate']), 1)} points.")


def year_table(name, summary, published, other=None):
    m = summary["metrics"]
    reps = summary["replications"]
    head = ["", "published", f"simulated (mean ± 95 % CI, {reps} replications)", "difference"]
    if other is not None:
        head.append("same, 2023 IVR (no visible ARS)")
    rows = ["| " + " | ".join(head) + " |", "| " + " | ".join(["---"] * len(head)) + " |"]
    for key, label in [("total_inflow", "total inflow"), ("inflow", "inflow to agents"),
                       ("answered", "answered"), ("answer_rate", "answer rate (answered / inflow)"),
                       ("answer_rate_total", "answer rate of total inflow")]:
        sim = m[key]
        if key in ("answer_rate", "answer_rate_total"):
            if key == "answer_rate":
                pub = published["answer_rate"]
                pub_text = f"{100 * pub:.1f} %"
            else:
                pub = published["answered"] / published["total_inflow"]
                pub_text = f"{100 * pub:.1f} %"
            sim_text = f"{100 * sim['mean']:.2f} % ± {100 * sim['ci95']:.2f}"
            diff = f"{signed(100 * (sim['mean'] - pub), 2)} points"
            oth = None if other is None else other["metrics"][key]
            oth_text = None if oth is None else f"{100 * oth['mean']:.2f} % ± {100 * oth['ci95']:.2f}"
        else:
            pub = published[key]
            pub_text = f"{pub:,}"
            sim_text = f"{sim['mean']:,.0f} ± {sim['ci95']:,.0f}"
            diff = f"{signed(100 * (sim['mean'] / pub - 1), 2)} %"
            oth = None if other is None else other["metrics"][key]
            oth_text = None if oth is None else (
                f"{oth['mean']:,.0f} ± {oth['ci95']:,.0f} ({signed(100 * (oth['mean'] / pub - 1), 2)} %)")
        cells = [label, pub_text, sim_text, diff] + ([oth_text] if other is not None else [])
        rows.append("| " + " | ".join(cells) + " |")
    rows.append("")
    rows.append(f"`{summary['scenario']}`: {reps} replications × {summary['simulated_days']} days "
                f"(warm-up {summary['warmup_seconds'] / 3600:g} h), seed {summary['seed']}.")
    return "\n".join(rows)


def monthly_table(folder):
    """Inflow, answered and answer rate by month from a run's hourly.csv (means over replications)."""
    import csv
    path = folder / "hourly.csv"
    try:
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    except FileNotFoundError:
        raise Failure(f"{path} is missing: run the variant first (without --tables-only)")
    months = {}
    for r in rows:
        m = months.setdefault(r["date"][:7], [0.0, 0.0])
        m[0] += float(r["inflow"] or 0)
        m[1] += float(r["answered"] or 0)
    out = ["| month | inflow to agents | answered | answer rate |", "| --- | --- | --- | --- |"]
    for k in sorted(months):
        inflow, answered = months[k]
        rate = f"{100 * answered / inflow:.2f} %" if inflow else "—"
        out.append(f"| {k} | {inflow:,.0f} | {answered:,.0f} | {rate} |")
    out.append("")
    out.append("Means over the replications from `hourly.csv` (calls counted in the month they arrive); "
               "monthly intervals are not computed.")
    return "\n".join(out)


CHAT_COLUMNS = [("phone.answer_rate", "phone answer rate"), ("phone.service_level", "phone service level (20 s)"),
                ("phone.asa_seconds", "phone ASA (s)"), ("chat.answer_rate", "chat answer rate"),
                ("chat.service_level", "chat service level (20 s)"), ("chat.asa_seconds", "chat ASA (s)"),
                ("occupancy", "occupancy")]
CHAT_PARAMETER = "call_types.chat.arrivals.per_day"


def _point_value(row, metric):
    """`mean ± ci95` of a points.csv row, as a share or seconds (— where undefined)."""
    mean, ci = row.get(f"{metric}_mean", ""), row.get(f"{metric}_ci95", "")
    if mean == "":
        return "—"
    m, c = float(mean), float(ci) if ci else None
    base = metric.split(".")[-1]
    if base in SHARES:
        return f"{100 * m:.2f} %" + (f" ± {100 * c:.2f}" if c is not None else "")
    return f"{m:.1f}" + (f" ± {c:.1f}" if c is not None else "")


def chat_absorbed(points, limit=0.98):
    """The chats a day at which the phones' answer rate reaches `limit`, by linear
    interpolation between the two points around it; None when no point falls below it."""
    xs = [(float(r[CHAT_PARAMETER]), float(r["phone.answer_rate_mean"])) for r in points]
    for (x0, y0), (x1, y1) in zip(xs, xs[1:]):
        if y0 >= limit > y1:
            return x0 + (y0 - limit) * (x1 - x0) / (y0 - y1)
    return None


def chat_volume_table(data):
    rows = ["| chats a day | " + " | ".join(label for _, label in CHAT_COLUMNS) + " |",
            "| --- |" + " --- |" * len(CHAT_COLUMNS)]
    for r in data["points"]:
        rows.append(f"| {int(float(r[CHAT_PARAMETER])):,} | " + " | ".join(_point_value(r, m) for m, _ in CHAT_COLUMNS) + " |")
    ident = data["identity"]
    rows.append("")
    rows.append(f"{ident['replications']} replications per point on common random numbers (the same phone callers at every "
                f"point), seed {ident['seed']}; mean ± 95 % half-width.")
    x = chat_absorbed(data["points"])
    if x is not None:
        rows.append(f"The phones' answer rate reaches 98 % at about {x:,.0f} chats a day (linear between the points around it).")
    return "\n".join(rows)


# Each study's baseline: (variant, its baseline's description, the published year it is set against).
BASELINES = [
    ("integration", "September 2023 (4 Sep – 1 Oct), split queues: the integration, afternoon-shift, "
     "reinforcement, remote-work, cap and abusive-caller studies and the plans in people", "year-2023"),
    ("strike-week", "the week of 11–17 September 2023 around the strike day, the strike study", "year-2023"),
    ("volume-2020", "November 2023, the 2020-volume study", "year-2023"),
    ("rollout", "August – October 2024 with the queues kept split, the rollout", "year-2024"),
]


def baselines_table(res):
    """Markdown: each study's baseline answer rate beside the published one of its year."""
    rows = ["| baseline | answer rate | published (year) | difference |", "| --- | --- | --- | --- |"]
    for name, label, year in BASELINES:
        if name not in res:
            continue
        base = _base_rate(res[name])
        pub = PUBLISHED[year]["answer_rate"]
        rows.append(f"| {label} | {100 * base:.2f} % | {100 * pub:.1f} % ({year[5:]}) | {signed(100 * (base - pub), 2)} points |")
    if "chat-volume" in res:
        base = float(res["chat-volume"]["points"][0]["phone.answer_rate_mean"])
        pub = PUBLISHED["year-2024"]["answer_rate"]
        rows.append(f"| December 2024 without chats (integrated consultation, learned), the chat study | {100 * base:.2f} % | {100 * pub:.1f} % (2024) | "
                    f"{signed(100 * (base - pub), 2)} points |")
    rows.append("")
    rows.append("Every study runs on the calibrated year model (`year-2023.yaml`, or `year-2024.yaml` for 2024), only "
                "its horizon cut; the published rates are the year's (2024: January – September). A single day or "
                "month answers above or below its year's mean by its own volume and calendar.")
    return "\n".join(rows)


# The planner's placement of the weekday workers, as `compare` names its placement.yaml.
PLACED = "seoul-120-september-2023-reinforcement-none-placement"

# The questions answered in people (the `people` plans): plan folder, design, and the comparison
# and scenario giving its answer rate with 2023's people.
PEOPLE = [
    ("september-2023", "2023's center (split queues, afternoon 11–20, 196 remote)", None, None),
    ("september-2023-integrated-steady", "integrated consultation, once learned", "integration",
     "seoul-120-september-2023-integrated-steady"),
    ("september-2023-afternoon-13-22", "afternoon shift at 13–22", "afternoon", "seoul-120-september-2023-afternoon-13-22"),
    ("september-2023-remote-none", "no remote work", "remote", "seoul-120-september-2023-remote-none"),
]


def _signed_count(x):
    """A signed whole number with thousands separators and a typographic minus ("0" for none)."""
    return "0" if round(x) == 0 else f"{x:+,.0f}".replace("-", "−")


def _people_change(plans, stem):
    base, p = plans["september-2023"], plans[stem]
    return p["paid_hours"] - base["paid_hours"], p["fte"] - base["fte"], p["paid_hours"] / base["paid_hours"] - 1


def people_table(res):
    """Markdown: each design's answer rate with 2023's people beside the paid hours and FTE the
    planner needs for the targets, against 2023's center planned the same way."""
    plans = res["people"]
    rows = ["| design | answer rate with 2023's people | paid hours to meet the targets | FTE | against 2023's center | "
            "the plan's answer rate |", "| --- | --- | --- | --- | --- | --- |"]
    for stem, label, variant, scenario in PEOPLE:
        p = plans[stem]
        if variant is None:
            rate = f"{value('answer_rate', _base_rate(res['integration']))} (baseline)" if "integration" in res else "baseline"
            change = "—"
        else:
            rate = "—"
            if variant in res:
                d = _answer_rate(res[variant], scenario)
                rate = f"{value('answer_rate', d['other'])} ({difference('answer_rate', d['mean'], d['ci95'])})"
            hours, fte, share = _people_change(plans, stem)
            change = f"{_signed_count(hours)} h, {signed(fte, 1)} FTE ({signed(100 * share, 1)} %)"
        check = p["check"]["answer_rate"]
        rows.append(f"| {label} | {rate} | {p['paid_hours']:,.0f} | {p['fte']:.1f} | {change} | "
                    f"{100 * check['mean']:.2f} % ± {100 * check['ci95']:.2f}{'' if p['met'] else ' (not met)'} |")
    base = plans["september-2023"]
    gap = max(g["solver"]["gap"] for p in plans.values() for g in p["groups"])
    t = base["targets"]
    wanted = ([f"answer rate {100 * t['answer_rate']:.0f} %"] if "answer_rate" in t else []) + (
        [f"{100 * t['service_level']['share']:.0f} % within {t['service_level']['within_seconds']:.0f} s"]
        if "service_level" in t else []) + (
        [f"occupancy at most {100 * t['max_occupancy']:.0f} %"] if "max_occupancy" in t else [])
    rows.append("")
    rows.append(f"`callsim plan` on each file with `targets.judged: period` (the month's totals must meet "
                f"{', '.join(wanted)}), "
                f"{base['replications']} replications, seed {base['seed']}: the shifts and teams are the file's, the number "
                f"of agents starting each shift on each date the planner's. FTE at {base['hours_per_fte']} paid hours a week. "
                + (f"2023's own roster is {base['base_paid_hours']:,.0f} paid hours on these dates. "
                   if base.get("base_paid_hours") is not None else "")
                + f"The plans aim at the targets for every field's calls. The solver stops within "
                f"{100 * gap:.1f} % of its optimum (per team), so differences of a few percent are not differences.")
    return "\n".join(rows)


def placement_table(plan):
    p = plan.get("placement")
    if not p:
        raise Failure("plan.json has no placement (was --place given?)")
    rows = ["| round | workers | window chosen | answer rate after the round |", "| --- | --- | --- | --- |"]
    starts = [w["start"] for w in p["windows"]]
    for i, r in enumerate(p["rounds"], 1):
        rows.append(f"| {i} | {r['workers']} | {starts[r['chosen_window']]} | "
                    f"{100 * r['answer_rates'][r['chosen_window']]:.2f} % |")
    placed = ", ".join(f"{w['workers']} from {w['start']}" for w in p["windows"] if w["workers"])
    rows.append("")
    rows.append(f"Placed: {placed}. Answer rate on the scenario's own seed and replications "
                f"{100 * p['base_answer_rate']:.2f} % → {100 * p['answer_rate']:.2f} % "
                f"(means only; the interval is in the `reinforcement` table, column "
                f"`{short(PLACED)}`).")
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------
# The manager summary: one line a question, numbers from the results.

def _base_rate(data):
    """A comparison's baseline answer rate."""
    return data["scenarios"][0]["differences"]["answer_rate"]["base"]


def _d(data, scenario, metric):
    for s in data["scenarios"]:
        if s["scenario"] == scenario:
            return s["differences"][metric]
    raise Failure(f"no scenario {scenario} in the comparison of {data['baseline']}")


def _change(data, scenario, metric="answer_rate"):
    """The paired difference of one scenario against the comparison's baseline, as text."""
    d = _d(data, scenario, metric)
    return difference(metric, d["mean"], d["ci95"])


def _rate_line(data, scenario, metric="answer_rate"):
    d = _d(data, scenario, metric)
    return (f"{100 * d['base']:.2f} % → {100 * d['other']:.2f} % "
            f"({difference(metric, d['mean'], d['ci95'])})")


def summary_table(res):
    rows = ["| question | answer (mean ± 95 % interval; differences paired) | details |", "| --- | --- | --- |"]

    def add(q, a, link):
        rows.append(f"| {q} | {a} | [section](#{link}) |")

    if "year-2023" in res:
        m = res["year-2023"]["metrics"]
        add("Does the model reproduce 2023?",
            f"answer rate {100 * m['answer_rate']['mean']:.2f} % ± {100 * m['answer_rate']['ci95']:.2f} "
            f"(published 98.0 %); answered {signed(100 * (m['answered']['mean'] / 3693948 - 1), 2)} % from the published count",
            "2023-calibration")
    if "year-2024" in res:
        m = res["year-2024"]["metrics"]
        add("Does it predict January–September 2024 (out of sample)?",
            f"answer rate {100 * m['answer_rate']['mean']:.2f} % ± {100 * m['answer_rate']['ci95']:.2f} "
            f"(published 98.3 %); answered {signed(100 * (m['answered']['mean'] / 2557523 - 1), 2)} % from the published count",
            "januaryseptember-2024-out-of-sample")
    if "integration" in res:
        d = res["integration"]
        add("Split field queues or integrated consultation?",
            f"September 2023's center: answer rate {_rate_line(d, 'seoul-120-september-2023-integrated-steady')} "
            f"once learned; {_change(d, 'seoul-120-september-2023-integrated-week1')} if every week were the first",
            "split-or-integrated-consultation")
    if "rollout" in res:
        (key, first), *_ = rollout_weeks(res["rollout"])
        add("What did the 2024 rollout cost in its first weeks?",
            f"its first week ({_week_label(key)}) against split queues: {_gain_or_loss(first)}",
            "the-rollout-week-by-week")
    if "people" in res:
        plans = res["people"]

        def change(stem):
            hours, fte, share = _people_change(plans, stem)
            return f"{_signed_count(hours)} paid hours ({signed(fte, 1)} FTE, {signed(100 * share, 1)} %)"
        add("What does each answer cost in people?",
            f"to meet the targets over September 2023 the planner needs {plans['september-2023']['paid_hours']:,.0f} paid "
            f"hours for 2023's center; integrated once learned {change('september-2023-integrated-steady')}, "
            f"afternoon at 13–22 {change('september-2023-afternoon-13-22')}, no remote work "
            f"{change('september-2023-remote-none')}",
            "answers-in-people")
    if "afternoon-lunch" in res:
        d = res["afternoon-lunch"]
        day = res.get("afternoon")
        extra = ""
        if day:
            extra = f"; whole day {_change(day, 'seoul-120-september-2023-afternoon-13-22')}"
        add("Afternoon shift 13–22 or 11–20?",
            f"13–22 instead of 2023's 11–20: lunch-hour (11–13) answer rate "
            f"{_rate_line(d, 'seoul-120-september-2023-afternoon-13-22')}{extra}",
            "the-afternoon-shift-1322-or-1120")
    if "reinforcement" in res:
        d = res["reinforcement"]
        add("Weak-slot reinforcement: on or off, and where?",
            f"without 2023's 45 workers {_change(d, 'seoul-120-september-2023-reinforcement-none')}; keeping 15 weekday "
            f"workers: at 17–19 (the hand rule) {_change(d, 'seoul-120-september-2023-reinforcement-weekday')}, placed by "
            f"the planner {_change(d, PLACED)} (answer rate, against 2023's center)",
            "weak-slot-reinforcement-on-or-off-and-the-planners-placement")
    if "remote" in res:
        d = res["remote"]
        add("196 or 215 remote agents?",
            f"215: answer rate {_change(d, 'seoul-120-september-2023-remote-215')}; "
            f"no remote work: {_change(d, 'seoul-120-september-2023-remote-none')} (against 2023's 196)",
            "remote-work-196-or-215-remote-agents")
    if "cap" in res:
        d = res["cap"]
        c = _d(d, "seoul-120-september-2023-cap-none", "capped")
        add("No cap, recommended 20 min or forced cap?",
            f"no cap: answer rate {_change(d, 'seoul-120-september-2023-cap-none')}; recommended: "
            f"{_change(d, 'seoul-120-september-2023-cap-recommended')} (against 2023's forced cap, "
            f"which cut {c['base']:,.0f} calls in the month)",
            "call-time-caps-none-recommended-20-minutes-forced")
    if "abusive" in res:
        d = res["abusive"]
        g = _abusive_group(d)
        add("A dedicated team for abusive callers?",
            f"without it (same head count): answer rate {_change(d, 'seoul-120-september-2023-abusive-shared')}; "
            f"the general-administration agents would answer {g['abusive_answered']['other']:,.0f} abusive calls "
            f"a month and spend {g['recovery_hours']['other']:.0f} agent-hours in recovery",
            "abusive-callers-dedicated-team-or-none")
    if "strike" in res:
        d = res["strike"]
        h = _d(d, "seoul-120-strike-day", "answer_rate")
        s = _d(d, "seoul-120-strike-day-70", "answer_rate")
        add("What does a strike day do?",
            f"half the agents out: answer rate {100 * h['base']:.2f} % → {100 * h['other']:.2f} % "
            f"({difference('answer_rate', h['mean'], h['ci95'])}); 30 % out: {100 * s['other']:.2f} % "
            f"({difference('answer_rate', s['mean'], s['ci95'])})",
            "a-strike-day")
    if "callback" in res:
        d = res["callback"]
        a = _d(d, "seoul-120-strike-day-callback", "abandoned")
        add("Call-backs offered on the strike day?",
            f"abandoned {a['base']:,.0f} → {a['other']:,.0f} ({difference('abandoned', a['mean'], a['ci95'])}); "
            f"answer rate {_change(d, 'seoul-120-strike-day-callback')}; "
            f"ASA {_change(d, 'seoul-120-strike-day-callback', 'asa_seconds')} s",
            "call-backs-offered-on-the-strike-day")
    if "chat-volume" in res:
        points = res["chat-volume"]["points"]
        x = chat_absorbed(points)
        none = points[0]
        add("How many chats a day can the phone agents absorb?",
            (f"the phones stay at 98 % up to about {x:,.0f} chats a day" if x is not None else "the phones never fall below 98 %")
            + f" (answer rate {100 * float(none['phone.answer_rate_mean']):.2f} % without chats)",
            "real-time-chat-on-the-phone-agents")
    if "volume-2020" in res:
        d = res["volume-2020"]
        t = _d(d, "seoul-120-volume-2020", "answer_rate")
        i = _d(d, "seoul-120-volume-2020-inflow", "answer_rate")
        add("2020's volume at 2023's staffing?",
            f"2020's total inflow: answer rate {100 * t['other']:.2f} % ({difference('answer_rate', t['mean'], t['ci95'])}); "
            f"2020's inflow to agents: {100 * i['other']:.2f} % ({difference('answer_rate', i['mean'], i['ci95'])}) "
            f"(against {100 * t['base']:.2f} % at 2023's volume)",
            "2020s-volume-at-2023s-staffing")
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------
# Running

def callsim():
    b = os.environ.get("CALLSIM", str(ROOT / ".build/release/callsim"))
    if not (os.path.isfile(b) and os.access(b, os.X_OK)):
        raise Failure(f"no callsim binary at {b} (build with `swift build -c release`, or set CALLSIM)")
    return b


def _rel(path):
    """A path relative to the repository when it is inside it (the commands the README shows)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def resolve(f, results):
    return _rel(results / f[1:]) if f.startswith("@") else S + f


def command(v, results, replications):
    out = _rel(results / v["name"])
    reps = ["--replications", str(replications)] if replications else []
    if v["kind"] == "compare":
        return ["compare"] + [resolve(f, results) for f in v["files"]] + v.get("args", []) + ["--out", out] + reps
    if v["kind"] == "run":
        return ["run", S + v["file"]] + v.get("args", []) + ["--out", out] + reps
    if v["kind"] == "plan":
        return ["plan", S + v["file"]] + v.get("args", []) + ["--out", out] + reps
    if v["kind"] == "sweep":
        return ["sweep", S + v["file"], "--out", out]
    raise Failure(f"unknown kind {v['kind']}")


def plans_commands(v, results, replications):
    """`plans`: one `callsim plan` a file, each into NAME/STEM/."""
    reps = ["--replications", str(replications)] if replications else []
    return [["plan", S + f] + v.get("args", []) + ["--out", _rel(results / v["name"] / Path(f).stem)] + reps
            for f in v["files"]]


def run_variant(v, results, replications):
    if v["kind"] == "sweep":
        # A sweep resumes into its folder: start afresh so that every point runs with this binary.
        shutil.rmtree(results / v["name"], ignore_errors=True)
    runs = plans_commands(v, results, replications) if v["kind"] == "plans" else [command(v, results, replications)]
    for args in runs:
        print(f"== {v['name']}: callsim {' '.join(args)}", flush=True)
        t = time.monotonic()
        p = subprocess.run([callsim()] + args + ["--quiet"], cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0:
            raise Failure(f"{v['name']}: callsim exited {p.returncode}: {p.stderr.strip()}")
        print(f"   {time.monotonic() - t:.1f} s", flush=True)


def plot(v, results, figures):
    """Draws the variant's figure into figures/NAME.png: titled with its question, with the
    center's targets (parts/center.yaml) where the figure shows the metric."""
    out = results / v["name"]
    tmp = out / "plots"
    if v["kind"] == "compare" and v.get("figure", True):
        cmd = [sys.executable, "plot-scripts/compare.py", str(out), "--out", str(tmp)]
        if v.get("figure_metrics"):
            cmd += ["--metrics", v["figure_metrics"]]
        cmd += [f"--target={m}={t}" for m, t in TARGETS.items()]
        src = tmp / "compare.png"
    elif v["kind"] == "sweep":
        cmd = [sys.executable, "plot-scripts/sweep.py", str(out), "--metric", v["figure_metric"], "--out", str(tmp)]
        target = TARGETS.get(v["figure_metric"].split(".")[-1])
        if target is not None:
            cmd += ["--target", str(target)]
        src = tmp / f"sweep-{v['figure_metric']}.png"
    elif v.get("hourly_figure"):
        cmd = [sys.executable, "plot-scripts/hourly.py", str(out), "--out", str(tmp)]
        cmd += [f"--target={m}={t}" for m, t in TARGETS.items()]
        src = tmp / "hourly.png"
    else:
        return
    cmd += ["--title", v["question"]]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        raise Failure(f"{v['name']}: {' '.join(cmd[1:3])} failed: {p.stderr.strip()}")
    figures.mkdir(exist_ok=True)
    shutil.copyfile(src, figures / f"{v['name']}.png")


# ---------------------------------------------------------------------------------------
# Tables from the results, and README markers

def load(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Failure(f"{path} is missing: run the variant first (without --tables-only)")


def load_weekly(path):
    """weekly.csv's overall rows: {(from, to, days): {metric: row}} in week order."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if r["scope"] == "overall"]
    except FileNotFoundError:
        raise Failure(f"{path} is missing: run the variant first (without --tables-only)")
    weeks = {}
    for r in rows:
        weeks.setdefault((r["from"], r["to"], int(r["days"])), {})[r["metric"]] = r
    return weeks


def collect(names, results):
    res = {}
    for v in VARIANTS:
        if v["name"] not in names:
            continue
        folder = results / v["name"]
        if v["kind"] == "compare":
            res[v["name"]] = load(folder / "compare.json")
            if v.get("weekly"):
                res[v["name"]]["_weekly"] = load_weekly(folder / "weekly.csv")
        elif v["kind"] == "run":
            res[v["name"]] = load(folder / "summary.json")
            res[v["name"]]["_folder"] = str(folder)
        elif v["kind"] == "plan":
            res[v["name"]] = load(folder / "plan.json")
        elif v["kind"] == "plans":
            res[v["name"]] = {Path(f).stem: load(folder / Path(f).stem / "plan.json") for f in v["files"]}
        elif v["kind"] == "sweep":
            try:
                with open(folder / "points.csv", newline="", encoding="utf-8") as f:
                    res[v["name"]] = {"points": list(csv.DictReader(f)), "identity": load(folder / "sweep.json")}
            except FileNotFoundError:
                raise Failure(f"{folder / 'points.csv'} is missing: run the variant first (without --tables-only)")
    return res


def _answer_rate(data, scenario):
    return _d(data, scenario, "answer_rate")


def _gain(d):
    return d["significant"] and d["mean"] > 0


def _loss(d):
    return d["significant"] and d["mean"] < 0


def _baseline_within(published):
    """A claim: a comparison's baseline answers within 0.5 points of `published`."""
    return lambda d: abs(_base_rate(d) - published) <= 0.005


# What README.md's prose says in words, checked against the results: a regeneration (or
# --check) whose numbers contradict a claim fails naming it, so the prose gets rewritten
# rather than left contradicting its tables. (variant, claim, test of its results)
CLAIMS = [
    ("strike-week", "the strike study's week answers within 0.5 points of the published 98.0 % (Summary)",
     _baseline_within(0.980)),
    ("volume-2020", "the November 2023 baseline answers within 0.5 points of the published 98.0 % (Summary)",
     _baseline_within(0.980)),
    ("integration", "the September 2023 split baseline answers within 0.5 points of the published 98.0 % "
     "(Split or integrated consultation?)",
     _baseline_within(0.980)),
    ("integration", "integration gains answer rate on the calibrated center even at the first week's slow-down, "
     "and more once learned (In short; Split or integrated consultation?)",
     lambda d: _gain(_answer_rate(d, "seoul-120-september-2023-integrated-week1"))
     and _answer_rate(d, "seoul-120-september-2023-integrated-steady")["mean"]
     > _answer_rate(d, "seoul-120-september-2023-integrated-week1")["mean"]),
    ("remote", "215 remote agents cost a little answer rate against 196, and the whole remote arrangement "
     "several times more (Remote work)",
     lambda d: _answer_rate(d, "seoul-120-september-2023-remote-215")["mean"] < 0
     and _gain(_answer_rate(d, "seoul-120-september-2023-remote-none"))
     and _answer_rate(d, "seoul-120-september-2023-remote-none")["mean"]
     > 3 * -_answer_rate(d, "seoul-120-september-2023-remote-215")["mean"]),
    ("cap", "at 2023's staffing no cap and a recommended cap change the answer rate by less than a tenth of a "
     "point against the forced cap (In short; Call time caps)",
     lambda d: all(abs(_answer_rate(d, f"seoul-120-september-2023-cap-{x}")["mean"]) < 0.001
                   for x in ("none", "recommended"))),
    ("afternoon-lunch", "the afternoon shift at 13-22 loses about a tenth of the lunch-hour calls "
     "(In short; The afternoon shift)",
     lambda d: _loss(_answer_rate(d, "seoul-120-september-2023-afternoon-13-22"))
     and 0.07 < -_answer_rate(d, "seoul-120-september-2023-afternoon-13-22")["mean"] < 0.13),
    ("afternoon", "over the whole day 13-22 loses answer rate too, for the same paid hours (The afternoon shift)",
     lambda d: _loss(_answer_rate(d, "seoul-120-september-2023-afternoon-13-22"))
     and _d(d, "seoul-120-september-2023-afternoon-13-22", "paid_hours")["mean"] == 0),
    ("abusive", "without the dedicated team the general agents would answer hundreds of abusive calls a month and "
     "spend about a hundred agent-hours in recovery, more abusive calls would be answered, and the answer rate "
     "would move by about a tenth of a point (In short; Abusive callers)",
     lambda d: 100 <= _abusive_group(d)["abusive_answered"]["other"] < 1000
     and 50 <= _abusive_group(d)["recovery_hours"]["other"] < 200
     and _gain(_d(d, "seoul-120-september-2023-abusive-shared", "abusive_answered"))
     and 0.0005 <= abs(_answer_rate(d, "seoul-120-september-2023-abusive-shared")["mean"]) < 0.002),
    ("reinforcement", "without reinforcement the answer rate falls; keeping only the 15 weekday workers loses less, "
     "wherever they are placed; the hand rule, spread over three teams, does better than the planner's placement "
     "in one team (In short; Weak-slot reinforcement)",
     lambda d: _loss(_answer_rate(d, "seoul-120-september-2023-reinforcement-none"))
     and all(_answer_rate(d, "seoul-120-september-2023-reinforcement-none")["mean"] < _answer_rate(d, x)["mean"] < 0
             for x in ("seoul-120-september-2023-reinforcement-weekday", PLACED))
     and _answer_rate(d, PLACED)["mean"] < _answer_rate(d, "seoul-120-september-2023-reinforcement-weekday")["mean"]),
    ("placement", "the planner places the weekday workers from 08:00, 16:00 and 17:00, as on the pooled center "
     "(Weak-slot reinforcement)",
     lambda p: sorted(w["start"] for w in p["placement"]["windows"] if w["workers"]) == ["08:00", "16:00", "17:00"]),
    ("chat-volume", "each further batch of chats costs the phones more answer rate, and the phones reach 98 % "
     "within the sweep (Real-time chat)",
     lambda d: chat_absorbed(d["points"]) is not None and all(
         (a[1] - b[1]) / (b[0] - a[0]) < (b[1] - c[1]) / (c[0] - b[0])
         for a, b, c in zip(*[[(float(r[CHAT_PARAMETER]), float(r["phone.answer_rate_mean"])) for r in d["points"]][i:]
                              for i in range(3)]))),
    ("volume-2020", "2023's center could not carry 2020's total inflow (far below 98 %) but would answer 2020's "
     "inflow to agents above the 77.6 % published for 2020 (2020's volume)",
     lambda d: _answer_rate(d, "seoul-120-volume-2020")["other"] < 0.8
     and _answer_rate(d, "seoul-120-volume-2020-inflow")["other"] > 0.776),
    (("strike", "strike-week"), "the strike day's repeat calls land on the day itself, hardly any on the other days "
     "of the week (A strike day)",
     lambda day, week: abs(_d(week, "seoul-120-strike-day", "total_inflow")["mean"]
                           - _d(day, "seoul-120-strike-day", "total_inflow")["mean"])
     < 0.05 * _d(day, "seoul-120-strike-day", "total_inflow")["mean"]),
    ("year-2023", "the 2023 model reproduces the published counts within 1 % (2023: calibration)",
     lambda y: all(abs(y["metrics"][k]["mean"] / PUBLISHED["year-2023"][k] - 1) <= 0.01
                   for k in ("total_inflow", "inflow", "answered"))),
    ("year-2024", "the 2024 model predicts answered calls within 2 % and the answer rate within 0.5 points "
     "(January–September 2024)",
     lambda y: abs(y["metrics"]["answered"]["mean"] / PUBLISHED["year-2024"]["answered"] - 1) <= 0.02
     and abs(y["metrics"]["answer_rate"]["mean"] - PUBLISHED["year-2024"]["answer_rate"]) <= 0.005),
    (("year-2024", "year-2023"), "the inflow to agents a day is lower in 2024 and the model's answer rate rises, as "
     "the published one did (January–September 2024)",
     lambda y24, y23: y24["metrics"]["answer_rate"]["mean"] > y23["metrics"]["answer_rate"]["mean"]
     and PUBLISHED["year-2024"]["answer_rate"] > PUBLISHED["year-2023"]["answer_rate"]
     and _inflow_per_day(y24) < _inflow_per_day(y23)),
    ("strike", "with half the agents out a strike day leaves over a fifth (and under a third) of the calls "
     "unanswered, and its total inflow rises with repeat calls (In short; A strike day)",
     lambda d: 0.2 <= 1 - _answer_rate(d, "seoul-120-strike-day")["other"] < 1 / 3
     and _gain(_d(d, "seoul-120-strike-day", "total_inflow"))),
    ("callback", "on the strike day call-backs barely move abandonment (a few percent at most) "
     "(Call-backs offered on the strike day)",
     lambda d: abs(_d(d, "seoul-120-strike-day-callback", "abandoned")["mean"])
     <= 0.05 * _d(d, "seoul-120-strike-day-callback", "abandoned")["base"]),
    ("people", "integration meets the targets with about a tenth fewer paid hours; the afternoon shift and remote "
     "work change the planned hours by less than 3 % (Answers in people)",
     lambda d: -0.15 < _people_change(d, "september-2023-integrated-steady")[2] < -0.05
     and all(abs(_people_change(d, x)[2]) < 0.03 for x in ("september-2023-afternoon-13-22", "september-2023-remote-none"))),
    ("rollout", "the 2024 rollout gains answer rate from its first week, so there is nothing to cover "
     "(In short; The rollout, week by week)",
     lambda d: rollout_weeks(d)[0][1]["significant"] == "true"
     and all(float(r["difference"]) > 0 for _, r in rollout_weeks(d))),
]


def _abusive_group(d):
    """The general-administration team's differences in the abusive-caller study."""
    return d["scenarios"][0]["agent_groups"]["consultants"]["differences"]


def check_claims(res):
    """Every claim whose variants' results are there must hold (a claim names one variant, or
    a tuple of variants whose results it reads in that order)."""
    for names, claim, holds in CLAIMS:
        names = names if isinstance(names, tuple) else (names,)
        if all(n in res for n in names) and not holds(*(res[n] for n in names)):
            raise Failure(f"the results of `{', '.join(names)}` contradict README.md's prose: {claim}; rewrite the prose")


def tables(res):
    out = {}
    for v in VARIANTS:
        n = v["name"]
        if n not in res or v.get("table") is False:
            continue
        if v.get("weekly"):
            out[n] = weekly_table(res[n])
            out["rollout-first-week"] = out["rollout-first-week-2024"] = rollout_first_week(res[n])
        elif v["kind"] == "compare":
            out[n] = compare_table(res[n], v["metrics"], v.get("groups"))
        elif v["kind"] == "plan":
            out[n] = placement_table(res[n])
        elif v["kind"] == "plans":
            out[n] = people_table(res)
        elif v["kind"] == "sweep":
            out[n] = chat_volume_table(res[n])
        elif n == "year-2024":
            out[n] = year_table(n, res[n], PUBLISHED[n], res.get("year-2024-2023-ivr"))
            out["year-2024-months"] = monthly_table(Path(res[n]["_folder"]))
        elif n in PUBLISHED:
            out[n] = year_table(n, res[n], PUBLISHED[n])
        if n == "strike":
            out["strike-answer"] = strike_answer(res[n])
        elif n == "strike-week" and "strike" in res:
            out["strike-week-answer"] = strike_week_answer(res["strike"], res[n])
        elif n == "callback":
            out["callback-answer"] = callback_answer(res[n])
        elif n == "chat-volume":
            out["chat-answer"] = chat_answer(res[n])
        elif n == "volume-2020":
            out["volume-2020-answer"] = volume_answer(res[n])
        elif n == "year-2024" and "year-2023" in res:
            out["year-2024-answer"] = year_2024_answer(res)
    if all(v["name"] in res for v in VARIANTS):
        out["summary"] = summary_table(res)
        out["baselines"] = baselines_table(res)
    return out


def replace_blocks(text, blocks):
    """Replaces the text between each block's markers; every block's markers must be there once."""
    for name, body in blocks.items():
        begin, end = f"<!-- BEGIN generated: {name} -->", f"<!-- END generated: {name} -->"
        if text.count(begin) != 1 or text.count(end) != 1:
            raise Failure(f"README.md must hold `{begin}` and `{end}` once each "
                          f"(found {text.count(begin)} and {text.count(end)})")
        i, j = text.index(begin) + len(begin), text.index(end)
        if j < i:
            raise Failure(f"README.md: `{end}` comes before `{begin}`")
        text = text[:i] + "\n" + body.rstrip("\n") + "\n" + text[j:]
    return text


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="comma-separated variant names (default: all): "
                    + ", ".join(v["name"] for v in VARIANTS))
    ap.add_argument("--tables-only", action="store_true",
                    help="do not run; rewrite the tables and redraw the figures from the results")
    ap.add_argument("--check", action="store_true", help="do not run or write; exit 1 if README.md's tables differ from the results")
    ap.add_argument("--no-figures", action="store_true", help="do not draw the figures")
    ap.add_argument("--replications", type=int, help="override every variant's replications (a quick try; the README's tables use the files' own)")
    ap.add_argument("--results", default=str(ROOT / "Results/seoul-120"), help="results folder (default Results/seoul-120)")
    ap.add_argument("--readme", default=str(HERE / "README.md"), help="the README to write the tables into")
    ap.add_argument("--figures", default=str(HERE / "figures"), help="folder of the figures")
    a = ap.parse_args(argv)
    names = [v["name"] for v in VARIANTS]
    if a.only:
        wanted = [n.strip() for n in a.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            raise Failure(f"unknown variant {', '.join(unknown)} (known: {', '.join(names)})")
        names = wanted
    results, readme, figures = Path(a.results), Path(a.readme), Path(a.figures)
    if not (a.tables_only or a.check):
        results.mkdir(parents=True, exist_ok=True)
        start = time.monotonic()
        for v in VARIANTS:
            if v["name"] in names:
                run_variant(v, results, a.replications)
                if not a.no_figures:
                    plot(v, results, figures)
        print(f"all runs: {time.monotonic() - start:.0f} s")
    elif a.tables_only and not a.no_figures:
        for v in VARIANTS:
            if v["name"] in names and (results / v["name"]).is_dir():
                plot(v, results, figures)
    # Tables: from every variant whose results are there (the summary needs them all).
    have = [v["name"] for v in VARIANTS if (results / v["name"]).is_dir()]
    res = collect(set(have) | set(names), results)
    check_claims(res)
    blocks = tables(res)
    try:
        text = readme.read_text(encoding="utf-8")
    except OSError as e:
        raise Failure(f"cannot read {readme}: {e.strerror}")
    new = replace_blocks(text, blocks)
    if a.check:
        if new != text:
            print(f"{readme}: tables differ from {results}", file=sys.stderr)
            return 1
        print(f"{readme}: tables match {results}")
        return 0
    if new != text:
        readme.write_text(new, encoding="utf-8")
    print(f"{readme}: {len(blocks)} table(s) written: {', '.join(blocks)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Failure as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
