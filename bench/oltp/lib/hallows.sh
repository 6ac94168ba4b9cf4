# The Hallows half of bench/oltp/run: boots the stack with the launcher on a fresh data area,
# measures it and stops it. Sourced, not run.

H_DB=hallows
H_PID=""

# Starts the stack in the background (the launcher builds first if sources changed, unless
# --no-build), its log in $LOGS/hallows-stack.txt, with the JVM option $1 (the server's port
# property, e.g. -Dhallows.pgwire.port=$H_PORT) and the user's HALLOWS_JAVA_OPTS. Sets H_PID;
# returns 1 with H_PROBLEM set if 127.0.0.1:$H_PORT is taken ($2 names who might hold it) or the
# launcher is missing. bench/messaging starts its stack with this too.
hallows_launch() {
    if port_in_use "$H_PORT"; then
        H_PROBLEM="something already listens on 127.0.0.1:$H_PORT ($2?); stop it first"
        return 1
    fi
    [ -x "$LAUNCHER" ] || { H_PROBLEM="the launcher $LAUNCHER is missing"; return 1; }
    mkdir -p "$WORK/hallows-data" "$WORK/hallows-apps"
    say "hallows: starting the stack with $LAUNCHER (data area $WORK/hallows-data, log $LOGS/hallows-stack.txt)"
    # Its own process group, so that stopping it reaches the launcher and the JVM, nothing else.
    # A fresh data area and token file, no applications, an admin API on a free port, the server
    # on --hallows-port: nothing of the user's (~/.hallows, a running stack) is touched.
    env HALLOWS_DATA="$WORK/hallows-data" HALLOWS_APPS="$WORK/hallows-apps" HALLOWS_CONSOLE=none \
        HALLOWS_ADMIN_TOKEN_FILE="$WORK/hallows-admin.token" \
        HALLOWS_JAVA_OPTS="-Dhallows.admin.port=0 $1 ${HALLOWS_JAVA_OPTS:-}" \
        ${NO_BUILD:+HALLOWS_NO_BUILD=1} \
        setsid "$LAUNCHER" start </dev/null >"$LOGS/hallows-stack.txt" 2>&1 &
    H_PID=$!
}

# Waits for the ready line of the stack hallows_launch started (the launcher may build first, hence
# the long bound, --start-timeout). Returns 1 with H_PROBLEM set if the stack exits or is not
# ready in time. bench/messaging and bench/basilisk wait with this.
hallows_wait_ready() {
    local log="$LOGS/hallows-stack.txt" waited=0
    # The log may not exist yet: the launcher's redirection is the background job's first step.
    until grep -q '^hallows: ready' "$log" 2>/dev/null; do
        if ! kill -0 "$H_PID" 2>/dev/null; then
            wait "$H_PID" 2>/dev/null || true
            H_PID=""
            H_PROBLEM="the stack exited before it was ready; the end of its log ($log):
$(tail -n 8 "$log" | sed 's/^/    /')"
            return 1
        fi
        if [ $((waited / 2)) -ge "$START_TIMEOUT" ]; then
            H_PROBLEM="the stack was not ready after $START_TIMEOUT s (--start-timeout); see $log"
            return 1
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
}

# Starts the stack and waits until its database answers on 127.0.0.1:$H_PORT. Returns 1 with
# H_PROBLEM set if it does not.
hallows_up() {
    hallows_launch "-Dhallows.pgwire.port=$H_PORT" "another Hallows stack or a PostgreSQL" || return 1
    local log="$LOGS/hallows-stack.txt" waited=0 ready_at="" answer=""
    # Polls: the stack gives no other signal than its ready line and the port. The launcher may
    # build first, hence the long bound before the ready line, and a short one after it.
    while :; do
        if ! kill -0 "$H_PID" 2>/dev/null; then
            wait "$H_PID" 2>/dev/null || true
            H_PID=""
            H_PROBLEM="the stack exited before its database answered; the end of its log ($log):
$(tail -n 8 "$log" | sed 's/^/    /')"
            return 1
        fi
        # A query, not pg_isready: the wire server may listen before the database is registered.
        if answer="$(PGCONNECT_TIMEOUT=2 "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$H_PORT" -U "$H_USER" \
            -d "$H_DB" -c 'SELECT 1' 2>&1)"; then
            say "hallows: the database answers on 127.0.0.1:$H_PORT"
            return 0
        fi
        if [ -z "$ready_at" ] && grep -q '^hallows: ready' "$log"; then
            ready_at="$waited"
            say "hallows: $(grep -m1 '^hallows: ready' "$log" | sed 's/^hallows: //'); waiting for 127.0.0.1:$H_PORT"
        fi
        if [ -n "$ready_at" ] && [ $((waited - ready_at)) -ge $((2 * DB_TIMEOUT)) ]; then
            if port_in_use "$H_PORT"; then
                H_PROBLEM="the stack is up and 127.0.0.1:$H_PORT accepts connections, but SELECT 1 on database
    $H_DB fails after ${DB_TIMEOUT} s: $(printf '%s' "$answer" | head -n 2 | tr '\n' ' ')(stack log: $log)"
            else
                H_PROBLEM="the stack is up but nothing answers the PostgreSQL protocol on 127.0.0.1:$H_PORT after ${DB_TIMEOUT} s.
    The OLTP database (issue 11, db.oltp.bundle with its wire server) is not in this stack yet, or failed
    to start: see $log"
            fi
            return 1
        fi
        if [ -z "$ready_at" ] && [ $((waited / 2)) -ge "$START_TIMEOUT" ]; then
            H_PROBLEM="the stack was not ready after $START_TIMEOUT s (--start-timeout); see $log"
            return 1
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
}

