# The Hallows half of bench/basilisk/run: a stack booted with run/hallows (bench/oltp's
# hallows_launch and hallows_wait_ready: fresh data area, no console) with
# bench/basilisk/techempower.pt in its watched folder; Basilisk serves it on --hallows-port, its
# OLTP database answers PostgreSQL's protocol on --hallows-pg-port. Sourced, not run.

H_DB=hallows

# The lines of the stack's log about the module: its deploy, its diagnostics, failures.
module_lines() {
    grep -i -E 'techempower|PT0[0-9]{3}|basilisk|exception|error' "$LOGS/hallows-stack.txt" 2>/dev/null \
        | grep -v -i 'log level' | tail -n 12 | sed 's/^/    /'
}

# Waits (at most --app-timeout) until the stack's database answers SELECT 1; says so if it does not.
wait_for_database() {
    local waited=0
    while [ $((waited / 2)) -lt "$APP_TIMEOUT" ] && kill -0 "$H_PID" 2>/dev/null; do
        psql_on "$H_PG_PORT" "$H_USER" "$H_DB" -c 'SELECT 1' >/dev/null 2>&1 && return 0
        sleep 0.5
        waited=$((waited + 1))
    done
    say "hallows: the stack's database does not answer on 127.0.0.1:$H_PG_PORT; deploying all the same"
}

# Boots the stack with an empty watched folder, waits for its database, then deploys
# techempower.pt into it and waits until the module answers GET /plaintext. Returns 1 with
# H_PROBLEM set (what failed, in words, and the log lines that say why).
hallows_app_up() {
    [ -r "$HERE/techempower.pt" ] || { H_PROBLEM="bench/basilisk/techempower.pt is missing"; return 1; }
    mkdir -p "$WORK/hallows-apps"
    hallows_launch "-Dhallows.pgwire.port=$H_PG_PORT -D$H_PORT_PROPERTY=$H_PORT" \
        "another Hallows stack or the peer" || return 1
    local log="$LOGS/hallows-stack.txt"
    hallows_wait_ready || return 1
    say "hallows: $(grep -m1 '^hallows: ready' "$log" | sed 's/^hallows: //'); waiting for its database"
    # Deployed only once the database serves: a module with stored models deployed while the
    # stack starts may start before the OLTP database registers and fail for want of it.
    wait_for_database
    cp "$HERE/techempower.pt" "$WORK/techempower.pt.part"
    mv "$WORK/techempower.pt.part" "$WORK/hallows-apps/techempower.pt"
    say "hallows: techempower.pt deployed; waiting for GET /plaintext on 127.0.0.1:$H_PORT"
    wait_for_http "$H_PORT" "$APP_TIMEOUT" "$H_PID" && return 0
    if ! kill -0 "$H_PID" 2>/dev/null; then
        H_PROBLEM="the stack exited while techempower.pt was deploying; the end of its log ($log):
$(tail -n 8 "$log" | sed 's/^/    /')"
    elif port_in_use "$H_PORT"; then
        H_PROBLEM="something listens on 127.0.0.1:$H_PORT but GET /plaintext does not answer 200 after $APP_TIMEOUT s:
the techempower module is not serving (not deployed, or its routes are not registered). From the stack's log ($log):
$(module_lines)"
    else
        H_PROBLEM="nothing listens on 127.0.0.1:$H_PORT after $APP_TIMEOUT s: Basilisk (issue 13, the HTTP server of
framework.bundles/basilisk) is not in this stack, failed to start, or takes its port from another property
than -D$H_PORT_PROPERTY (--hallows-port-property). From the stack's log ($log):
$(module_lines)"
    fi
    return 1
}

# TechEmpower's rows into the tables the module's deploy created.
hallows_data_up() {
    local log="$LOGS/hallows-load.txt" answer problem
    if ! answer="$(psql_on "$H_PG_PORT" "$H_USER" "$H_DB" -c 'SELECT count(*) FROM world' 2>&1)"; then
        H_PROBLEM="the stack serves, but table world cannot be read on 127.0.0.1:$H_PG_PORT (database $H_DB):
    $(printf '%s' "$answer" | head -n 2 | tr '\n' ' ')
The deploy of techempower.pt should create tables world and fortune from its stored models."
        return 1
    fi
    if ! problem="$(load_techempower "$H_PG_PORT" "$H_USER" "$H_DB" "$log")"; then
        H_PROBLEM="loading TechEmpower's rows into the stack's OLTP database failed: $problem (log: $log)"
        return 1
    fi
    say "hallows: world (10000 rows) and fortune (12 rows) loaded"
}

# The whole Hallows half; returns 1 with H_PROBLEM set if it could not be measured.
hallows_half() {
    if hallows_app_up && hallows_data_up; then
        validate_side hallows "$H_PORT" "$H_PG_PORT" "$H_USER" "$H_DB"
        measure_side hallows "$H_PORT" "$H_PID"
    fi
    hallows_down
    [ -z "$H_PROBLEM" ]
}
