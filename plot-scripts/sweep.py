#!/usr/bin/env python3
"""Plot a metric of a callsim sweep over one or two of its parameters.

Reads SWEEP_DIR/points.csv (one row per point: a column per parameter, then
METRIC_mean and METRIC_ci95 per metric) and, when present, SWEEP_DIR/sweep.json (the
sweep's name, replications and seed, for the caption), as written by `callsim sweep` or
`callsim merge`.

Writes OUT/sweep-METRIC.png and OUT/sweep-METRIC.svg (OUT defaults to SWEEP_DIR/plots),
1200 x 800 pixels:

  lines     the metric's mean against the --x parameter, with its 95 % confidence
            band, one line per value of the --series parameter (if any)
  heatmap   the metric's mean over --x (columns) and --y (rows), each cell labelled

Parameters that vary together (zipped lists, such as routing.mode with
routing.overflow_after) count as one. By default (--kind auto) one varying parameter
gives lines; two give lines, one per value of the one with fewer values, when it has at
most 6, and a heat map otherwise. More than two must be narrowed with --where P=V.
Numeric parameter values are placed on a numeric axis; others in file order.

--title sets the figure's title: the question it answers; by default it names the metric
and parameters. --target VALUE draws the metric's target (in points.csv's units: a share as
0.98) as a dashed line on a lines plot.

Exit status 2 with one line `error: <path>: <problem>` when the folder, points.csv, a
column or a value is missing or malformed.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callsim_results as cr  # noqa: E402

SIZE = (12.0, 8.0)  # inches at cr.DPI -> 1200 x 800 px
POINTS = "points.csv"
IDENTITY = "sweep.json"
MAX_SERIES = 6
PERCENT = {"answer_rate", "answer_rate_total", "service_level", "abandon_rate", "blocked_share",
           "occupancy"}


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Writes sweep-METRIC.png (1200 x 800 px) and sweep-METRIC.svg.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sweep_dir", metavar="SWEEP_DIR", help="folder written by callsim sweep or merge")
    p.add_argument("--out", help="output folder (default SWEEP_DIR/plots)")
    p.add_argument("--metric", help="metric to plot (default: the first in points.csv)")
    p.add_argument("--kind", choices=("auto", "lines", "heatmap"), default="auto")
    p.add_argument("--title", metavar="TEXT", help="the figure's title: the question it answers")
    p.add_argument("--target", metavar="VALUE", type=float,
                   help="the metric's target in points.csv's units (0.98), a dashed line on a lines plot")
    p.add_argument("--x", help="parameter on the x axis")
    p.add_argument("--series", help="lines: one line per value of this parameter")
    p.add_argument("--y", help="heatmap: parameter on the y axis")
    p.add_argument("--where", action="append", default=[], metavar="P=V",
                   help="keep only points whose parameter P has value V (repeatable)")
    return p.parse_args(argv)


def read_points(folder: Path):
    """(parameter names, metric names, rows as dicts); rows keep their line number."""
    path = folder / POINTS
    if not folder.is_dir():
        raise cr.ResultsError(folder, "no such folder (expected a folder written by `callsim sweep`, with points.csv)")
    if not path.is_file():
        raise cr.ResultsError(path, "file not found (expected the points table written by `callsim sweep` or `callsim merge`)")
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                raise cr.ResultsError(path, "empty file (expected a header: parameters, then METRIC_mean, METRIC_ci95)")
            rows = [(reader.line_num, cells) for cells in reader if cells]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise cr.ResultsError(path, f"cannot read ({err})")
    metrics = [h[:-5] for h in header if h.endswith("_mean") and h[:-5] + "_ci95" in header]
    first_metric = min((header.index(m + "_mean") for m in metrics), default=len(header))
    params = header[:first_metric]
    if not metrics:
        raise cr.ResultsError(path, "no METRIC_mean, METRIC_ci95 column pair (expected the columns callsim sweep writes)")
    if not params:
        raise cr.ResultsError(path, "no parameter column before the metrics")
    if not rows:
        raise cr.ResultsError(path, "no data rows (expected one row per point after the header)")
    out = []
    for line, cells in rows:
        if len(cells) != len(header):
            raise cr.ResultsError(path, f"line {line}: {len(cells)} cells, expected {len(header)} as in the header")
        row = {"__line__": line}
        row.update({p: cells[header.index(p)] for p in params})
        for m in metrics:
            for col in (m + "_mean", m + "_ci95"):
                text = cells[header.index(col)]
                try:
                    row[col] = float(text) if text != "" else math.nan
                except ValueError:
                    raise cr.ResultsError(path, f"line {line}: column {col!r} is {text!r} (expected a number)")
        out.append(row)
    return params, metrics, out


def caption(folder: Path, points: int) -> str:
    try:
        ident = json.loads((folder / IDENTITY).read_text(encoding="utf-8"))
        text = f"sweep {ident['sweep']} · {points} points"
        if "replications" in ident and "seed" in ident:
            text += f" · {ident['replications']} replications each · seed {ident['seed']}"
        return text
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return f"{folder.name} · {points} points"


def as_number(text):
    try:
        v = float(text)
        return v if math.isfinite(v) else None
    except ValueError:
        return None


def ordered(values):
    """Distinct values, numerically sorted when all are numbers, else in first-seen order."""
    seen = list(dict.fromkeys(values))
    if all(as_number(v) is not None for v in seen):
        return sorted(seen, key=as_number)
    return seen


def axes_of(params, rows):
    """Varying parameters, a parameter determined by an earlier one (zipped) folded into it."""
    varying = [p for p in params if len({r[p] for r in rows}) > 1]
    axes = []
    for p in varying:
        if any(len({(r[a], r[p]) for r in rows}) == len({r[a] for r in rows}) for a in axes):
            continue
        axes.append(p)
    return axes


def choose(args, params, rows, path):
    """(kind, x, other): the figure kind, the x parameter, the series or y parameter (or None)."""
    for name in (args.x, args.series, args.y):
        if name and name not in params:
            raise cr.ResultsError(path, f"no parameter {name!r} (parameters: {', '.join(params)})")
    axes = axes_of(params, rows)
    if not axes:
        raise cr.ResultsError(path, "no parameter varies across the points (expected at least two values of one)")

    def values(p):
        return len({r[p] for r in rows})

    def determined(a, by):
        return len({(r[by], r[a]) for r in rows}) == values(by)

    x = args.x or max(axes, key=lambda a: (values(a), all(as_number(r[a]) is not None for r in rows)))
    others = [a for a in axes if a != x and not determined(a, x)]
    other = args.series or args.y or (others[0] if others else None)
    kind = args.kind
    if kind == "auto":
        kind = "heatmap" if args.y or (other and values(other) > MAX_SERIES) else "lines"
    if kind == "heatmap" and other is None:
        raise cr.ResultsError(path, f"a heat map needs two varying parameters; only {x} varies")
    used = [u for u in (x, other) if u]
    extra = [a for a in axes if a not in used and not any(determined(a, u) for u in used)]
    if extra:
        raise cr.ResultsError(path, f"more parameters vary than fit one figure ({', '.join(extra)} besides "
                              f"{' and '.join(used)}); fix them with --where P=V")
    return kind, x, other


def draw(plt, rows, metric, kind, x, series, title, target=None):
    fig, ax = plt.subplots(figsize=SIZE, dpi=cr.DPI)
    # A share in per cent, a channel's (phone.answer_rate) as well.
    scale = 100.0 if metric.split(".")[-1] in PERCENT else 1.0
    unit = " (%)" if scale == 100 else ""
    xs = ordered([r[x] for r in rows])
    numeric_x = all(as_number(v) is not None for v in xs)
    if kind == "heatmap":
        ys = ordered([r[series] for r in rows])
        grid = [[math.nan] * len(xs) for _ in ys]
        for r in rows:
            grid[ys.index(r[series])][xs.index(r[x])] = r[metric + "_mean"] * scale
        im = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")
        ax.set_xticks(range(len(xs)), xs)
        ax.set_yticks(range(len(ys)), ys)
        ax.set_ylabel(series)
        ax.grid(False)
        fig.colorbar(im, ax=ax, label=metric + unit)
        if len(xs) * len(ys) <= 200:
            finite = [v for row in grid for v in row if not math.isnan(v)]
            mid = (min(finite) + max(finite)) / 2 if finite else 0
            for i, row in enumerate(grid):
                for j, v in enumerate(row):
                    if not math.isnan(v):
                        ax.text(j, i, f"{v:.1f}" if scale == 100 else f"{v:.3g}", ha="center", va="center",
                                fontsize=8, color="white" if v < mid else "black")
    else:
        groups = ordered([r[series] for r in rows]) if series else [None]
        for g in groups:
            sel = [r for r in rows if series is None or r[series] == g]
            sel.sort(key=lambda r: xs.index(r[x]))
            pos = [as_number(r[x]) if numeric_x else xs.index(r[x]) for r in sel]
            mean = [r[metric + "_mean"] * scale for r in sel]
            half = [(r[metric + "_ci95"] if not math.isnan(r[metric + "_ci95"]) else 0) * scale for r in sel]
            label = f"{series} = {g}" if series else metric
            line, = ax.plot(pos, mean, marker="o", linewidth=1.8, label=label)
            ax.fill_between(pos, [m - h for m, h in zip(mean, half)], [m + h for m, h in zip(mean, half)],
                            color=line.get_color(), alpha=0.2, linewidth=0)
        if not numeric_x:
            ax.set_xticks(range(len(xs)), xs)
        elif len(xs) <= 25 and all(as_number(v).is_integer() for v in xs):
            ax.set_xticks([as_number(v) for v in xs], xs)
        if target is not None:
            ax.axhline(target * scale, color="#b91c1c", linestyle=(0, (5, 3)), linewidth=1.4,
                       label=f"target {target * scale:g}{' %' if scale == 100 else ''}")
        ax.set_ylabel(metric + unit + ", mean with 95 % confidence band")
        ax.legend(loc="best")
    ax.set_xlabel(x)
    ax.set_title(title)
    return fig


def main(argv=None):
    args = parse_args(argv)
    folder = Path(args.sweep_dir)
    params, metrics, rows = read_points(folder)
    path = folder / POINTS
    metric = args.metric or metrics[0]
    if metric not in metrics:
        raise cr.ResultsError(path, f"no metric {metric!r} (metrics: {', '.join(metrics)})")
    for cond in args.where:
        name, sep, value = cond.partition("=")
        if not sep or name not in params:
            raise cr.ResultsError(path, f"--where {cond!r}: expected P=V with P one of {', '.join(params)}")
        rows = [r for r in rows if r[name] == value]
        if not rows:
            raise cr.ResultsError(path, f"--where {cond!r}: no point has {name} = {value}")
    kind, x, series = choose(args, params, rows, path)
    out = cr.output_folder(args.out if args.out else folder / "plots")
    plt = cr.figure_tools()
    title = args.title or f"{metric} over {x}" + (f" and {series}" if series else "")
    fig = draw(plt, rows, metric, kind, x, series, title, target=args.target)
    fig.text(0.995, 0.005, caption(folder, len(rows)), ha="right", va="bottom", fontsize=8, color="#333333")
    for written in cr.save(fig, out, f"sweep-{metric}"):
        print(f"wrote {written}")
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_cli(main))
