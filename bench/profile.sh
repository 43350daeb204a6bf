#!/bin/bash
# Instruction counts (valgrind --tool=callgrind) of callsim against the C reference loop on
# the same number of calls: the Erlang A reference case of `callsim bench` (600 calls/h,
# exponential 5 min handle, 48 agents, exponential 3 min patience) over DAYS days (70: about
# 1.0 M calls), run as a whole process `callsim run --replications 1 --threads 1 --quiet`,
# and bench/c-reference/erlanga.c (mt19937) for the calls callsim counted. Prints instructions
# per call of both, their ratio, and the top functions of each (self cost).
#
# callgrind cannot read this toolchain's DWARF 5, so it runs on a copy of the binary with
# its debug info stripped (`strip --strip-debug`; symbols stay, so functions keep names).
# Instruction counts do not depend on what else the machine does: they are the number to
# track; times are checked beside them (`callsim bench`).
#
#   bench/profile.sh [CALLSIM] [SCENARIO]     (make profile)
#
# With SCENARIO, that scenario (replications 1) is profiled instead of the reference case
# and only callsim's numbers are printed (and the C loop's per call, for scale).
# Environment: DAYS (70), TOP (15 functions), C_REFERENCE (bench/c-reference),
# OUT (a folder to keep the callgrind files in; a temporary one by default).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CALLSIM=${1:-$here/../.build/release/callsim}
SCENARIO=${2:-}
DAYS=${DAYS:-70}
TOP=${TOP:-15}
C_REFERENCE=${C_REFERENCE:-$here/c-reference}
command -v valgrind >/dev/null || { echo "profile: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
if [ -n "${OUT:-}" ]; then work=$OUT; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi

cp "$CALLSIM" "$work/callsim"
strip --strip-debug "$work/callsim"

# Total instructions (Ir) of a callgrind output file.
instructions() { awk '/^(summary|totals):/ { print $2; exit }' "$1"; }
top() {
  callgrind_annotate --inclusive=no "$1" 2>/dev/null \
    | awk -v n="$TOP" '/file:function/ { on = 1; next } on && NF && !/^-+$/ && n-- > 0 { print "  " $0 }' \
    | cut -c1-200
}

if [ -n "$SCENARIO" ]; then
  scenario=$SCENARIO; label=$(basename "$SCENARIO"); extra=(--allow-outside)
else
  scenario=$work/reference.yaml; label="Erlang A reference, $DAYS days"; extra=()
  cat >"$scenario" <<EOF
scenario: bench-reference
simulation: {days: $DAYS, replications: 1, seed: 12345}
arrivals: {per_hour: 600}
call_types:
  call:
    handle: {dist: exponential, mean: 5m}
    patience: {dist: exponential, mean: 3m}
agents: 48
EOF
fi
valgrind --tool=callgrind --callgrind-out-file="$work/callsim.out" \
  "$work/callsim" run "$scenario" --replications 1 --threads 1 --quiet --out "$work/run" "${extra[@]}" 2>"$work/callsim.log" \
  || { cat "$work/callsim.log" >&2; exit 1; }
calls=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(int(round(s["metrics"]["total_inflow"]["mean"])))' "$work/run/summary.json")
ir=$(instructions "$work/callsim.out")

make -s -C "$C_REFERENCE" OUT="$work/c" >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$work/c.out" "$work/c/erlanga" mt19937 "$calls" 12345 >"$work/c.txt" 2>"$work/c.log"
c_ir=$(instructions "$work/c.out")

echo "callsim ($label): $calls calls, $ir instructions, $(echo "scale=1; $ir / $calls" | bc) per call"
echo "C reference loop (erlanga.c, mt19937): $calls calls, $c_ir instructions, $(echo "scale=1; $c_ir / $calls" | bc) per call"
echo "callsim / C: $(echo "scale=3; $ir / $c_ir" | bc)"
echo "callsim, top $TOP functions (self instructions):"
top "$work/callsim.out"
echo "C reference loop, top 5 functions:"
TOP=5 top "$work/c.out"
