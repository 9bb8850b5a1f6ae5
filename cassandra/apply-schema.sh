#!/usr/bin/env bash
# Creates the kafkapipeline keyspace and its tables once CQL answers.
# CASSANDRA_REPLICATION replaces the keyspace's replication map, so the cluster
# file can ask for three replicas with the same scripts. WEATHER_TABLE,
# FAKER_TABLE and FASTF1_TABLE name the tables, as they do for the consumers,
# the Connect sinks and data-vis.
set -euo pipefail

# CASSANDRA_HOST may name several nodes, comma-separated: the first that
# answers is used, so one node down does not stop the job.
IFS=', ' read -r -a hosts <<<"${CASSANDRA_HOST:-cassandradb}"
port="${CASSANDRA_PORT:-9042}"
wait_seconds="${CASSANDRA_WAIT_SECONDS:-300}"
schema_dir="${SCHEMA_DIR:-/schema}"
deadline=$((SECONDS + wait_seconds))

# The table files with the tables named as the environment says; a name that
# is not a CQL identifier stops the job before it waits for anything.
tables_dir="$(mktemp -d)"
renames=()
for table in weatherreport:"${WEATHER_TABLE:-weatherreport}" fakerdata:"${FAKER_TABLE:-fakerdata}" lapsummary:"${FASTF1_TABLE:-lapsummary}"; do
  name="${table#*:}"
  if [[ ! "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
    echo "cassandra-init: table name '$name' (for ${table%%:*}) is not a CQL identifier" >&2
    exit 1
  fi
  renames+=(-e "s/kafkapipeline\.${table%%:*}\b/kafkapipeline.${name}/g")
done
for file in schema.cql schema-faker.cql lapsummary.cql; do
  sed "${renames[@]}" "$schema_dir/$file" >"$tables_dir/$file"
done

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

for script in "$keyspace_script" "$tables_dir/schema.cql" "$tables_dir/schema-faker.cql" "$tables_dir/lapsummary.cql"; do
  echo "cassandra-init: applying $(basename "$script") on $host:$port"
  cqlsh "$host" "$port" --request-timeout=60 -f "$script"
done
echo "cassandra-init: keyspace kafkapipeline and its tables are ready"
