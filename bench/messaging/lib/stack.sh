# The Hallows stack of bench/messaging/run: booted with the launcher on a fresh data area, reached
# through Kafka's protocol. Starting it (hallows_launch), waiting for its ready line
# (hallows_wait_ready) and stopping it (hallows_down) are bench/oltp's, sourced beside this.
# Sourced, not run.

# Starts the stack (the launcher builds first if sources changed, unless --no-build) and waits
# until its messaging broker answers Kafka's protocol on 127.0.0.1:$H_PORT. Returns 1 with
# H_PROBLEM set if it does not.
hallows_broker_up() {
    hallows_launch "-Dhallows.messaging.port=$H_PORT" "another Hallows stack or a Kafka broker" || return 1
    local log="$LOGS/hallows-stack.txt"
    hallows_wait_ready || return 1
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
