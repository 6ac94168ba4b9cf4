# Validation and wrk runs of bench/basilisk/run, the same for both sides. Sourced, not run.

declare -A RPS=() P50=() P99=() ERRORS=() REQUESTS=() VERDICT=() NOTES=()

# Waits until GET /plaintext on 127.0.0.1:$1 answers 200, for at most $2 seconds, while process
# $3 lives. Returns 1 if it does not.
wait_for_http() {
    local port="$1" limit="$2" pid="$3" waited=0
    while [ $((waited / 2)) -lt "$limit" ]; do
        kill -0 "$pid" 2>/dev/null || return 1
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/plaintext" 2>/dev/null)" = 200 ] \
            && return 0
        sleep 0.5
        waited=$((waited + 1))
    done
    return 1
}

# Checks side $1's answers (server at 127.0.0.1:$2, its database at $3 $4 $5) with validate.py.
# A test that fails gets VERDICT "invalid: ..." and is not measured.
validate_side() {
    local side="$1" port="$2" out="$LOGS/$1-validation.txt" test result
    say "$side: checking the answers of every test against TechEmpower's rules"
    python3 "$HERE/lib/validate.py" ${WARN_HEADERS:+--warn-headers} --port "$port" --tests "$(IFS=,; echo "${TESTS[*]}")" --out "$out" \
        --psql "$PG_BIN/psql" --pg-port "$3" --pg-user "$4" --pg-db "$5" >"$LOGS/$side-validation-log.txt" 2>&1 || true
    for test in "${TESTS[@]}"; do
        result="$(awk -F'\t' -v t="$test" '$1 == t { print $2 }' "$out" 2>/dev/null)"
        if [ -z "$result" ]; then
            result="the validator gave no answer (see $LOGS/$side-validation-log.txt)"
        fi
        if [ "$result" = ok ]; then
            VERDICT[$side:$test]=ok
        elif [[ "$result" == "warn: "* ]]; then
            # --warn-headers: measured, and the report says what is not TechEmpower's.
            VERDICT[$side:$test]=ok
            NOTES[$side:$test]="measured although its headers are not TechEmpower's (--warn-headers): ${result#warn: }"
            say "$side: $test: headers not TechEmpower's: ${result#warn: }"
        else
            VERDICT[$side:$test]="invalid: $result"
            say "$side: $test FAILS validation: $result"
        fi
    done
}

# A wrk latency such as 812.00us, 1.52ms or 2.01s in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n }'
}

# One wrk run: side $1, test $2, port $3, seconds $4, log $5.
wrk_once() {
    local test="$2" port="$3" seconds="$4" log="$5" threads="$THREADS"
    local -a script=()
    [ "$test" != plaintext ] || script=(-s "$HERE/lib/pipeline.lua" -- "$PIPELINE")
    [ "$threads" -le "$CONNECTIONS" ] || threads="$CONNECTIONS"
    timeout $((seconds + 30)) wrk -H 'Host: localhost' -H "Accept: $(accept_of "$test")" -H 'Connection: keep-alive' \
        --latency -d "${seconds}s" -c "$CONNECTIONS" -t "$threads" --timeout 8 \
        "http://127.0.0.1:$port$(path_of "$test")" "${script[@]}" >"$log" 2>&1
}

# Measures every valid test of side $1 on port $2 (served by process $3): a warm-up run, then the
# measured one.
measure_side() {
    local side="$1" port="$2" pid="$3" test log non2xx socket
    for test in "${TESTS[@]}"; do
        [ "${VERDICT[$side:$test]}" = ok ] || continue
        if ! kill -0 "$pid" 2>/dev/null; then
            VERDICT[$side:$test]="not measured: the server had exited (see its log in $LOGS)"
            continue
        fi
        log="$LOGS/$side-$test-wrk.txt"
        if [ "$WARMUP" -gt 0 ]; then
            say "$side: $test: warm-up ${WARMUP} s"
            wrk_once "$side" "$test" "$port" "$WARMUP" "$LOGS/$side-$test-warmup.txt" || true
        fi
        say "$side: $test: wrk -c $CONNECTIONS -t $THREADS -d ${DURATION}s$([ "$test" != plaintext ] || echo " (pipeline $PIPELINE)") $(path_of "$test")"
        if ! wrk_once "$side" "$test" "$port" "$DURATION" "$log"; then
            VERDICT[$side:$test]="wrk failed: $(tail -n 1 "$log")"
            continue
        fi
        RPS[$side:$test]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$log")"
        REQUESTS[$side:$test]="$(awk '/requests in/ { print $1 }' "$log")"
        P50[$side:$test]="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$log")")"
        P99[$side:$test]="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$log")")"
        if [ "$test" = plaintext ] && [ "$PIPELINE" -gt 1 ]; then
            # wrk records one latency per pipelined batch but ranks percentiles over all requests
            # (wg/wrk#236): its distribution of a pipelined run is wrong (a p99 of 0 µs).
            P50[$side:$test]=n/a P99[$side:$test]=n/a
        fi
        non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$log")"
        socket="$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' "$log" \
            | awk '{ print $1 + $2 + $3 + $4 }')"
        ERRORS[$side:$test]=$(( ${non2xx:-0} + ${socket:-0} ))
        [ -n "${RPS[$side:$test]}" ] || VERDICT[$side:$test]="wrk printed no figures (see $log)"
    done
}
