"""Read a callsim results folder (summary.json, hourly.csv, waits.csv) for the plot scripts.

Every problem with the input becomes a `ResultsError` naming the file and what was
expected; `run_cli` turns it into one line on stderr,

    error: <path>: <what is missing, what was expected>

and exit status 2, never a Python traceback. Set CALLSIM_PLOT_DEBUG=1 to get the
traceback of an unexpected failure (a bug in these scripts) instead of its one line.

Numbers are parsed with Python's `float` (locale-independent, '.' as decimal mark;
`inf` accepted); an empty cell is "undefined" (NaN).

Nothing here imports matplotlib: the scripts validate their input first, so a bad
folder fails fast and quietly. `figure_tools()` gives the plotting helpers once the
data are known to be good.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------------------
# Errors


class ResultsError(Exception):
    """A problem with the input or output folder: reported as `error: <path>: <message>`."""

    def __init__(self, path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message

    def line(self) -> str:
        return f"error: {self.path}: {self.message}"


def run_cli(main, argv=None) -> int:
    """Run `main(argv)`; map ResultsError to exit 2, any other failure to exit 1, one line each."""
    try:
        main(argv)
        return 0
    except ResultsError as err:
        print(err.line(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug in the plot scripts, not in the input
        if os.environ.get("CALLSIM_PLOT_DEBUG"):
            raise
        where = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "plot script"
        print(f"error: {where}: internal error ({type(err).__name__}: {err}); "
              f"rerun with CALLSIM_PLOT_DEBUG=1 for details", file=sys.stderr)
        return 1


# ---------------------------------------------------------------------------
# The folder

SUMMARY = "summary.json"
HOURLY = "hourly.csv"
WAITS = "waits.csv"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_TYPES = WEEKDAYS + ("holiday",)


def results_folder(path, needed) -> Path:
    """Check that `path` is a folder holding every file in `needed`; return it as a Path."""
    folder = Path(path)
    expected = "a results folder written by `callsim run`, with " + " and ".join(needed)
    if not folder.exists():
        raise ResultsError(folder, f"no such folder (expected {expected})")
    if not folder.is_dir():
        raise ResultsError(folder, f"not a folder (expected {expected})")
    for name in needed:
        f = folder / name
        if not f.is_file():
            what = {SUMMARY: "the run summary", HOURLY: "the hourly table",
                    WAITS: "the wait-time histogram"}.get(name, "a results file")
            raise ResultsError(f, f"file not found (expected {what} written by `callsim run`)")
    return folder


def output_folder(path) -> Path:
    """Create the output folder if needed; report a clear error when that is impossible."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ResultsError(out, f"cannot create the output folder ({err.strerror or err})")
    if not os.access(out, os.W_OK):
        raise ResultsError(out, "output folder is not writable")
    return out


# ---------------------------------------------------------------------------
# summary.json


@dataclass
class Summary:
    scenario: str
    seed: object            # int normally; shown as given
    replications: object    # int normally; None when absent
    version: str | None
    metrics: dict
    raw: dict

    def metric_mean(self, name):
        m = self.metrics.get(name)
        if isinstance(m, dict) and isinstance(m.get("mean"), (int, float)):
            return float(m["mean"])
        return None

    def stamp(self) -> str:
        """The corner label: scenario, seed, replications (and version when known)."""
        parts = [f"scenario: {self.scenario}", f"seed: {self.seed}"]
        if self.replications is not None:
            parts.append(f"replications: {self.replications}")
        if self.version:
            parts.append(f"callsim {self.version}")
        return "  ·  ".join(parts)


def read_summary(folder: Path) -> Summary:
    path = folder / SUMMARY
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ResultsError(path, f"cannot read ({err})")
    if not text.strip():
        raise ResultsError(path, "empty file (expected a JSON object with scenario, seed, metrics)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ResultsError(path, f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})")
    if not isinstance(data, dict):
        raise ResultsError(path, "expected a JSON object with scenario, seed, metrics")
    missing = [k for k in ("scenario", "seed") if k not in data]
    if missing:
        raise ResultsError(path, "missing key(s) " + ", ".join(repr(k) for k in missing)
                           + " (expected the scenario name and the run's seed)")
    metrics = data.get("metrics")
    if metrics is None:
        metrics = {}
    if not isinstance(metrics, dict):
        raise ResultsError(path, "'metrics' is not an object (expected {name: {mean, ci95, ...}})")
    version = data.get("version")
    return Summary(scenario=str(data["scenario"]), seed=data["seed"],
                   replications=data.get("replications"),
                   version=str(version) if version not in (None, "") else None,
                   metrics=metrics, raw=data)


# ---------------------------------------------------------------------------
# CSV reading


