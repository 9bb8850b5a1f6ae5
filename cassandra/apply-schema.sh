#!/usr/bin/env bash
# Creates the kafkapipeline keyspace and its tables once CQL answers.
# CASSANDRA_REPLICATION replaces the keyspace's replication map, so the cluster
# file can ask for three replicas with the same scripts.
set -euo pipefail

# CASSANDRA_HOST may name several nodes, comma-separated: the first that
# answers is used, so one node down does not stop the job.
IFS=', ' read -r -a hosts <<<"${CASSANDRA_HOST:-cassandradb}"
port="${CASSANDRA_PORT:-9042}"
wait_seconds="${CASSANDRA_WAIT_SECONDS:-300}"
schema_dir="${SCHEMA_DIR:-/schema}"
deadline=$((SECONDS + wait_seconds))

first_answering() {
  local candidate
  for candidate in "${hosts[@]}"; do
    if [[ -n "$candidate" ]] && cqlsh "$candidate" "$port" -e 'DESCRIBE KEYSPACES' >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
until host=$(first_answering); do
  if ((SECONDS >= deadline)); then
    echo "cassandra-init: no CQL answer from ${hosts[*]} (port $port) within ${wait_seconds}s" >&2
    exit 1
  fi
  sleep 3
done

keyspace_script="$schema_dir/keyspace.cql"
if [[ -n "${CASSANDRA_REPLICATION:-}" ]]; then
  keyspace_script="$(mktemp -d)/keyspace.cql"
  sed "/^ *WITH replication/ s|{'class'[^}]*}|${CASSANDRA_REPLICATION}|" "$schema_dir/keyspace.cql" >"$keyspace_script"
  if ! grep -v '^ *--' "$keyspace_script" | grep -qF "$CASSANDRA_REPLICATION"; then
    echo "cassandra-init: could not put CASSANDRA_REPLICATION into keyspace.cql" >&2
    exit 1
  fi
fi

for script in "$keyspace_script" "$schema_dir/schema.cql" "$schema_dir/schema-faker.cql" "$schema_dir/lapsummary.cql"; do
  echo "cassandra-init: applying $(basename "$script") on $host:$port"
  cqlsh "$host" "$port" --request-timeout=60 -f "$script"
done
echo "cassandra-init: keyspace kafkapipeline and its tables are ready"
