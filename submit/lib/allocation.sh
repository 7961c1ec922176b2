# shellcheck shell=bash
# A Spark standalone cluster inside a batch allocation (SLURM, PBS/Torque, LSF): the master on
# the first node, a worker on every node, one eemt run submitted from here, then everything stopped.
# The scheduler script sets, then calls eemt_run_in_allocation "$@":
#   EEMT_HOME       the eemt checkout (on the shared file system)
#   EEMT_NODES      array of the allocation's host names, first one for the master
#   EEMT_CORES      cores per node for executors
#   EEMT_MEMORY_MB  memory per node in MB (empty: Spark's default)
#   eemt_launch_on  function: eemt_launch_on HOST COMMAND...  replaces the calling (background)
#                   shell with the scheduler's launcher running COMMAND on HOST (exec srun/pbsdsh/blaunch)
# Optional: EEMT_MASTER_PORT (7077), EEMT_MASTER_WEBUI_PORT (8080), EEMT_WORKER_WEBUI_PORT (8081),
#   EEMT_SCRATCH (node-local scratch, default /tmp/eemt-$USER), EEMT_SUBMIT_OPTIONS (more spark-submit options),
#   EEMT_APPTAINER_IMAGE (run every daemon and the submit inside this .sif, see submit/apptainer/)
#   with EEMT_APPTAINER_BINDS (apptainer --bind list for data and scratch, e.g. /shared,/local).

eemt_run_in_allocation() {
  local master_host="${EEMT_NODES[0]}"
  local port="${EEMT_MASTER_PORT:-7077}" webui_port="${EEMT_MASTER_WEBUI_PORT:-8080}"
  local scratch="${EEMT_SCRATCH:-/tmp/eemt-${USER:-$(id -un)}}"
  local eemt="$EEMT_HOME/submit/eemt" eemt_submit="$EEMT_HOME/submit/eemt-submit"
  local -a daemons=() worker_memory=() extra_options=() runner=()
  if [ -n "${EEMT_APPTAINER_IMAGE:-}" ]; then
    runner=("${EEMT_APPTAINER:-apptainer}" exec ${EEMT_APPTAINER_BINDS:+--bind "$EEMT_APPTAINER_BINDS"} "$EEMT_APPTAINER_IMAGE")
    eemt=/opt/eemt/submit/eemt
    eemt_submit=/opt/eemt/submit/eemt-submit
  fi

  echo "eemt: master spark://$master_host:$port, web UI http://$master_host:$webui_port, workers on ${EEMT_NODES[*]}"
  eemt_launch_on "$master_host" "${runner[@]}" "$eemt" master --host "$master_host" --port "$port" --webui-port "$webui_port" &
  daemons+=($!)
  # shellcheck disable=SC2064  # expand now: the pids of this run
  trap "eemt_stop_daemons ${daemons[*]}" EXIT
  "${runner[@]}" "$eemt" status --master "http://$master_host:$webui_port" --wait-workers 0 >/dev/null

  if [ -n "${EEMT_MEMORY_MB:-}" ]; then
    # Leave 1 GB of the node to the daemons and the OS; the workers offer the rest.
    worker_memory=(--memory "$((EEMT_MEMORY_MB - 1024))m")
  fi
  local node
  for node in "${EEMT_NODES[@]}"; do
    eemt_launch_on "$node" "${runner[@]}" "$eemt" worker --host "$node" --master-host "$master_host" --master-port "$port" \
      --webui-port "${EEMT_WORKER_WEBUI_PORT:-8081}" --cores "$EEMT_CORES" "${worker_memory[@]}" \
      --work-dir "$scratch/work" --disk "$scratch/local" &
    daemons+=($!)
  done
  # shellcheck disable=SC2064
  trap "eemt_stop_daemons ${daemons[*]}" EXIT

  "${runner[@]}" "$eemt" status --master "http://$master_host:$webui_port" --wait-workers "${#EEMT_NODES[@]}"
  read -ra extra_options <<<"${EEMT_SUBMIT_OPTIONS:-}"
  # Executor cores and memory are sized from the workers (ExecutorSizing) unless EEMT_SUBMIT_OPTIONS sets them.
  "${runner[@]}" "$eemt_submit" standalone --master "spark://$master_host:$port" \
    --master-ui "http://$master_host:$webui_port" "${extra_options[@]}" -- "$@"
}

# Stops the daemons' launchers (srun/pbsdsh/blaunch pass SIGTERM on; eemt then stops its daemon).
eemt_stop_daemons() {
  echo "eemt: stopping the cluster"
  kill "$@" 2>/dev/null || true
  wait "$@" 2>/dev/null || true
}
