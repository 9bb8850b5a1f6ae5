#!/usr/bin/env bash
# Starts a distributed Kafka Connect worker, then registers every sink in
# /etc/kafka-connect/sinks once the REST API answers and Cassandra accepts
# connections. PUT /connectors/<name>/config creates or updates, so a restart
# registers again without harm. Nobody has to type anything in the container.
#
# A sink's task opens its tables with the first records it is given. Started
# from a folder's own file, nothing orders cassandra-init before this worker,
# so a task can fail because its table does not exist yet. For as long as the
# worker runs, every sink is watched: a failed connector or task is restarted,
# with its reason in this log, until it runs. The worker counts as healthy
# (the marker file) while every sink and all its tasks are RUNNING.
#
# Anyone who reaches the REST API can submit connector configs, and ${env:NAME}
# in a config is resolved by the worker. So the worker is started with only the
# variables it needs (SINK_VARIABLES, which the sink configs read, and the JVM's
# own), its env provider resolves only SINK_VARIABLES, and a connector may not
# override the worker's client settings (which could bring their own providers).
set -euo pipefail

readonly SINK_VARIABLES=(CASSANDRA_HOST CASSANDRA_PORT CASSANDRA_KEYSPACE WEATHER_TABLE FAKER_TABLE FASTF1_TABLE CASSANDRA_DATACENTER CASSANDRA_USERNAME CASSANDRA_PASSWORD CASSANDRA_SSL CASSANDRA_SSL_TRUSTSTORE_PATH CASSANDRA_SSL_TRUSTSTORE_PASSWORD CASSANDRA_SSL_HOSTNAME_VALIDATION)
readonly JVM_VARIABLES=(PATH JAVA_HOME LANG LC_ALL TZ KAFKA_HEAP_OPTS KAFKA_OPTS KAFKA_LOG4J_OPTS KAFKA_JVM_PERFORMANCE_OPTS LOG_DIR)

: "${CONNECT_BOOTSTRAP_SERVERS:?set CONNECT_BOOTSTRAP_SERVERS, e.g. broker:9092}"
rest_port="${CONNECT_REST_PORT:-8083}"
rest="http://localhost:${rest_port}"
sinks_dir="${CONNECT_SINKS_DIR:-/etc/kafka-connect/sinks}"
wait_seconds="${CONNECT_WAIT_SECONDS:-600}"
watch_seconds="${CONNECT_WATCH_SECONDS:-10}"
replication="${CONNECT_REPLICATION_FACTOR:-1}"
work_dir="${CONNECT_WORK_DIR:-/tmp}"
marker="${work_dir}/sinks-running"
rm -f "$marker"

worker="${work_dir}/connect-distributed.properties"
cat >"$worker" <<PROPERTIES
bootstrap.servers=${CONNECT_BOOTSTRAP_SERVERS}
group.id=${CONNECT_GROUP_ID:-kafkapipeline-connect}
config.storage.topic=connect-configs
offset.storage.topic=connect-offsets
status.storage.topic=connect-status
config.storage.replication.factor=${replication}
offset.storage.replication.factor=${replication}
status.storage.replication.factor=${replication}
key.converter=org.apache.kafka.connect.storage.StringConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
value.converter.schemas.enable=false
listeners=http://0.0.0.0:${rest_port}
rest.advertised.host.name=${HOSTNAME:-kafka-connect}
rest.advertised.port=${rest_port}
plugin.path=/opt/connect-plugins
plugin.discovery=service_load
# The sinks' dead-letter producer: a dead letter is a whole record plus headers (Topics.DEAD_LETTER_MAX_BYTES).
producer.max.request.size=2097152
config.providers=env
config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
config.providers.env.param.allowlist.pattern=^($(IFS='|'; echo "${SINK_VARIABLES[*]}"))\$
connector.client.config.override.policy=None
PROPERTIES

worker_env=()
for name in "${JVM_VARIABLES[@]}" "${SINK_VARIABLES[@]}"; do
  if [[ -n "${!name+set}" ]]; then
    worker_env+=("${name}=${!name}")
  fi
done
env -i "${worker_env[@]}" "${KAFKA_HOME:-/opt/kafka}/bin/connect-distributed.sh" "$worker" &
worker_pid=$!
watcher_pid=""
trap 'kill -TERM "$worker_pid" $watcher_pid 2>/dev/null; wait "$worker_pid"; exit $?' TERM INT

