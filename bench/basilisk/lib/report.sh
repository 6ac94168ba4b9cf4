# The table of bench/basilisk/run: both sides per test, the ratio and issue 13's goal. Sourced, not run.

# A figure of side $1 and test $2 from array $3, or a dash.
figure() {
    local -n values="$3"
    printf '%s\n' "${values[$1:$2]:-–}"
}

# Thousands separated: 123456 → 123,456.
grouped() {
    [[ "$1" =~ ^[0-9]+$ ]] || { printf '%s\n' "$1"; return; }
    printf '%s\n' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
}

# The goal cell of test $1: met or not, judged on Hallows' requests/s over the peer's, and only
# when Hallows answered every request well.
goal_cell() {
    local test="$1" v="${RPS[vertx:$1]:-}" h="${RPS[hallows:$1]:-}" goal
    goal="$(goal_of "$test")"
    if [ -z "$v" ] || [ -z "$h" ] || [ "$v" = 0 ]; then
        printf '%sx: not measured\n' "$goal"
    elif [ -n "${NOTES[hallows:$test]:-}" ]; then
        printf '%sx: **not met** (headers, see below)\n' "$goal"
    elif [ "${ERRORS[hallows:$test]:-0}" -gt 0 ]; then
        printf '%sx: **not met** (%s errors)\n' "$goal" "${ERRORS[hallows:$test]}"
    elif awk -v h="$h" -v v="$v" -v g="$goal" 'BEGIN { exit !(h / v >= g) }'; then
        printf '%sx: met\n' "$goal"
    else
        printf '%sx: **not met**\n' "$goal"
    fi
}

ratio_cell() {
    local v="${RPS[vertx:$1]:-}" h="${RPS[hallows:$1]:-}"
    if [ -n "$v" ] && [ -n "$h" ] && [ "$v" != 0 ]; then
        awk -v h="$h" -v v="$v" 'BEGIN { printf "%.2fx\n", h / v }'
    else
        printf '–\n'
    fi
}

report() {
    local test side
    printf '# Basilisk: TechEmpower'"'"'s tests, Hallows against bare Vert.x 5.0.7 + PostgreSQL 15\n\n'
    printf 'Run %s, commit %s, %s cpus, load average %s.\n' "$STAMP" \
        "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" "$(nproc)" \
        "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    printf 'wrk %s: -c %s -t %s, %s s measured after %s s of warm-up per test and side; plaintext\n' \
        "$(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')" "$CONNECTIONS" "$THREADS" "$DURATION" "$WARMUP"
    printf 'pipelined %s deep; queries and updates with ?queries=%s. Arguments: %s\n\n' "$PIPELINE" "$QUERIES" "${ARGS:-none}"
    printf '| Test | Vert.x req/s | p50 ms | p99 ms | errors | Hallows req/s | p50 ms | p99 ms | errors | Ratio | Goal |\n'
    printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n'
    for test in "${TESTS[@]}"; do
        printf '| %s ' "$(title_of "$test")"
        for side in vertx hallows; do
            printf '| %s | %s | %s | %s ' "$(grouped "$(figure "$side" "$test" RPS)")" "$(figure "$side" "$test" P50)" \
                "$(figure "$side" "$test" P99)" "$(figure "$side" "$test" ERRORS)"
        done
        printf '| %s | %s |\n' "$(ratio_cell "$test")" "$(goal_cell "$test")"
    done
    printf '\nErrors: responses wrk counts as non-2xx/3xx plus socket errors (connect, read, write, timeout).\n'
    [ "$PIPELINE" -le 1 ] || printf 'Pipelined plaintext has no latencies: wrk'"'"'s distribution is wrong with pipelining (wg/wrk#236).\n'
    for side in vertx hallows; do
        for test in "${TESTS[@]}"; do
            case "${VERDICT[$side:$test]:-}" in
                ok | "") ;;
                *) printf -- '- %s, %s: %s\n' "$side" "$test" "${VERDICT[$side:$test]}" ;;
            esac
            [ -z "${NOTES[$side:$test]:-}" ] || printf -- '- %s, %s: %s\n' "$side" "$test" "${NOTES[$side:$test]}"
        done
    done
    [ -z "$P_PROBLEM" ] || printf -- '- vertx: %s\n' "$P_PROBLEM"
    [ -z "$H_PROBLEM" ] || printf -- '- hallows: %s\n' "$H_PROBLEM"
}
