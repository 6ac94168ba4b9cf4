# The Hallows stack of bench/messaging/run: booted with the launcher on a fresh data area, reached
# through Kafka's protocol. Starting it (hallows_launch) and stopping it (hallows_down) are
# bench/oltp's, sourced beside this. Sourced, not run.

# Starts the stack (the launcher builds first if sources changed, unless --no-build) and waits
# until its messaging broker answers Kafka's protocol on 127.0.0.1:$H_PORT. Returns 1 with
# H_PROBLEM set if it does not.
hallows_broker_up() {
    hallows_launch "-Dhallows.messaging.port=$H_PORT" "another Hallows stack or a Kafka broker" || return 1
    local log="$LOGS/hallows-stack.txt" waited=0
    # The launcher may build first, hence the long bound before the ready line.
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
