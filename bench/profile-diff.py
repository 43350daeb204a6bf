#!/usr/bin/env python3
"""Where two builds' instruction counts differ: the functions whose self cost (instructions)
changed most between two callgrind files, e.g. the `callsim.out` that `OUT=dir
bench/profile.sh` keeps for each build.

    bench/profile-diff.py BASE.out NEW.out [--top N]

Prints the change, the base's and the new build's self instructions, and the function.
Compare the two profiles of the same scenario and days; divide by the calls to get
instructions per call.
"""
import argparse
import re
import subprocess
import sys


def self_costs(path: str) -> dict[str, int]:
    """Self instructions by function (callgrind_annotate, all functions)."""
    out = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--threshold=100", path],
        capture_output=True, text=True, check=True).stdout
    costs: dict[str, int] = {}
    listing = False
    for line in out.splitlines():
        if "file:function" in line:
            listing = True
            continue
        match = listing and re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(\S+)", line)
        if match:
            name = match.group(2).split(":", 1)[-1]
            costs[name] = costs.get(name, 0) + int(match.group(1).replace(",", ""))
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("--top", type=int, default=25, help="functions to list (25)")
    args = parser.parse_args()
    base, new = self_costs(args.base), self_costs(args.new)
    names = sorted(set(base) | set(new), key=lambda n: -abs(new.get(n, 0) - base.get(n, 0)))
    print(f"{'change':>14} {'base':>14} {'new':>14}  function")
    for name in names[:args.top]:
        b, n = base.get(name, 0), new.get(name, 0)
        print(f"{n - b:>14,} {b:>14,} {n:>14,}  {name[:150]}")
    print(f"{sum(new.values()) - sum(base.values()):>14,} {sum(base.values()):>14,} {sum(new.values()):>14,}  (all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
