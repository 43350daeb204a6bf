#!/bin/bash
# End-to-end test of the Slurm scripts on a single-node Slurm cluster started here:
#
#   1. installs Debian's slurmctld, slurmd, slurm-client and munge if missing (apt-get, root);
#   2. starts munged, slurmctld and slurmd with their own socket, ports, state and pid files
#      in a temporary folder (no systemd, no change to /etc, nothing shared with another
#      cluster on the machine);
#   3. runs the example sweep unsharded, then submits it with submit-sweep.sh as the sweep
#      README does (no CALLSIM: the script finds this repository's binary) as a job array of
#      SHARDS tasks and its merge job (--dependency=afterany), and waits for the merge;
#   4. checks that the merged points.csv equals the unsharded one, byte for byte;
#   5. submits it again with shard 2 made to fail (its folder holds a stray file) and checks
#      that the merge job ends failed, with the merge's error line, instead of waiting;
#   6. stops the daemons it started, by the pids in their pid files.
#
#   cluster/slurm-test.sh            (make slurm-test; about 1 min, plus apt on a first run)
#
# Needs root and a built .build/release/callsim. Exit 0 when the files are equal.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SWEEP=${SWEEP:-Scenarios/sweeps/three-fields-modes.yaml}
SHARDS=${SHARDS:-3}
TIMEOUT=${TIMEOUT:-300}      # seconds to wait for the jobs
PORT=${PORT:-16817}          # slurmctld; slurmd uses PORT + 1
CALLSIM="$root/.build/release/callsim"

say() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs packages and starts daemons)"
[ -x "$CALLSIM" ] || fail "$CALLSIM not built (swift build -c release)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurmctld slurmd slurm-client munge"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurmctld slurmd slurm-client munge >/dev/null
fi

work=$(mktemp -d /run/callsim-slurm-test.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/out"
chown munge:munge "$work/munge"
chmod 755 "$work/munge"
start=$(date +%s)

stop_daemons() {
  for f in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    if [ -s "$f" ]; then
      pid=$(cat "$f")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
}
cleanup() {
  status=$?
  stop_daemons
  if [ "$status" != 0 ]; then
    for log in "$work"/*.log "$work"/out/*.out; do [ -f "$log" ] && { echo "--- $log"; tail -20 "$log"; }; done
  fi
  rm -rf "$work"
  say "took $(( $(date +%s) - start )) s"
}
trap cleanup EXIT

# munge: the machine's key; our own socket, pid, log and seed files.
key=/etc/munge/munge.key
[ -s "$key" ] || { mungekey --create --keyfile="$key"; chown munge:munge "$key"; chmod 400 "$key"; }
socket="$work/munge/munge.socket"
runuser -u munge -- munged --socket="$socket" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" --key-file="$key"
munge -S "$socket" -n | unmunge -S "$socket" >/dev/null || fail "munge does not work"

host=$(hostname -s)
cat >"$work/slurm.conf" <<CONF
ClusterName=callsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 0.5
done
sinfo -h -o %T | grep -q idle || fail "the node did not come up idle: $(sinfo 2>&1 | tail -2)"
say "cluster up ($host, $(nproc) CPUs) in $(( $(date +%s) - start )) s"


cd "$root"
"$CALLSIM" sweep "$SWEEP" --out "$work/whole" --quiet

# Submits the sweep into $1 as the sweep README does (CALLSIM unset) and waits for every job;
# prints the merge job's id.
submit_and_wait() {
  local submitted merge deadline
  submitted=$(env -u CALLSIM cluster/submit-sweep.sh "$SWEEP" "$1" "$SHARDS")
  say "$(echo "$submitted" | tr '\n' ' ')" >&2
  echo "$submitted" | grep -qx "using $CALLSIM" || fail "submit-sweep.sh did not find $CALLSIM: $submitted"
  merge=$(echo "$submitted" | sed -n 's/.*merge job \([0-9]*\).*/\1/p')
  deadline=$(( $(date +%s) + TIMEOUT ))
  while squeue -h 2>/dev/null | grep -q .; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "jobs still queued after $TIMEOUT s: $(squeue)"
    sleep 1
  done
  echo "$merge"
}

merge=$(submit_and_wait "$work/out")
[ -f "$work/out/merged/points.csv" ] || fail "the merge job $merge wrote no points.csv"
cmp "$work/out/merged/points.csv" "$work/whole/points.csv" || fail "merged points.csv differs from the unsharded one"
rows=$(( $(wc -l <"$work/whole/points.csv") - 1 ))
say "PASS: merged points.csv of $SHARDS shards equals the unsharded sweep's ($rows points)"

# Shard 2 fails (callsim refuses a folder holding other files): the merge job must run and
# fail with the merge's error line, not wait forever on a dependency that cannot be met.
mkdir -p "$work/failed/shard-2"
echo stray >"$work/failed/shard-2/stray.txt"
merge=$(submit_and_wait "$work/failed")
[ ! -e "$work/failed/merged/points.csv" ] || fail "the merge job $merge merged despite a failed shard"
grep -q "^error: " "$work/failed"/slurm-*-merge.out || fail "the merge job's output has no merge error: $(cat "$work/failed"/slurm-*-merge.out)"
say "PASS: with shard 2 failed, the merge job $merge failed: $(grep -h '^error:' "$work/failed"/slurm-*-merge.out | cut -c1-100)…"
