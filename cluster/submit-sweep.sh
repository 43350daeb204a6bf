#!/bin/bash
# Submits a callsim sweep to Slurm as a job array of N shards and a merge job that waits
# for all of them (--dependency=afterok). Prints the two job ids.
#
#   cluster/submit-sweep.sh SWEEP.yaml OUT_DIR N [extra sbatch options...]
#
# OUT_DIR must be on a file system every node sees. CALLSIM names the binary (default:
# callsim on PATH); it is passed to the jobs through the environment.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SWEEP=${1:?usage: submit-sweep.sh SWEEP.yaml OUT_DIR N [sbatch options...]}
OUT=${2:?usage: submit-sweep.sh SWEEP.yaml OUT_DIR N [sbatch options...]}
N=${3:?usage: submit-sweep.sh SWEEP.yaml OUT_DIR N [sbatch options...]}
shift 3
mkdir -p "$OUT"
export CALLSIM=${CALLSIM:-callsim} SHARDS=$N
array=$(sbatch --parsable --export=ALL --array="1-$N" --output="$OUT/slurm-%A_%a.out" "$@" \
  "$here/sweep-array.sbatch" "$SWEEP" "$OUT")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --output="$OUT/slurm-%j-merge.out" "$@" \
  "$here/sweep-merge.sbatch" "$OUT")
merge=${merge%%;*}
echo "array job $array ($N shards), merge job $merge -> $OUT/merged/points.csv"
