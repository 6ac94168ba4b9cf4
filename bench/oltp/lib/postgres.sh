# The PostgreSQL 15 peer of bench/oltp/run: finds (or installs) its binaries, runs a cluster of its
# own in the work directory, measures it and stops it. Sourced, not run.

PG_DB=bench
PG_USER=postgres
PG_DATA=""
PG_STARTED=""

# Sets PG_BIN to PostgreSQL 15's binaries, installing Debian's postgresql package if they are absent.
find_postgres() {
    PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
    if [ ! -x "$PG_BIN/pgbench" ] && [ "$PG_BIN" = /usr/lib/postgresql/15/bin ]; then
        install_postgres
    fi
    local tool
    for tool in pgbench psql initdb pg_ctl pg_test_fsync postgres; do
        [ -x "$PG_BIN/$tool" ] || die "PostgreSQL 15's $tool is missing from $PG_BIN.
Install PostgreSQL 15 (on Debian 12: apt-get install postgresql) or pass --pg-bin <its bin folder>."
    done
    local version
    version="$("$PG_BIN/pgbench" --version 2>/dev/null)"
    [[ "$version" == *"PostgreSQL) 15."* ]] || die "$PG_BIN/pgbench is '$version', not PostgreSQL 15; pass --pg-bin <PostgreSQL 15's bin folder>"
}

install_postgres() {
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL 15 is not installed (no $PG_BIN) and there is no apt-get to install it.
Install PostgreSQL 15 (server and client) and pass --pg-bin <its bin folder>."
    local -a sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "PostgreSQL 15 is not installed; installing it needs root: run 'apt-get install postgresql' as root"
        sudo=(sudo)
    fi
    say "PostgreSQL 15 is not installed: apt-get update && apt-get install postgresql"
    "${sudo[@]}" apt-get update -q >&2 || die "apt-get update failed"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || die "apt-get install postgresql failed"
    [ -x "$PG_BIN/pgbench" ] || die "apt-get installed a PostgreSQL other than 15 ($(ls /usr/lib/postgresql 2>/dev/null | tr '\n' ' '));
install PostgreSQL 15 (for example from apt.postgresql.org: postgresql-15) and pass --pg-bin <its bin folder>"
}

# Runs a command as the owner of the cluster: initdb and postgres refuse root, so root runs them
# as the postgres user.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        # From a folder the postgres user may enter: initdb looks at the current one.
        (cd "$WORK" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Creates and starts a cluster in $WORK/pg on 127.0.0.1:$PG_PORT, with durable commits.
postgres_up() {
    port_in_use "$PG_PORT" && { say "postgres: port $PG_PORT is taken; choose another with --pg-port"; return 1; }
    PG_DATA="$WORK/pg"
    mkdir -p "$PG_DATA" "$WORK/pg-run"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "there is no postgres user to run the cluster as (root may not): create one or run as another user"
        chown postgres: "$PG_DATA" "$WORK/pg-run"
    fi
    chmod 700 "$PG_DATA"
    say "postgres: initdb in $PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --auth=trust -E UTF8 --locale=C \
        >"$LOGS/postgres-initdb.txt" 2>&1 || { say "postgres: initdb failed (see $LOGS/postgres-initdb.txt)"; return 1; }
    # Appended settings win over the defaults above them. Commits wait for the log's fdatasync.
    cat >>"$PG_DATA/postgresql.conf" <<CONF

# bench/oltp/run
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK/pg-run'
fsync = on
synchronous_commit = on
shared_buffers = 256MB
CONF
    say "postgres: starting on 127.0.0.1:$PG_PORT"
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg-run/server.log" -w -t 60 start >/dev/null 2>&1; then
        say "postgres: the server did not start; its log:"
        tail -n 15 "$WORK/pg-run/server.log" | sed 's/^/    /' >&2
        return 1
    fi
    PG_STARTED=1
    pg_sql postgres "CREATE DATABASE $PG_DB" >/dev/null || { say "postgres: CREATE DATABASE failed"; return 1; }
}

# Runs one statement on the cluster's database $1; prints the rows unaligned.
pg_sql() {
    "$PG_BIN/psql" -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$1" -c "$2"
}

postgres_down() {
    [ -n "$PG_STARTED" ] || return 0
    cp "$WORK/pg-run/server.log" "$LOGS/postgres-server.log" 2>/dev/null || true
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
        || say "postgres: pg_ctl stop failed; the server in $PG_DATA may still run"
    PG_STARTED=""
}

# The PostgreSQL half: cluster, init, every run, database size. Fills the P_* results; returns 1 if
# any of it failed (what was measured stays).
postgres_half() {
    postgres_up || { postgres_down; P_PROBLEM="the PostgreSQL cluster did not start (see above)"; return 1; }
    local failed=0 run
    if pgbench_init postgres "$PG_PORT" "$PG_USER" "$PG_DB" "$LOGS/postgres-init.txt"; then
        P_INIT="$INIT_SECONDS"
        P_SIZE="$(pg_sql "$PG_DB" "SELECT pg_database_size('$PG_DB')")" || P_SIZE=""
        for run in "${RUNS[@]}"; do
            pgbench_run postgres "$run" "$PG_PORT" "$PG_USER" "$PG_DB" "$LOGS/postgres-${run//:/-}.txt" \
                || { failed=1; P_PROBLEM+="${P_PROBLEM:+$'\n'}run $run: $(first_error "$LOGS/postgres-${run//:/-}.txt")"; }
            [ -z "$TPS" ] || P_TPS[$run]="$TPS"
            P_FAILED[$run]="$FAILED"
        done
    else
        P_PROBLEM="pgbench -i failed against PostgreSQL: $(first_error "$LOGS/postgres-init.txt")"
        failed=1
    fi
    postgres_down
    return "$failed"
}