deadline=$((SECONDS + wait_seconds))
await() { # description, command...
  local what=$1
  shift
  until "$@" >/dev/null 2>&1; do
    kill -0 "$worker_pid" 2>/dev/null || { echo "connect: worker exited while waiting for $what" >&2; exit 1; }
    if ((SECONDS >= deadline)); then
      echo "connect: gave up waiting for $what after ${wait_seconds}s; the worker keeps running without the sinks" >&2
      wait "$worker_pid"
      exit $?
    fi
    sleep 2
  done
}
# CASSANDRA_HOST may name several nodes, comma-separated: any one answering will do.
IFS=', ' read -r -a cassandra_hosts <<<"${CASSANDRA_HOST:-cassandradb}"
cassandra_answers() {
  local host
  for host in "${cassandra_hosts[@]}"; do
    [[ -n "$host" ]] && (exec 3<>"/dev/tcp/${host}/${CASSANDRA_PORT:-9042}") 2>/dev/null && return 0
  done
  return 1
}

await "the Connect REST API on port ${rest_port}" curl -fsS "${rest}/connectors"
echo "connect: REST answers; waiting for Cassandra at ${cassandra_hosts[*]} (port ${CASSANDRA_PORT:-9042})"
await "Cassandra" cassandra_answers

register() { # sink file: PUT its "config" object under its "name"
  local name
  name=$(jq -er '.name' "$1")
  jq -e '.config' "$1" | curl -fsS -X PUT -H 'Content-Type: application/json' \
    --data-binary @- "${rest}/connectors/${name}/config"
}
shopt -s nullglob
sinks=("$sinks_dir"/*.json)
((${#sinks[@]} > 0)) || { echo "connect: no sink configs in $sinks_dir" >&2; exit 1; }
names=()
for sink in "${sinks[@]}"; do
  # A worker that has just started may answer 409 while it rebalances: retry.
  await "registration of $(basename "$sink")" register "$sink"
  names+=("$(jq -er '.name' "$sink")")
  echo "connect: registered the sink in $(basename "$sink")"
done

# A sink's state in a few words: RUNNING once the connector and all its tasks
# (at least one) run; else what runs, what does not, and why a task failed
# (the innermost cause of its trace).
sink_state() { # name
  local status
  status=$(curl -fsS "${rest}/connectors/$1/status" 2>/dev/null) || { echo "not known to the worker yet"; return; }
  jq -r '
    def cause: (([split("\n")[] | select(startswith("Caused by: "))] | last) // split("\n")[0])
      | sub("^Caused by: "; "") | .[0:300];
    if .connector.state == "RUNNING" and (.tasks | length) > 0 and all(.tasks[]; .state == "RUNNING") then "RUNNING"
    else "connector \(.connector.state)"
      + (if .connector.trace then ": " + (.connector.trace | cause) else "" end)
      + (if (.tasks | length) == 0 then ", no task yet" else "" end)
      + ([.tasks[] | select(.state != "RUNNING")
          | ", task \(.id) \(.state)" + (if .trace then ": " + (.trace | cause) else "" end)] | join(""))
    end' <<<"$status"
}

declare -A last_state
# One round over the sinks: logs each change of state, restarts what failed, and
# keeps the marker while every sink runs.
check_sinks() {
  local name state all_running=true
  for name in "${names[@]}"; do
    state=$(sink_state "$name")
    if [[ "$state" != "${last_state[$name]:-}" ]]; then
      if [[ "$state" == RUNNING ]]; then
        echo "connect: ${name} runs"
      else
        echo "connect: waiting for ${name} to run: ${state}"
      fi
      last_state[$name]=$state
    fi
    if [[ "$state" != RUNNING ]]; then
      all_running=false
      if [[ "$state" == *FAILED* ]]; then
        curl -fsS -X POST "${rest}/connectors/${name}/restart?includeTasks=true&onlyFailed=true" >/dev/null 2>&1 || true
      fi
    fi
  done
  if $all_running; then
    [[ -f "$marker" ]] || echo "connect: all ${#names[@]} sinks run"
    touch "$marker"
  else
    rm -f "$marker"
  fi
}

watch_sinks() { # for the worker's life: every 2 s until all run, then every watch_seconds
  local pause=2
  while kill -0 "$worker_pid" 2>/dev/null; do
    check_sinks
    [[ -f "$marker" ]] && pause=$watch_seconds
    sleep "$pause"
  done
}
watch_sinks &
watcher_pid=$!

wait "$worker_pid"
