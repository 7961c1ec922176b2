#!/usr/bin/env bash
# The eemt image's entrypoint: Spark on Kubernetes (driver, executor), the standalone cluster
# of compose or a VM (master, worker, history), or any command (eemt run ..., bash).
set -euo pipefail

EEMT_HOME=/opt/eemt
# shellcheck source-path=SCRIPTDIR/.. source=lib/java-opens.sh
source "$EEMT_HOME/submit/lib/java-opens.sh"
SPARK_JARS="$EEMT_HOME/spark-job/target/spark-jars"
export SPARK_HOME=/opt/spark SPARK_SCALA_VERSION=2.12

mode="${1:-help}"
[ $# -eq 0 ] || shift
case "$mode" in
  driver)
    # As Spark's own image: spark-submit in client mode inside the driver pod.
    exec java "${JAVA_OPENS[@]}" -cp "$SPARK_JARS/*" org.apache.spark.deploy.SparkSubmit \
      --conf "spark.driver.bindAddress=${SPARK_DRIVER_BIND_ADDRESS:?}" \
      --conf "spark.executorEnv.SPARK_DRIVER_POD_IP=$SPARK_DRIVER_BIND_ADDRESS" \
      --deploy-mode client "$@"
    ;;
  executor)
    mapfile -t executor_java_options < <(env | sed -n 's/^SPARK_JAVA_OPT_[0-9]*=//p')
    exec java "${JAVA_OPENS[@]}" "${executor_java_options[@]}" \
      -Xms"${SPARK_EXECUTOR_MEMORY:?}" -Xmx"$SPARK_EXECUTOR_MEMORY" \
      -cp "${SPARK_CLASSPATH:+$SPARK_CLASSPATH:}$SPARK_JARS/*" \
      org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend \
      --driver-url "${SPARK_DRIVER_URL:?}" --executor-id "${SPARK_EXECUTOR_ID:?}" \
      --cores "${SPARK_EXECUTOR_CORES:?}" --app-id "${SPARK_APPLICATION_ID:?}" \
      --hostname "${SPARK_EXECUTOR_POD_IP:?}" --resourceProfileId "${SPARK_RESOURCE_PROFILE_ID:-0}" \
      --podName "${SPARK_EXECUTOR_POD_NAME:-}"
    ;;
  master | worker | status | doctor | run | demo | solar)
    exec "$EEMT_HOME/submit/eemt" "$mode" "$@"
    ;;
  history)
    exec java -cp "$SPARK_JARS/*" org.apache.spark.deploy.history.HistoryServer \
      --properties-file "${EEMT_CONF_DIR:-$EEMT_HOME/conf}/history/spark-history.conf" "$@"
    ;;
  submit)
    exec "$EEMT_HOME/submit/eemt-submit" "$@"
    ;;
  help)
    echo "eemt image: driver | executor | master | worker | history | status | doctor | run | submit PRESET ... | COMMAND"
    ;;
  *)
    exec "$mode" "$@"
    ;;
esac
