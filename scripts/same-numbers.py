#!/usr/bin/env python3
"""Check that a refactor changed no number: run every scenario in Scenarios/ with two
builds of callsim (same seed and replications) and compare their results.

    scripts/same-numbers.py BASE_CALLSIM NEW_CALLSIM [--replications N] [--seed S]
                            [--trace SCENARIO ...] [--only SUBSTRING ...]

summary.json, every hourly table and waits.csv must be equal, except for keys and
columns the new build adds (listed, not failed). With --trace, calls.csv and agents.csv of
the named scenarios must be byte-identical too. Exit status 1 when anything differs.
Scenarios that both builds refuse (parts, plan-only files) are skipped and listed.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["hourly.csv", "hourly_types.csv", "hourly_groups.csv", "waits.csv"]
TRACES = ["calls.csv", "agents.csv"]


def scenarios():
    for path in sorted((ROOT / "Scenarios").rglob("*.yaml")):
        if "parts" in path.parts or path.parent.name == "sweeps" and "modes" in path.name:
            continue
        yield path


def run(binary, scenario, out, args, trace):
    command = [binary, "run", str(scenario), "--out", str(out), "--quiet", "--seed", str(args.seed),
               "--replications", str(args.replications)]
    if trace:
        command.append("--trace")
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, result.stderr.strip()


def compare_json(base, new, path, differences, added):
    if isinstance(base, dict) and isinstance(new, dict):
        for key in base:
            if key not in new:
                differences.append(f"{path}.{key}: missing in the new build")
            else:
                compare_json(base[key], new[key], f"{path}.{key}", differences, added)
        added.update(f"{path}.{key}" for key in new if key not in base)
    elif isinstance(base, list) and isinstance(new, list):
        if len(base) != len(new):
            differences.append(f"{path}: {len(base)} items, now {len(new)}")
        for index, (b, n) in enumerate(zip(base, new)):
            compare_json(b, n, f"{path}[{index}]", differences, added)
    elif base != new and path.rsplit(".", 1)[-1] not in ("wall_time_seconds", "version"):
        differences.append(f"{path}: {base!r} → {new!r}")


def compare_csv(base_file, new_file, differences, added):
    with open(base_file, newline="") as b, open(new_file, newline="") as n:
        base_rows, new_rows = list(csv.DictReader(b)), list(csv.DictReader(n))
    if len(base_rows) != len(new_rows):
        differences.append(f"{base_file.name}: {len(base_rows)} rows, now {len(new_rows)}")
        return
    if not base_rows:
        return
    added.update(f"{base_file.name}:{c}" for c in new_rows[0] if c not in base_rows[0])
    for index, (b, n) in enumerate(zip(base_rows, new_rows)):
        for column, value in b.items():
            if n.get(column) != value:
                differences.append(f"{base_file.name} row {index + 2} {column}: {value} → {n.get(column)}")
                return


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("--replications", type=int, default=2)
    parser.add_argument("--seed", type=int, default=29)
    parser.add_argument("--trace", nargs="*", default=[], help="scenario names whose traces must match")
    parser.add_argument("--only", nargs="*", default=[], help="only scenarios whose path contains one of these")
    args = parser.parse_args()

    failed, skipped = False, []
    with tempfile.TemporaryDirectory(prefix="same-numbers-") as scratch:
        for scenario in scenarios():
            name = str(scenario.relative_to(ROOT / "Scenarios"))
            if args.only and not any(part in name for part in args.only):
                continue
            trace = scenario.stem in args.trace
            folders = [Path(scratch) / f"{side}-{scenario.stem}-{abs(hash(name))}" for side in ("base", "new")]
            (base_status, base_error), (new_status, new_error) = (
                run(binary, scenario, folder, args, trace) for binary, folder in zip((args.base, args.new), folders))
            if base_status != 0 or new_status != 0:
                if base_status != 0 and new_status != 0 and base_error == new_error:
                    skipped.append(name)
                else:
                    failed = True
                    print(f"DIFF {name}: exit {base_status} → {new_status}\n  {base_error}\n  {new_error}")
                continue
            differences, added = [], set()
            compare_json(json.loads((folders[0] / "summary.json").read_text()),
                         json.loads((folders[1] / "summary.json").read_text()), "", differences, added)
            for table in TABLES:
                if (folders[0] / table).exists():
                    compare_csv(folders[0] / table, folders[1] / table, differences, added)
            for table in TRACES if trace else []:
                if (folders[0] / table).read_bytes() != (folders[1] / table).read_bytes():
                    differences.append(f"{table}: not byte-identical")
            status = "DIFF" if differences else "same"
            failed |= bool(differences)
            print(f"{status} {name}" + (f" (trace)" if trace else "") + (f"; new: {', '.join(sorted(added))}" if added else ""))
            for line in differences[:20]:
                print("  " + line)
            for folder in folders:
                subprocess.run(["rm", "-rf", str(folder)])
    if skipped:
        print("skipped (refused by both builds the same way): " + ", ".join(skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
