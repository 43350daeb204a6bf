#!/usr/bin/env python3
"""Plot the distribution of waits in queue of answered and abandoned calls from a callsim results folder.

Reads RESULTS_DIR/summary.json (scenario, seed) and RESULTS_DIR/waits.csv (the
wait-time histogram: wait_from_seconds, wait_to_seconds, answered, abandoned = mean
calls per replication whose wait fell in [from, to); the last bin may end at inf; a first
row from 0 to 0 counts the calls that waited exactly 0 s, answered on arrival).

Writes OUT/waits.png and OUT/waits.svg (OUT defaults to RESULTS_DIR/plots),
1400 x 900 pixels:

  top panel     density of waits in calls per second of wait (count / bin width, log
                scale), answered (solid, hatched) and abandoned (dashed) as step
                histograms
  bottom panel  cumulative shares against the wait t (exact at t = 0, where only the
                calls answered on arrival count): answered within t as a share of
                answered calls and as a share of all calls that reached the queue
                (answered + abandoned; at the target this is the service level), and
                abandoned within t as a share of abandoned calls; the service-level
                target (--mark, 20 s) is marked with its values

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

SIZE = (14.0, 9.0)  # inches at cr.DPI -> 1400 x 900 px
NICE_LIMITS = (30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600,
               5400, 7200, 10800, 14400, 21600, 28800, 43200, 86400)

ANSWERED = dict(color="#1f3f66", linestyle="-", linewidth=1.8)
ABANDONED = dict(color="#c2410c", linestyle=(0, (5, 2)), linewidth=1.8)
CUM_STYLES = {
    "answered": dict(color="#1f3f66", linestyle="-", marker="o", linewidth=2.0,
                     label="answered within t, share of answered calls"),
    "queued": dict(color="#6a51a3", linestyle=(0, (5, 2)), marker="s", linewidth=1.6,
                   label="answered within t, share of calls that reached the queue "
                         "(answered + abandoned)"),
    "abandoned": dict(color="#c2410c", linestyle=(0, (1, 1.5)), marker="^", linewidth=1.8,
                      label="abandoned within t, share of abandoned calls"),
}


def positive_seconds(text):
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds")
    if not (math.isfinite(v) and v > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: expected a number of seconds > 0")
    return v


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="waits.py",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results_dir", metavar="RESULTS_DIR",
                    help="results folder written by `callsim run` (summary.json, waits.csv)")
    ap.add_argument("--out", metavar="DIR", default=None,
                    help="folder for waits.png and waits.svg (default RESULTS_DIR/plots)")
    ap.add_argument("--max-wait", metavar="SECONDS", type=positive_seconds, default=None,
                    help="right end of the wait axis in seconds (default: a round value that "
                         "covers at least 99.5 %% of the calls, at least 30 s)")
    ap.add_argument("--mark", metavar="SECONDS", type=positive_seconds, default=20.0,
                    help="the service-level target wait to mark (default 20 s)")
    return ap.parse_args(argv)


# ---------------------------------------------------------------------------
# Histogram arithmetic


def split_zero(bins):
    """(answered, abandoned) that waited exactly 0 s, and the other bins: callsim writes the
    zero waits as a first row from 0 to 0; a folder without it gives zeros."""
    first = bins.iloc[0]
    if first["from"] == 0 and first["to"] == 0:
        return float(first["answered"]), float(first["abandoned"]), bins.iloc[1:].reset_index(drop=True)
    return 0.0, 0.0, bins


def contiguous(bins):
    """Edges and counts with zero-count bins filling any gap between listed bins."""
    edges = [bins["from"].iloc[0]]
    answered, abandoned = [], []
    for lo, hi, a, b in zip(bins["from"], bins["to"], bins["answered"], bins["abandoned"]):
        if lo > edges[-1]:
            edges.append(lo)
            answered.append(0.0)
            abandoned.append(0.0)
        edges.append(hi)
        answered.append(a)
        abandoned.append(b)
    return edges, answered, abandoned


def cumulative_at(edges, counts, t):
    """Calls with wait < t, spreading each bin's calls evenly over it (a wait in the last,
    unbounded bin counts as longer than any t inside it)."""
    total = 0.0
    for lo, hi, c in zip(edges[:-1], edges[1:], counts):
        if t >= hi:
            total += c
        elif t > lo and math.isfinite(hi):
            total += c * (t - lo) / (hi - lo)
    return total


def auto_max_wait(edges, answered, abandoned, zero=0.0):
    """Smallest round limit covering 99.5 % of all calls (`zero` of them waited 0 s),
    within the finite bins, >= 30 s."""
    counts = [a + b for a, b in zip(answered, abandoned)]
    total = sum(counts) + zero
    last_finite = max(e for e in edges if math.isfinite(e))
    need = edges[1]
    if total > 0:
        acc = zero
        for hi, c in zip(edges[1:], counts):
            acc += c
            if acc >= 0.995 * total:
                need = hi
                break
    if not math.isfinite(need):
        need = last_finite
    for limit in NICE_LIMITS:
        if limit >= need:
            return float(min(limit, max(last_finite, 30.0)))
    return float(last_finite)


def fmt_count(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}" if x >= 1 else f"{x:.2g}"


def fmt_seconds(x):
    return f"{x:g} s"


# ---------------------------------------------------------------------------
# Drawing


def draw(plt, bins, summary, max_wait, mark):
    import numpy as np
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.ticker import PercentFormatter

    zero_ans, zero_ab, bins = split_zero(bins)
    edges, answered, abandoned = contiguous(bins)
    n_ans, n_ab = sum(answered) + zero_ans, sum(abandoned) + zero_ab
    if max_wait is None:
        max_wait = auto_max_wait(edges, answered, abandoned, zero_ans + zero_ab)

    finite = [i for i in range(len(answered)) if math.isfinite(edges[i + 1])]
    f_edges = np.array(edges[: len(finite) + 1], dtype=float)
    widths = np.diff(f_edges)
    dens_ans = np.array([answered[i] for i in finite]) / widths
    dens_ab = np.array([abandoned[i] for i in finite]) / widths

    fig = plt.figure(figsize=SIZE, dpi=cr.DPI)
    gs = fig.add_gridspec(2, 1, height_ratios=[1.25, 1], hspace=0.1, left=0.075, right=0.975,
                          top=0.875, bottom=0.085)
    ax = fig.add_subplot(gs[0])
    axc = fig.add_subplot(gs[1], sharex=ax)

    # --- density (log scale): the floor is a decade below the smallest visible positive value
    visible = f_edges[:-1] < max_wait
    positive = np.concatenate([dens_ans[visible & (dens_ans > 0)], dens_ab[visible & (dens_ab > 0)]])
    floor = 10 ** math.floor(math.log10(positive.min())) / 2 if positive.size else 1e-3
    top = positive.max() * 30 if positive.size else 1.0  # headroom for the legend
    handles, labels = [], []
    if n_ans > 0:
        fill = ax.stairs(np.maximum(dens_ans, floor), f_edges, baseline=floor, fill=True,
                         facecolor="#d3e1f0", edgecolor="#7f9fbf", linewidth=0, hatch="///")
        line = ax.stairs(np.maximum(dens_ans, floor), f_edges, baseline=floor, **ANSWERED)
        handles.append((fill, line))
        labels.append("answered")
    if n_ab > 0:
        handles.append(ax.stairs(np.maximum(dens_ab, floor), f_edges, baseline=floor, **ABANDONED))
        labels.append("abandoned")
    ax.set_yscale("log")
    ax.set_ylim(floor, top)
    ax.set_ylabel("calls per second of wait\n(mean per replication, log scale)")
    ax.tick_params(axis="x", labelbottom=False)
    ax.axvline(mark, color="#444444", linestyle=(0, (2, 2)), linewidth=1.0, zorder=1)
    ax.grid(True, which="major", axis="both")

    notes = []
    if n_ans > 0 and zero_ans > 0:
        notes.append(f"{100 * zero_ans / n_ans:.1f} % of answered calls were answered "
                     f"without waiting (not in the density)")
    elif n_ans > 0 and math.isfinite(edges[1]):
        notes.append(f"{100 * answered[0] / n_ans:.1f} % of answered calls waited "
                     f"less than {fmt_seconds(edges[1])} (first bin)")
    beyond_a = n_ans - zero_ans - cumulative_at(edges, answered, max_wait)
    beyond_b = n_ab - zero_ab - cumulative_at(edges, abandoned, max_wait)
    if beyond_a + beyond_b > 0:
        notes.append(f"waited longer than {fmt_seconds(max_wait)} (not shown): "
                     f"{fmt_count(beyond_a)} answered, {fmt_count(beyond_b)} abandoned")
    if not handles:
        notes.append("no answered or abandoned calls in waits.csv")
    leg = ax.legend([tuple(h) if isinstance(h, tuple) else h for h in handles], labels,
                    handler_map={tuple: HandlerTuple(ndivide=None, pad=0)},
                    title="\n".join(notes) or None, loc="upper right", frameon=True,
                    framealpha=0.95, handlelength=3.0, handleheight=1.2, fontsize=9,
                    title_fontsize=9)
    leg._legend_box.align = "left"

    # --- cumulative shares, sampled finely enough for the 1 s bins near zero
    t = np.unique(np.concatenate([np.linspace(0, max_wait, 600),
                                  [e for e in edges if math.isfinite(e) and e <= max_wait]]))
    curves = {}
    if n_ans > 0:
        cum_ans = zero_ans + np.array([cumulative_at(edges, answered, v) for v in t])
        curves["answered"] = cum_ans / n_ans
        curves["queued"] = cum_ans / (n_ans + n_ab)
    if n_ab > 0:
        curves["abandoned"] = (zero_ab + np.array([cumulative_at(edges, abandoned, v) for v in t])) / n_ab
    for key, y in curves.items():
        axc.plot(t, y, markevery=0.07, markersize=5, **CUM_STYLES[key])
    axc.set_ylim(0, 1.02)
    axc.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    axc.set_ylabel("share of calls\n(waited t or less)")
    axc.set_xlabel("wait in queue t (seconds)")
    axc.set_xlim(0, max_wait)

    axc.axvline(mark, color="#444444", linestyle=(0, (2, 2)), linewidth=1.0, zorder=1)
    marks = []
    for key, tag in (("answered", "of answered calls"), ("queued", "of queued calls")):
        if key in curves:
            total = n_ans if key == "answered" else n_ans + n_ab
            v = (zero_ans + cumulative_at(edges, answered, mark)) / total
            axc.plot([mark], [v], marker="D", markersize=6, color="black", zorder=5)
            marks.append(f"{100 * v:.1f} % {tag}")
    if marks and mark <= max_wait:
        axc.annotate(f"answered within {fmt_seconds(mark)}:\n" + "\n".join(marks),
                     xy=(mark, 0.3), xytext=(8, 0), textcoords="offset points",
                     ha="left", va="center", fontsize=9,
                     bbox=dict(facecolor="white", edgecolor="#999999", boxstyle="round,pad=0.4"))
    if curves:
        axc.legend(loc="lower right", frameon=True, framealpha=0.9, handlelength=3.0)

    fig.suptitle("Wait in queue of answered and abandoned calls", fontsize=14,
                 fontweight="bold", y=0.985)
    sub = (f"Per replication: {fmt_count(n_ans)} answered, {fmt_count(n_ab)} abandoned "
           f"after waiting; vertical line: the {fmt_seconds(mark)} service-level target")
    asa = summary.metric_mean("asa_seconds")
    if asa is not None:
        sub += f"; ASA {asa:.1f} s"
    fig.text(0.5, 0.925, sub, ha="center", va="bottom", fontsize=10)
    return fig


def main(argv=None):
    args = parse_args(argv)
    folder = cr.results_folder(args.results_dir, (cr.SUMMARY, cr.WAITS))
    summary = cr.read_summary(folder)
    bins = cr.read_waits(folder)
    out = cr.output_folder(args.out if args.out else folder / "plots")

    plt = cr.figure_tools()
    fig = draw(plt, bins, summary, args.max_wait, args.mark)
    cr.stamp(fig, summary)
    for path in cr.save(fig, out, "waits"):
        print(f"wrote {path}")
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(cr.run_cli(main))
