#!/usr/bin/env python3
"""Plot a callsim comparison: every scenario's value of each metric beside the baseline's, with its paired interval.

Reads COMPARE_DIR/compare.json, written by `callsim compare BASE.yaml OTHER.yaml ...`:
for each other scenario, the paired difference other - baseline of every metric (mean,
ci95 = half-width of its 95 % interval over replications run on common random numbers,
and the two means, base and other).

Writes OUT/compare.png and OUT/compare.svg (OUT defaults to COMPARE_DIR/plots),
1600 x 900 pixels: one panel per metric (--metrics, default answer rate, answer rate of
total inflow, service level, abandon rate, ASA, mean wait, occupancy, redials).

By default each panel shows every scenario's paired difference from the baseline, other -
baseline, as a bar with its 95 % interval around a zero line, labelled with the difference
(* marks one whose interval excludes 0); the panel's title gives the baseline's value and
the target, where one is given. Differences of a few tenths of a point show, and no axis is
cut. With --values the panels show the values themselves instead, the baseline first
(plain) and the others beside it (hatched, with the interval of their difference): every
value axis starts at 0, shares run from 0 to 100 %, and a --target is a dashed line. Where
compare.json lacks the base and other means (only "mean" and "ci95", the minimal
contract), the panels show the differences.

--title sets the figure's title: the question the figure answers ("Does integrating the
queues pay?"); by default it says what the panels show. --target METRIC=VALUE (repeatable)
gives a metric's target in compare.json's units (a share as 0.98, seconds as seconds).

Exit status 2 with one line `error: <path>: <problem>` when the folder or compare.json
is missing or malformed, or a requested metric is not in it.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callsim_results as cr  # noqa: E402

SIZE = (16.0, 9.0)  # inches at cr.DPI -> 1600 x 900 px
COMPARE = "compare.json"
DEFAULT_METRICS = ("answer_rate", "answer_rate_total", "service_level", "abandon_rate",
                   "asa_seconds", "mean_wait_seconds", "occupancy", "redials")
# Metric -> (title, unit scale, unit label). Shares are drawn in per cent.
LABELS = {
    "answer_rate": ("answer rate (answered / inflow)", 100, "%"),
    "answer_rate_total": ("answer rate of total inflow", 100, "%"),
    "service_level": ("service level", 100, "%"),
    "abandon_rate": ("abandon rate", 100, "%"),
    "blocked_share": ("blocked share", 100, "%"),
    "occupancy": ("occupancy", 100, "%"),
    "asa_seconds": ("ASA (mean wait of answered)", 1, "s"),
    "mean_wait_seconds": ("mean wait", 1, "s"),
    "inflow": ("inflow (calls reaching the agents)", 1, "calls"),
    "answered": ("answered", 1, "calls"),
    "redials": ("redials", 1, "calls"),
    "abandoned": ("abandoned", 1, "calls"),
    "capped": ("calls cut at the cap", 1, "calls"),
    "callbacks_completed": ("call-backs completed", 1, "calls"),
    "abusive_answered": ("abusive calls answered", 1, "calls"),
    "agents_on_phones": ("agents on the phones (mean)", 1, "agents"),
    "agents_scheduled": ("agents scheduled (mean)", 1, "agents"),
    "paid_hours": ("paid hours", 1, "h"),
    "recovery_hours": ("recovery after abusive calls", 1, "agent-h"),
}
BASE_STYLE = dict(color="#9aa5b1", edgecolor="#333333", hatch="")
OTHER_STYLES = [dict(color="#1f3f66", edgecolor="#111111", hatch="//"),
                dict(color="#c2410c", edgecolor="#111111", hatch="\\\\"),
                dict(color="#4d7c0f", edgecolor="#111111", hatch="xx"),
                dict(color="#6a51a3", edgecolor="#111111", hatch=".."),
                dict(color="#a16207", edgecolor="#111111", hatch="--")]


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="compare.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("compare_dir", metavar="COMPARE_DIR",
                    help="folder written by `callsim compare` (compare.json)")
    ap.add_argument("--out", metavar="DIR", default=None,
                    help="folder for compare.png and compare.svg (default COMPARE_DIR/plots)")
    ap.add_argument("--metrics", metavar="LIST", default=",".join(DEFAULT_METRICS),
                    help="comma-separated metric names from compare.json (default %(default)s)")
    ap.add_argument("--title", metavar="TEXT", default=None,
                    help="the figure's title: the question it answers (default: what the panels show)")
    ap.add_argument("--values", action="store_true",
                    help="show the values (axes from 0, shares 0-100 %%) instead of the differences")
    ap.add_argument("--target", metavar="METRIC=VALUE", action="append", default=[],
                    help="a metric's target in compare.json's units (answer_rate=0.98); repeatable")
    return ap.parse_args(argv)


def parse_targets(texts):
    """{metric: value} from METRIC=VALUE texts; ResultsError on a malformed one."""
    return dict(cr.parse_target(t, lambda name, number: True, "METRIC=NUMBER (answer_rate=0.98)") for t in texts)


def _number(path, where, value, allow_null=True):
    if value is None and allow_null:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise cr.ResultsError(path, f"{where}: expected a number, found {value!r}")
    return float(value)


def read_compare(folder: Path):
    """The baseline's name and [(scenario, {metric: difference dict})], checked."""
    if not folder.exists():
        raise cr.ResultsError(folder, "no such folder (expected a folder written by `callsim compare`, with compare.json)")
    if not folder.is_dir():
        raise cr.ResultsError(folder, "not a folder (expected a folder written by `callsim compare`, with compare.json)")
    path = folder / COMPARE
    if not path.is_file():
        raise cr.ResultsError(path, "file not found (expected the comparison written by `callsim compare`)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise cr.ResultsError(path, f"cannot read ({err})")
    except json.JSONDecodeError as err:
        raise cr.ResultsError(path, f"not valid JSON (line {err.lineno}: {err.msg})")
    if not isinstance(data, dict) or not isinstance(data.get("baseline"), str):
        raise cr.ResultsError(path, "expected an object with \"baseline\" (a scenario name) and \"scenarios\"")
    scenarios = data.get("scenarios")
    if not isinstance(scenarios, list) or not scenarios:
        raise cr.ResultsError(path, "\"scenarios\": expected a non-empty list of compared scenarios")
    out = []
    for i, s in enumerate(scenarios):
        where = f"scenarios[{i}]"
        if not isinstance(s, dict) or not isinstance(s.get("scenario"), str) \
                or not isinstance(s.get("differences"), dict):
            raise cr.ResultsError(path, f"{where}: expected {{\"scenario\": name, \"differences\": {{...}}}}")
        diffs = {}
        for metric, d in s["differences"].items():
            w = f"{where}.differences.{metric}"
            if not isinstance(d, dict) or "mean" not in d:
                raise cr.ResultsError(path, f"{w}: expected {{\"mean\": number, \"ci95\": number}}")
            diffs[metric] = {k: _number(path, f"{w}.{k}", d.get(k)) for k in ("mean", "ci95", "base", "other")}
            diffs[metric]["significant"] = bool(d.get("significant")) if "significant" in d else (
                diffs[metric]["mean"] is not None and diffs[metric]["ci95"] is not None
                and abs(diffs[metric]["mean"]) > diffs[metric]["ci95"])
        out.append((s["scenario"], diffs))
    return data, out


def stamp_text(data):
    parts = [f"baseline: {data['baseline']}"]
    names = [s.get("scenario") for s in data.get("scenarios", []) if isinstance(s, dict)]
    if names:
        parts.append("vs " + ", ".join(str(n) for n in names))
    if data.get("seed") is not None:
        parts.append(f"seed: {data['seed']}")
    if data.get("replications") is not None:
        parts.append(f"replications: {data['replications']} (paired, common random numbers)")
    return "  ·  ".join(parts)


def tick_labels(names):
    """The names drawn under the bars: without the prefix they all share up to a '-'
    (seoul-120-split -> split; the full names are in the corner stamp), a long one broken
    after its '-'s onto lines of about 16 characters — cutting names short made two of them
    read alike."""
    prefix = ""
    if len(names) > 1:
        common = names[0]
        for n in names[1:]:
            while not n.startswith(common):
                common = common[:-1]
        cut = common.rfind("-")
        if cut >= 0 and all(len(n) > cut + 1 for n in names):
            prefix = common[:cut + 1]
    return [wrapped(n[len(prefix):]) for n in names]


def wrapped(name, width=16):
    """`name` on lines of about `width` characters, broken after a '-'."""
    lines, line = [], ""
    for part in re.split(r"(?<=-)", name):
        if line and len(line) + len(part) > width:
            lines.append(line)
            line = ""
        line += part
    return "\n".join(lines + [line])


def value_text(value, scale, unit):
    """A value as the panels label it: 74.0 %, 41.1 s, 3082."""
    v = value * scale
    if unit in ("%", "s"):
        return f"{v:.1f} {unit}"
    number = f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"
    return f"{number} {unit}" if unit else number


def draw(plt, data, scenarios, metrics, title=None, values=False, targets=None):
    """The figure: one panel per metric, differences around zero or (`values`) values from 0."""
    path = COMPARE
    targets = targets or {}
    for m in metrics:
        if not any(m in d for _, d in scenarios):
            known = sorted({k for _, d in scenarios for k in d})
            raise cr.ResultsError(path, f"metric {m!r} is not in compare.json (it has {', '.join(known)})")
    has_values = all(d.get(m, {}).get("base") is not None for _, d in scenarios for m in metrics if m in d)
    values_mode = values and has_values
    cols = min(4, len(metrics))
    rows = math.ceil(len(metrics) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=SIZE, squeeze=False)
    names = [data["baseline"]] + [name for name, _ in scenarios]
    for k, metric in enumerate(metrics):
        ax = axes[k // cols][k % cols]
        label, scale, unit = LABELS.get(metric, (metric.replace("_", " "), 1, ""))
        d_unit = "pp" if unit == "%" else unit
        base = next((d[metric]["base"] for _, d in scenarios if metric in d), None) if has_values else None
        xs, heights, errs, styles, labels = [], [], [], [], []
        if values_mode:
            xs.append(0)
            heights.append(base * scale)
            errs.append(0)
            styles.append(BASE_STYLE)
            labels.append("")
        for i, (_, d) in enumerate(scenarios):
            diff = d.get(metric)
            if diff is None or diff["mean"] is None:
                continue
            mean, ci = diff["mean"] * scale, (diff["ci95"] or 0) * scale
            xs.append(i + 1)
            heights.append((diff["other"] * scale) if values_mode else mean)
            errs.append(ci)
            styles.append(OTHER_STYLES[i % len(OTHER_STYLES)])
            digits = 2 if d_unit == "pp" else (0 if abs(mean) >= 100 else 1)
            # On two lines: side by side, three or more bars' labels ran into each other.
            labels.append(f"{mean:+.{digits}f}{(' ' + d_unit) if d_unit else ''}\n± {ci:.{digits}f}"
                          + (" *" if diff["significant"] else ""))
        for x, h, e, st, lab in zip(xs, heights, errs, styles, labels):
            ax.bar(x, h, width=0.7, color=st["color"], edgecolor=st["edgecolor"], hatch=st["hatch"],
                   linewidth=0.8, yerr=e if e else None, capsize=6, error_kw=dict(elinewidth=1.4, ecolor="#000000"))
            if lab:
                ax.annotate(lab, (x, h + e if h >= 0 else h - e), xytext=(0, 3 if h >= 0 else -3),
                            textcoords="offset points", ha="center", va="bottom" if h >= 0 else "top", fontsize=8)
        target = targets.get(metric)
        if values_mode:
            top = max([h + e for h, e in zip(heights, errs)] + [target * scale if target is not None else 0])
            ax.set_ylim(0, 100 if unit == "%" else max(top * 1.15, 1e-9))
            if target is not None:
                ax.axhline(target * scale, color="#b91c1c", linestyle=(0, (5, 3)), linewidth=1.4)
                ax.annotate(f"target {value_text(target, scale, unit)}", (1.0, target * scale),
                            xycoords=("axes fraction", "data"), xytext=(-4, 3), textcoords="offset points",
                            ha="right", va="bottom", fontsize=8, color="#b91c1c")
            ax.set_xticks(range(len(names)))
            ax.set_xticklabels(tick_labels(names), fontsize=8)
            ax.set_title(label)
            ax.set_ylabel(unit)
        else:
            ends = [0.0] + [h - e for h, e in zip(heights, errs)] + [h + e for h, e in zip(heights, errs)]
            lo, hi = min(ends), max(ends)
            pad = max((hi - lo) * 0.25, 1e-9)
            ax.set_ylim(lo - pad if lo < 0 else -pad * 0.4, hi + pad if hi > 0 else pad * 0.4)
            ax.axhline(0, color="#000000", linewidth=1.0)
            ax.set_xlim(0.4, len(names) - 0.4)
            ax.set_xticks(range(1, len(names)))
            ax.set_xticklabels(tick_labels(names[1:]), fontsize=8)
            facts = []
            if base is not None:
                facts.append(f"baseline {value_text(base, scale, unit)}")
            if target is not None:
                facts.append(f"target {value_text(target, scale, unit)}")
            ax.set_title(label + (f"\n({', '.join(facts)})" if facts else ""), fontsize=10)
            ax.set_ylabel(f"difference from the baseline ({d_unit})" if d_unit else "difference from the baseline")
    for k in range(len(metrics), rows * cols):
        axes[k // cols][k % cols].axis("off")
    if values_mode:
        explain = ("baseline (grey) and each scenario; error bar = 95 % interval of its difference from the "
                   "baseline on common random numbers, * = excludes 0")
    else:
        explain = ("each scenario's difference from the baseline on common random numbers; "
                   "error bar = its 95 % interval, * = excludes 0")
    fig.suptitle(title or ("Values of each scenario beside the baseline" if values_mode
                           else "How each scenario differs from the baseline"), fontsize=14, fontweight="bold")
    fig.text(0.5, 0.925, explain, ha="center", va="bottom", fontsize=10)
    fig.tight_layout(rect=(0, 0.03, 1, 0.92))
    fig.text(0.995, 0.005, stamp_text(data), ha="right", va="bottom", fontsize=8, color="#333333")
    return fig


def main(argv=None):
    args = parse_args(argv)
    folder = Path(args.compare_dir)
    data, scenarios = read_compare(folder)
    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()]
    if not metrics:
        raise cr.ResultsError(folder / COMPARE, "--metrics: expected at least one metric name")
    targets = parse_targets(args.target)
    plt = cr.figure_tools()
    try:
        fig = draw(plt, data, scenarios, metrics, title=args.title, values=args.values, targets=targets)
    except cr.ResultsError as err:
        raise cr.ResultsError(folder / COMPARE, err.message)
    out = cr.output_folder(args.out if args.out else folder / "plots")
    for path in cr.save(fig, out, "compare"):
        print(f"wrote {path}")
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_cli(main))
