#!/bin/bash
# Speed-up of `callsim sweep` from --threads 1 to --threads 2 on bench/sweep-bench.yaml
# (16 CPU-bound points). Each thread count runs REPEAT times, alternating; the best wall
# time of each is kept (the least disturbed by other work on a shared machine), with the
# CPU seconds (user + system) of that run: CPU / wall is how many cores it kept busy.
# Also checks that both give the same points.csv, byte for byte.
#
#   bench/sweep-bench.sh [CALLSIM]        (make sweep-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CALLSIM=${1:-$here/../.build/release/callsim}
REPEAT=${REPEAT:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A wall cpu
wall[1]=999999; wall[2]=999999
TIMEFORMAT='%R %U %S'
for i in $(seq "$REPEAT"); do
  for t in 1 2; do
    rm -rf "$work/t$t"
    read -r w u s < <({ time "$CALLSIM" sweep "$here/sweep-bench.yaml" --out "$work/t$t" --threads "$t" --quiet; } 2>&1)
    if [ "$(echo "$w < ${wall[$t]}" | bc -l)" = 1 ]; then wall[$t]=$w; cpu[$t]=$(echo "$u + $s" | bc -l); fi
  done
done
cmp "$work/t1/points.csv" "$work/t2/points.csv"
printf 'sweep-bench: --threads 1 %.2f s (CPU %.2f s), --threads 2 %.2f s (CPU %.2f s, %.2f cores busy), speed-up %.2fx (best of %d; load average after: %s)\n' \
  "${wall[1]}" "${cpu[1]}" "${wall[2]}" "${cpu[2]}" "$(echo "${cpu[2]} / ${wall[2]}" | bc -l)" \
  "$(echo "${wall[1]} / ${wall[2]}" | bc -l)" "$REPEAT" "$(cut -d' ' -f1-3 /proc/loadavg)"
