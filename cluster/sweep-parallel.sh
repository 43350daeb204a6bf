#!/bin/bash
# The GNU parallel equivalent of submit-sweep.sh: N shards of a callsim sweep run by GNU
# parallel, on this machine or over ssh hosts, then merged.
#
#   cluster/sweep-parallel.sh SWEEP.yaml OUT_DIR N [parallel options...]
#   cluster/sweep-parallel.sh sweep.yaml /shared/out 16 --sshloginfile hosts.txt
#
# With hosts, OUT_DIR must be shared and callsim installed on each (CALLSIM names it).
# Rerunning after a failure resumes every shard where it stopped.
set -euo pipefail
SWEEP=${1:?usage: sweep-parallel.sh SWEEP.yaml OUT_DIR N [parallel options...]}
OUT=${2:?usage: sweep-parallel.sh SWEEP.yaml OUT_DIR N [parallel options...]}
N=${3:?usage: sweep-parallel.sh SWEEP.yaml OUT_DIR N [parallel options...]}
shift 3
CALLSIM=${CALLSIM:-callsim}
mkdir -p "$OUT"
parallel --halt now,fail=1 --line-buffer "$@" \
  "$CALLSIM" sweep "$SWEEP" --shard {}/"$N" --out "$OUT/shard-{}" --threads 1 --quiet ::: $(seq 1 "$N")
"$CALLSIM" merge "$OUT"/shard-* --out "$OUT/merged"
