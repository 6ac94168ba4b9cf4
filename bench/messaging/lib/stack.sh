# The Hallows stack of bench/messaging/run: booted with the launcher on a fresh data area, reached
# through Kafka's protocol. Stopping it (hallows_down) and finding its JVM (hallows_java_pid) are
# bench/oltp's, sourced beside this. Sourced, not run.

H_PID=""

# Starts the stack (the launcher builds first if sources changed, unless --no-build) and waits
# until its messaging broker answers Kafka's protocol on 127.0.0.1:$H_PORT. Returns 1 with
# H_PROBLEM set if it does not.
hallows_broker_up() {
    if port_in_use "$H_PORT"; then
        H_PROBLEM="something already listens on 127.0.0.1:$H_PORT (another Hallows stack or a Kafka broker?); stop it first"
        return 1
    fi
    [ -x "$LAUNCHER" ] || { H_PROBLEM="the launcher $LAUNCHER is missing"; return 1; }
    mkdir -p "$WORK/hallows-data" "$WORK/hallows-apps"
    local log="$LOGS/hallows-stack.txt"
    say "hallows: starting the stack with $LAUNCHER (data area $WORK/hallows-data, log $log)"
    # Its own process group, so that stopping it reaches the launcher and the JVM, nothing else.
    # A fresh data area and token file, no applications, the admin API on a free port, the
    # messaging broker on --hallows-port: nothing of the user's (~/.hallows, a running stack).
    env HALLOWS_DATA="$WORK/hallows-data" HALLOWS_APPS="$WORK/hallows-apps" HALLOWS_CONSOLE=none \
        HALLOWS_ADMIN_TOKEN_FILE="$WORK/hallows-admin.token" \
        HALLOWS_JAVA_OPTS="-Dhallows.admin.port=0 -Dhallows.messaging.port=$H_PORT ${HALLOWS_JAVA_OPTS:-}" \
        ${NO_BUILD:+HALLOWS_NO_BUILD=1} \
        setsid "$LAUNCHER" start </dev/null >"$log" 2>&1 &
    H_PID=$!
    local waited=0
    # The launcher may build first, hence the long bound before the ready line.
    until grep -q '^hallows: ready' "$log"; do
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
    say "hallows: $(grep -m1 '^hallows: ready' "$log" | sed 's/^hallows: //'); waiting for 127.0.0.1:$H_PORT"
    wait_for_broker hallows "$H_PID" "$H_PORT" "$BROKER_TIMEOUT" "$log" && return 0
    if port_in_use "$H_PORT"; then
        H_PROBLEM="the stack is up, but its messaging broker does not answer: $BROKER_PROBLEM"
    else
        H_PROBLEM="the stack is up but nothing answers Kafka's protocol on 127.0.0.1:$H_PORT after $BROKER_TIMEOUT s.
The messaging broker (issue 12, framework.bundles/messaging) is not in this stack yet, or failed
to start: see $log"
    fi
    return 1
}