# The JVM of the stack: the java process in the launcher's process group.
hallows_java_pid() {
    [ -n "$H_PID" ] || return 0
    ps -e -o pid=,pgid=,comm= | awk -v g="$H_PID" '$2 == g && $3 == "java" { print $1; exit }'
}

# Stops the stack: SIGTERM to its JVM (the framework stops through its shutdown hook), then, after
# 30 s, SIGKILL to its process group.
hallows_down() {
    [ -n "$H_PID" ] || return 0
    local java
    java="$(hallows_java_pid)"
    say "hallows: stopping the stack"
    stop_group "$H_PID" "${java:-$H_PID}" "hallows: the stack"
    H_PID=""
}

# SHOW hallows.stats, a name|value line per figure, or nothing if the engine does not answer it.
hallows_stats() {
    "$PG_BIN/psql" -X -At -h 127.0.0.1 -p "$H_PORT" -U "$H_USER" -d "$H_DB" -c 'SHOW hallows.stats' 2>/dev/null || true
}

# The value of figure $1 in the stats $2 (numbers only), or nothing. Names match whatever their
# case and underscores: commits_per_force, commitsPerForce and "commits per force" are one.
stat_of() {
    printf '%s\n' "$2" | awk -F'|' -v n="$1" '
        function key(s) { s = tolower(s); gsub(/[_ ]/, "", s); return s }
        key($1) == key(n) && $2 ~ /^[0-9.]+$/ { print $2; exit }'
}

# Commits per force between two stats snapshots ($1 before, $2 after): the commits that wrote a
# log record (logged_commits; read-only commits need no force), else all commits; if the engine
# gives neither with forces, its own cumulative commits_per_force (marked with a *); else nothing.
commits_per_force() {
    local c0 f0 c1 f1 cumulative counter=logged_commits
    [ -n "$(stat_of logged_commits "$2")" ] || counter=commits
    c0="$(stat_of "$counter" "$1")" f0="$(stat_of forces "$1")"
    c1="$(stat_of "$counter" "$2")" f1="$(stat_of forces "$2")"
    if [ -n "$c0" ] && [ -n "$f0" ] && [ -n "$c1" ] && [ -n "$f1" ]; then
        awk -v c0="$c0" -v f0="$f0" -v c1="$c1" -v f1="$f1" \
            'BEGIN { if (f1 > f0) printf "%.1f\n", (c1 - c0) / (f1 - f0); else print "no force" }'
        return
    fi
    cumulative="$(stat_of commits_per_force "$2")"
    [ -z "$cumulative" ] || printf '%s*\n' "$cumulative"
}

# The Hallows half: stack, init, resident memory, every run with its commits per force. Fills the
# H_* results; returns 1 if any of it failed (what was measured stays).
hallows_half() {
    hallows_up || { hallows_down; return 1; }
    local failed=0 run before after java
    if pgbench_init hallows "$H_PORT" "$H_USER" "$H_DB" "$LOGS/hallows-init.txt"; then
        H_INIT="$INIT_SECONDS"
        java="$(hallows_java_pid)"
        [ -z "$java" ] || H_RSS="$(ps -o rss= -p "$java" | tr -d ' ')"
        for run in "${RUNS[@]}"; do
            if ! kill -0 "$H_PID" 2>/dev/null; then
                H_PROBLEM="the stack exited before the run $run; the end of its log ($LOGS/hallows-stack.txt):
$(tail -n 8 "$LOGS/hallows-stack.txt" | sed 's/^/    /')"
                failed=1
                break
            fi
            before="$(hallows_stats)"
            pgbench_run hallows "$run" "$H_PORT" "$H_USER" "$H_DB" "$LOGS/hallows-${run//:/-}.txt" \
                || { failed=1; H_PROBLEM+="${H_PROBLEM:+$'\n'}run $run: $(first_error "$LOGS/hallows-${run//:/-}.txt")"; }
            after="$(hallows_stats)"
            [ -z "$TPS" ] || H_TPS[$run]="$TPS"
            H_FAILED[$run]="$FAILED"
            H_CPF[$run]="$(commits_per_force "$before" "$after")"
        done
        H_STATS="$(hallows_stats)"
        [ -z "$java" ] || H_RSS_END="$(ps -o rss= -p "$java" | tr -d ' ')"
    else
        H_PROBLEM="pgbench -i failed against Hallows: $(first_error "$LOGS/hallows-init.txt")"
        failed=1
    fi
    hallows_down
    return "$failed"
}
