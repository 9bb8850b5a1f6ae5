#!/usr/bin/env bash
# Starts a distributed Kafka Connect worker, then registers every sink in
# /etc/kafka-connect/sinks once the REST API answers and Cassandra accepts
# connections. PUT /connectors/<name>/config creates or updates, so a restart
# registers again without harm. Nobody has to type anything in the container.
set -euo pipefail

: "${CONNECT_BOOTSTRAP_SERVERS:?set CONNECT_BOOTSTRAP_SERVERS, e.g. broker:9092}"
rest_port="${CONNECT_REST_PORT:-8083}"
rest="http://localhost:${rest_port}"
sinks_dir="${CONNECT_SINKS_DIR:-/etc/kafka-connect/sinks}"
wait_seconds="${CONNECT_WAIT_SECONDS:-600}"
replication="${CONNECT_REPLICATION_FACTOR:-1}"
work_dir="${CONNECT_WORK_DIR:-/tmp}"
marker="${work_dir}/sinks-registered"
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
config.providers=env
config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
PROPERTIES

"${KAFKA_HOME:-/opt/kafka}/bin/connect-distributed.sh" "$worker" &
worker_pid=$!
trap 'kill -TERM "$worker_pid" 2>/dev/null; wait "$worker_pid"; exit $?' TERM INT

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
cassandra_answers() { (exec 3<>"/dev/tcp/${CASSANDRA_HOST:-cassandradb}/${CASSANDRA_PORT:-9042}"); }

await "the Connect REST API on port ${rest_port}" curl -fsS "${rest}/connectors"
echo "connect: REST answers; waiting for Cassandra at ${CASSANDRA_HOST:-cassandradb}:${CASSANDRA_PORT:-9042}"
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
for sink in "${sinks[@]}"; do
  # A worker that has just started may answer 409 while it rebalances: retry.
  await "registration of $(basename "$sink")" register "$sink"
  echo "connect: registered the sink in $(basename "$sink")"
done
touch "$marker"

wait "$worker_pid"