def _read_csv(path: Path, required, optional=(), row_name=None):
    """Read a comma-separated file with a header; return (columns present, rows as dicts).

    Checks the header for `required` columns. Each row gets its line number under '__line__'.
    `row_name` says what one row is, for the "no data rows" message (default: simulated
    hour for hourly.csv, wait-time bin otherwise).
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            try:
                header = next(reader)
            except StopIteration:
                raise ResultsError(path, "empty file (expected a header line with columns "
                                   + ", ".join(required) + ")")
            header = [h.strip() for h in header]
            missing = [c for c in required if c not in header]
            if missing:
                raise ResultsError(
                    path, "missing column" + ("s " if len(missing) > 1 else " ")
                    + ", ".join(repr(c) for c in missing)
                    + " (expected columns " + ", ".join(required) + "; found "
                    + (", ".join(h for h in header if h) or "none") + ")")
            wanted = [c for c in list(required) + list(optional) if c in header]
            index = {c: header.index(c) for c in wanted}
            rows = []
            for cells in reader:
                line = reader.line_num
                if not cells or all(not c.strip() for c in cells):
                    continue
                if len(cells) < len(header):
                    cells = cells + [""] * (len(header) - len(cells))
                row = {c: cells[i].strip() for c, i in index.items()}
                row["__line__"] = line
                rows.append(row)
    except ResultsError:
        raise
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ResultsError(path, f"cannot read ({err})")
    if not rows:
        raise ResultsError(path, "no data rows (expected one row per "
                           + (row_name or ("simulated hour" if path.name == HOURLY else "wait-time bin"))
                           + " after the header)")
    return wanted, rows


def _number(path, row, column, allow_empty=True):
    text = row[column]
    if text == "":
        if allow_empty:
            return math.nan
        raise ResultsError(path, f"line {row['__line__']}: column {column!r} is empty (expected a number)")
    try:
        value = float(text)
    except ValueError:
        raise ResultsError(path, f"line {row['__line__']}: column {column!r} is {text!r} (expected a number)")
    if math.isnan(value) and not allow_empty:
        raise ResultsError(path, f"line {row['__line__']}: column {column!r} is {text!r} (expected a number)")
    return value


# ---------------------------------------------------------------------------
# hourly.csv

HOURLY_REQUIRED = ("date", "hour", "agents_on_phones", "total_inflow", "inflow", "answered",
                   "answer_rate")
HOURLY_OPTIONAL = ("weekday", "agents_scheduled", "abandoned", "blocked", "service_level",
                   "answer_rate_total", "asa_seconds", "occupancy")
_COUNTS = ("agents_on_phones", "agents_scheduled", "total_inflow", "inflow", "answered",
           "abandoned", "blocked")
_RATES = ("answer_rate", "answer_rate_total", "service_level", "occupancy")


def _parse_hour(path, row):
    text = row["hour"]
    clock = text.split(":")
    try:
        hour = int(clock[0])
        if len(clock) > 1 and int(clock[1]) != 0:
            raise ValueError
    except ValueError:
        raise ResultsError(path, f"line {row['__line__']}: hour {text!r} is not a whole hour (expected 0-23)")
    if not 0 <= hour <= 23:
        raise ResultsError(path, f"line {row['__line__']}: hour {text!r} is out of range (expected 0-23)")
    return hour


def read_hourly(folder: Path):
    """hourly.csv as a pandas DataFrame sorted by time.

    Columns: every required one, the optional ones found (numeric, NaN when empty),
    plus `date` (datetime.date), `hour` (int), `weekday` (mon..sun or holiday; derived
    from the date when the file has no weekday column), `timestamp` (pandas Timestamp of
    the hour's start) and `answer_rate_total` (answered / total_inflow when the file
    lacks it).
    """
    import pandas as pd

    path = folder / HOURLY
    present, rows = _read_csv(path, HOURLY_REQUIRED, HOURLY_OPTIONAL)
    records = []
    seen = {}
    for row in rows:
        line = row["__line__"]
        try:
            date = _dt.date.fromisoformat(row["date"])
        except ValueError:
            raise ResultsError(path, f"line {line}: date {row['date']!r} is not a date (expected YYYY-MM-DD)")
        hour = _parse_hour(path, row)
        if (date, hour) in seen:
            raise ResultsError(path, f"line {line}: a second row for {date} hour {hour} "
                               f"(first on line {seen[(date, hour)]}; expected one row per hour)")
        seen[(date, hour)] = line
        rec = {"date": date, "hour": hour}
        if "weekday" in present:
            wd = row["weekday"].lower()
            if wd not in DAY_TYPES:
                raise ResultsError(path, f"line {line}: weekday {row['weekday']!r} is not a day type "
                                   f"(expected one of {', '.join(DAY_TYPES)})")
            rec["weekday"] = wd
        else:
            rec["weekday"] = WEEKDAYS[date.weekday()]
        for col in present:
            if col in ("date", "hour", "weekday"):
                continue
            rec[col] = _number(path, row, col)  # empty = undefined, drawn as a gap
            if col in _COUNTS and not (rec[col] >= 0 or math.isnan(rec[col])):
                raise ResultsError(path, f"line {line}: column {col!r} is {row[col]!r} (expected a count >= 0)")
        records.append(rec)

    frame = pd.DataFrame.from_records(records)
    frame["timestamp"] = pd.to_datetime([_dt.datetime.combine(d, _dt.time(h))
                                         for d, h in zip(frame["date"], frame["hour"])])
    frame = frame.sort_values("timestamp").reset_index(drop=True)
    if "answer_rate_total" not in frame.columns:
        tot = frame["total_inflow"].where(frame["total_inflow"] > 0)
        frame["answer_rate_total"] = frame["answered"] / tot
    return frame


# ---------------------------------------------------------------------------
# waits.csv

WAITS_REQUIRED = ("wait_from_seconds", "wait_to_seconds", "answered", "abandoned")


def read_waits(folder: Path):
    """waits.csv as a pandas DataFrame of bins in order: from, to (inf allowed last), counts.

    The first row may run from 0 to 0: calls that waited exactly 0 s (answered on arrival),
    counted apart so that shares at 0 are exact (callsim writes it; older folders lack it)."""
    import pandas as pd

    path = folder / WAITS
    _, rows = _read_csv(path, WAITS_REQUIRED)
    records = []
    for i, row in enumerate(rows):
        line = row["__line__"]
        lo = _number(path, row, "wait_from_seconds", allow_empty=False)
        hi = _number(path, row, "wait_to_seconds", allow_empty=False)
        ans = _number(path, row, "answered", allow_empty=False)
        ab = _number(path, row, "abandoned", allow_empty=False)
        if not (math.isfinite(lo) and lo >= 0):
            raise ResultsError(path, f"line {line}: wait_from_seconds {row['wait_from_seconds']!r} "
                               "(expected a finite number of seconds >= 0)")
        zero_row = i == 0 and lo == 0 and hi == 0
        if not (hi > lo or zero_row):
            raise ResultsError(path, f"line {line}: bin [{row['wait_from_seconds']}, "
                               f"{row['wait_to_seconds']}) is empty (expected wait_to_seconds > wait_from_seconds)")
        if math.isinf(hi) and i != len(rows) - 1:
            raise ResultsError(path, f"line {line}: only the last bin may end at inf")
        if records and lo < records[-1]["to"]:
            raise ResultsError(path, f"line {line}: bin starting at {row['wait_from_seconds']} s overlaps "
                               f"the previous one (expected bins in increasing order)")
        for name, v in (("answered", ans), ("abandoned", ab)):
            if not (math.isfinite(v) and v >= 0):
                raise ResultsError(path, f"line {line}: column {name!r} is {row[name]!r} (expected a count >= 0)")
        records.append({"from": lo, "to": hi, "answered": ans, "abandoned": ab})
    return pd.DataFrame.from_records(records)


# ---------------------------------------------------------------------------
# Shared figure conventions (imported lazily: matplotlib only after the input is good)

DPI = 100


def parse_target(text: str, accept, expected: str):
    """(METRIC, NUMBER) from a `--target METRIC=NUMBER` text, when `accept(metric, number)`;
    a ResultsError saying `expected` otherwise."""
    name, sep, value = text.partition("=")
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    name = name.strip()
    if not sep or not name or not math.isfinite(number) or not accept(name, number):
        raise ResultsError(Path("--target"), f"expected {expected}, found {text!r}")
    return name, number


def figure_tools():
    """Import matplotlib with the Agg backend and apply the shared style; return pyplot."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "legend.fontsize": 9,
        "hatch.linewidth": 0.6,
        "axes.grid": True,
        "grid.color": "#d0d0d0",
        "grid.linewidth": 0.6,
        "axes.axisbelow": True,
        "svg.fonttype": "none",   # text stays text in the SVG
        "svg.hashsalt": "callsim",  # stable ids: reproducible SVGs
    })
    return plt


def stamp(fig, summary: Summary):
    """Scenario, seed and replications in the bottom-right corner of the figure."""
    fig.text(0.995, 0.005, summary.stamp(), ha="right", va="bottom", fontsize=8, color="#333333")


def save(fig, out: Path, name: str):
    """Write NAME.png and NAME.svg at exactly the figure's size (no tight bbox); return paths."""
    written = []
    for ext in ("png", "svg"):
        target = out / f"{name}.{ext}"
        tmp = out / f".{name}.tmp.{ext}"
        try:
            fig.savefig(tmp, dpi=DPI, format=ext,
                        metadata={"Software": "callsim plot-scripts"} if ext == "png"
                        else {"Date": None})
            os.replace(tmp, target)
        except OSError as err:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise ResultsError(target, f"cannot write ({err.strerror or err})")
        written.append(target)
    return written
