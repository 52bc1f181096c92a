#!/bin/bash
# usage: experiments/slot.sh CMD...  -- wait for a free CPU core, then run CMD pinned to it (taskset) with one thread.
# Long measurements on a shared machine go through this, so two jobs never share a core and timings stay comparable.
# Cores: $SLOT_CORES (default: all), locks in $SLOT_LOCK_DIR (default /tmp); SLOT_PRIORITY=1 polls faster.
cores=${SLOT_CORES:-$(seq -s ' ' 0 $(( $(nproc) - 1 )))}
lockdir=${SLOT_LOCK_DIR:-/tmp}
poll=3; [ -n "$SLOT_PRIORITY" ] && poll=0.2
while true; do
  for c in $cores; do
    exec 9>"$lockdir/rin_text_core$c.lock"
    if flock -n 9; then
      echo "[slot] core $c: $*" >&2
      OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 taskset -c "$c" "$@"; exit $?
    fi
    exec 9>&-
  done
  sleep $poll
done
