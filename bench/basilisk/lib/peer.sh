# The bare Vert.x half of bench/basilisk/run: PostgreSQL 15 in a cluster of its own (bench/oltp's
# postgres_up), TechEmpower's tables, the peer (bench/basilisk/peer) built with Maven and
# started on --peer-port. Sourced, not run.

PEER_PID=""

# Compiles the peer and writes its classpath (target/classpath.txt). Returns 1 with P_PROBLEM set.
build_peer() {
    local log="$LOGS/peer-build.txt"
    command -v mvn >/dev/null 2>&1 || { P_PROBLEM="Maven (mvn) is needed to build the peer; it is not on PATH"; return 1; }
    say "peer: building bench/basilisk/peer with Maven (Vert.x 5.0.7; log: $log)"
    local -a cmd=(mvn -B -ntp -q ${OFFLINE:+-o} -f "$HERE/peer/pom.xml" package)
    [ -z "$MAVEN_LOCK" ] || cmd=(flock "$MAVEN_LOCK" "${cmd[@]}")
    if ! JAVA_HOME="$PEER_JAVA_HOME" "${cmd[@]}" >"$log" 2>&1 || [ ! -s "$HERE/peer/target/classpath.txt" ]; then
        P_PROBLEM="Maven could not build the peer; the end of its log ($log):
$(tail -n 10 "$log" | sed 's/^/    /')"
        return 1
    fi
}

# PostgreSQL with TechEmpower's tables and rows. Returns 1 with P_PROBLEM set.
peer_database_up() {
    postgres_up || { P_PROBLEM="the PostgreSQL cluster did not start (see above)"; return 1; }
    local log="$LOGS/postgres-load.txt" problem
    psql_on "$PG_PORT" "$PG_USER" "$PG_DB" >"$log" 2>&1 <<'SQL' || { P_PROBLEM="creating TechEmpower's tables failed (see $log)"; return 1; }
CREATE TABLE world (id integer NOT NULL PRIMARY KEY, randomnumber integer NOT NULL DEFAULT 0);
CREATE TABLE fortune (id integer NOT NULL PRIMARY KEY, message varchar(2048) NOT NULL);
SQL
    problem="$(load_techempower "$PG_PORT" "$PG_USER" "$PG_DB" "$log")" || { P_PROBLEM="loading PostgreSQL: $problem"; return 1; }
    psql_on "$PG_PORT" "$PG_USER" "$PG_DB" -c 'VACUUM ANALYZE' >>"$log" 2>&1 || true
    say "postgres: world (10000 rows) and fortune (12 rows) loaded"
}

peer_up() {
    if port_in_use "$PEER_PORT"; then
        P_PROBLEM="something already listens on 127.0.0.1:$PEER_PORT; choose another --peer-port"
        return 1
    fi
    say "peer: starting bare Vert.x on 127.0.0.1:$PEER_PORT (log: $LOGS/peer.txt)"
    # shellcheck disable=SC2086 # PEER_JAVA_OPTS is a list of words
    setsid "$PEER_JAVA_HOME/bin/java" ${PEER_JAVA_OPTS:-} \
        -cp "$HERE/peer/target/classes:$(cat "$HERE/peer/target/classpath.txt")" \
        io.hallows.bench.basilisk.peer.PeerMain --port "$PEER_PORT" --pg-port "$PG_PORT" \
        --pg-user "$PG_USER" --pg-database "$PG_DB" </dev/null >"$LOGS/peer.txt" 2>&1 &
    PEER_PID=$!
    if ! wait_for_http "$PEER_PORT" 60 "$PEER_PID"; then
        P_PROBLEM="the peer did not answer GET /plaintext within 60 s; the end of its log:
$(tail -n 8 "$LOGS/peer.txt" | sed 's/^/    /')"
        return 1
    fi
}

peer_down() {
    [ -n "$PEER_PID" ] || return 0
    say "peer: stopping"
    stop_group "$PEER_PID" "$PEER_PID" "peer: the Vert.x peer"
    PEER_PID=""
}

# The whole peer half; returns 1 with P_PROBLEM set if it could not be measured.
peer_half() {
    build_peer || return 1
    if peer_database_up && peer_up; then
        validate_side vertx "$PEER_PORT" "$PG_PORT" "$PG_USER" "$PG_DB"
        measure_side vertx "$PEER_PORT" "$PEER_PID"
    fi
    peer_down
    postgres_down
    [ -z "$P_PROBLEM" ]
}
