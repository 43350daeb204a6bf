#!/bin/bash
# Submits a callsim sweep to Slurm as a job array of N shards and a merge job that runs
# once all of them have ended (--dependency=afterany): it merges them, or fails with one
# error line naming the points missing when a shard failed (it never waits forever on a
# dependency that can no longer be met). Prints the binary used and the two job ids.
#
#   cluster/submit-sweep.sh SWEEP.yaml OUT_DIR N [extra sbatch options...]
#
# OUT_DIR must be on a file system every node sees. The binary: CALLSIM if set, else this
# repository's .build/release/callsim if built, else callsim on PATH; its absolute path is
# passed to the jobs through the environment.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SWEEP=${1:?usage: submit-sweep.sh SWEEP.yaml OUT_DIR N [sbatch options...]}
OUT=${2:?usage: submit-sweep.sh SWEEP.yaml OUT_DIR N [sbatch options...]}
N=${3:?usage: submit-sweep.sh SWEEP.yaml OUT_DIR N [sbatch options...]}
shift 3
if [ -z "${CALLSIM:-}" ]; then
  if [ -x "$here/../.build/release/callsim" ]; then CALLSIM="$here/../.build/release/callsim"
  else CALLSIM=$(command -v callsim || true)
  fi
fi
[ -n "$CALLSIM" ] && command -v "$CALLSIM" >/dev/null \
  || { echo "submit-sweep: no callsim binary: build it (swift build -c release), put callsim on PATH or set CALLSIM" >&2; exit 1; }
CALLSIM=$(cd "$(dirname "$(command -v "$CALLSIM")")" && pwd)/$(basename "$CALLSIM")
echo "using $CALLSIM"
mkdir -p "$OUT"
export CALLSIM SHARDS=$N
array=$(sbatch --parsable --export=ALL --array="1-$N" --output="$OUT/slurm-%A_%a.out" "$@" \
  "$here/sweep-array.sbatch" "$SWEEP" "$OUT")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency="afterany:$array" --output="$OUT/slurm-%j-merge.out" "$@" \
  "$here/sweep-merge.sbatch" "$OUT")
merge=${merge%%;*}
echo "array job $array ($N shards), merge job $merge -> $OUT/merged/points.csv"
