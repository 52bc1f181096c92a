#!/bin/bash
# Run rows of the experiments registry one after another, each through experiments/slot.sh (one pinned core, one thread).
#
#   experiments/queue.sh QUEUE_FILE [LOG_DIR]
#
# QUEUE_FILE holds one "NAME SEED" per line. Each worker takes the first line under a lock, so two workers
# started on the same file share the queue (one per free core) and never run the same row twice. A row whose
# result (nbs/results/experiments/NAME-seedS.json) already exists is skipped. No new row is started after
# $STOP_AT (a `date -d` time, e.g. "2026-12-05 00:30"; default: never). Logs: LOG_DIR/NAME-seedS.log.
set -u
queue=$1; logs=${2:-/tmp/expwork/logs}; mkdir -p "$logs"
cd "$(dirname "$0")/.."
export RIN_TEXT_DATA=${RIN_TEXT_DATA:-/work/shared/data} HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1
stop=$( [ -n "${STOP_AT:-}" ] && date -d "$STOP_AT" +%s || echo 9999999999 )
while true; do
  line=$(flock "$queue.lock" bash -c 'l=$(grep -m1 -v "^\s*\(#\|$\)" "$0"); [ -n "$l" ] && { grep -vxF "$l" "$0" > "$0.tmp"; mv "$0.tmp" "$0"; }; echo "$l"' "$queue")
  [ -z "$line" ] && { echo "[queue $$] queue empty"; exit 0; }
  read -r name seed <<< "$line"
  if [ "$(date +%s)" -ge "$stop" ]; then echo "[queue $$] past $STOP_AT: not starting $name seed $seed"; exit 0; fi
  if [ -f "nbs/results/experiments/$name-seed$seed.json" ]; then echo "[queue $$] $name seed $seed done already"; continue; fi
  echo "[queue $$] $(date +%T) start $name seed $seed"
  # the stop time is checked again once slot.sh has a core (the wait for one can be long)
  experiments/slot.sh bash -c '[ "$(date +%s)" -lt "$0" ] || { echo "past the stop time: not started"; exit 99; }
                               exec python experiments/run.py "$1" --seed "$2"' "$stop" "$name" "$seed" \
      > "$logs/$name-seed$seed.log" 2>&1
  rc=$?
  echo "[queue $$] $(date +%T) end $name seed $seed rc=$rc: $(tail -1 "$logs/$name-seed$seed.log")"
  [ $rc -eq 99 ] && exit 0
done
