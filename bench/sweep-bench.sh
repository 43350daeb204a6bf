#!/bin/bash
# Speed-up of `callsim sweep` from --threads 1 to --threads 2 on bench/sweep-bench.yaml
# (16 CPU-bound points). Each thread count runs REPEAT times, alternating; the best wall
# time of each is kept (the least disturbed by other work on a shared machine). Also
# checks that both give the same points.csv, byte for byte.
#
#   bench/sweep-bench.sh [CALLSIM]        (make sweep-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CALLSIM=${1:-$here/../.build/release/callsim}
REPEAT=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
best1=999999 best2=999999
for i in $(seq "$REPEAT"); do
  for t in 1 2; do
    rm -rf "$work/t$t"
    s=$(date +%s.%N)
    "$CALLSIM" sweep "$here/sweep-bench.yaml" --out "$work/t$t" --threads "$t" --quiet
    e=$(date +%s.%N)
    w=$(echo "$e - $s" | bc -l)
    if [ "$t" = 1 ]; then best1=$(echo "if ($w < $best1) $w else $best1" | bc -l); else best2=$(echo "if ($w < $best2) $w else $best2" | bc -l); fi
  done
done
cmp "$work/t1/points.csv" "$work/t2/points.csv"
printf 'sweep-bench: --threads 1 %.2f s, --threads 2 %.2f s, speed-up %.2fx (best of %d; load average %s)\n' \
  "$best1" "$best2" "$(echo "$best1 / $best2" | bc -l)" "$REPEAT" "$(cut -d' ' -f1-3 /proc/loadavg)"
