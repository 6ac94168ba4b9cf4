# The report of bench/messaging/run: a produce table and a consume table, one row per case with
# the figures of both brokers (medians over --runs), the ratio and the goals of issue 12 met or
# not. Sourced, not run.

# The median of a figure list ($1, space separated), or nothing.
med() {
    # shellcheck disable=SC2086 # the list is words on purpose
    median $1
}

# $1 as a whole number, or n/a.
count() { if [ -n "$1" ]; then printf '%.0f' "$1"; else printf 'n/a'; fi; }
# $1 with one decimal, or n/a.
dec1() { if [ -n "$1" ]; then printf '%.1f' "$1"; else printf 'n/a'; fi; }

# Hallows over Kafka ($1 / $2) as "1.23x", or n/a.
ratio() {
    [ -n "$1" ] && [ -n "$2" ] || { printf 'n/a'; return; }
    awk -v h="$1" -v k="$2" 'BEGIN { if (k > 0) printf "%.2fx", h / k; else printf "n/a" }'
}

# Sets V to "met" or "not met" as awk's expression $3 says of h ($1) and k ($2), or "-" if either
# is absent, and counts the verdicts in MET and CHECKED (so not to be called in a subshell).
MET=0 CHECKED=0
verdict() {
    V=-
    [ -n "$1" ] && [ -n "$2" ] || return 0
    CHECKED=$((CHECKED + 1))
    if awk -v h="$1" -v k="$2" "BEGIN { exit !($3) }"; then
        MET=$((MET + 1))
        V=met
    else
        V="not met"
    fi
}

report_header() {
    local commit cpu
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || printf '?')"
    [ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
    cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
    printf 'Hallows vs Kafka %s: Kafka'"'"'s ProducerPerformance and ConsumerPerformance, %s records of 100 B per case, %s run(s)\n' \
        "$KAFKA_VERSION" "$(count "$RECORDS")" "$RUNS"
    printf 'date      %s; bench/messaging/run %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "${ARGS:-(defaults)}"
    printf 'machine   %s, %s cpus (%s), load average %s, Linux %s\n' "$(uname -n)" "$(nproc)" "${cpu:-?}" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" "$(uname -r)"
    printf 'java      %s\n' "$("$JAVA" -version 2>&1 | head -n 1)"
    printf 'kafka     kafka_2.13 %s, single node in KRaft mode, 127.0.0.1:%s, 1 GB heap, Kafka'"'"'s defaults\n' \
        "$KAFKA_VERSION" "$K_PORT"
    printf 'hallows   commit %s, launcher %s, messaging on 127.0.0.1:%s\n' "$commit" "$LAUNCHER" "$H_PORT"
    if [ -n "$FSYNC_RATE" ]; then
        printf 'disk      %s: %s syncs/s, by %s\n' "$(df -P "$WORK" | awk 'NR == 2 { print $1 " on " $6 }')" \
            "$(dec1 "$FSYNC_RATE")" "$FSYNC_HOW"
    else
        printf 'disk      %s: sync rate %s\n' "$(df -P "$WORK" | awk 'NR == 2 { print $1 " on " $6 }')" "$FSYNC_HOW"
    fi
    printf 'flush     os: acknowledged in the page cache: Kafka with no flush setting; Hallows flush.messages=%s,\n' 9223372036854775807
    printf '          which it reads as flush=os (Kafka'"'"'s default value; the stack'"'"'s default is flush=batch)\n'
    printf '          batch: a force per batch: topic config flush.messages=1 on both (Hallows: flush=batch)\n'
}

report_produce() {
    local case parts acks flush k h kp50 kp99 hp50 hp99 tput
    printf '\nProduce: ProducerPerformance --record-size 100 --throughput -1 (goal: Hallows >= 1.5x Kafka'"'"'s records/s, and a lower p99)\n'
    printf '%-5s %-4s %-5s | %11s %7s %6s %6s | %11s %7s %6s %6s | %6s %-8s %-9s\n' PARTS ACKS FLUSH \
        'KAFKA rec/s' MB/s p50ms p99ms 'HALLOWS r/s' MB/s p50ms p99ms RATIO '>=1.5x' 'P99 LOWER'
    for case in "${CASES[@]}"; do
        IFS=':' read -r parts acks flush <<<"$case"
        k="$(med "${P_RPS[kafka|$case]:-}")" h="$(med "${P_RPS[hallows|$case]:-}")"
        kp50="$(med "${P_P50[kafka|$case]:-}")" kp99="$(med "${P_P99[kafka|$case]:-}")"
        hp50="$(med "${P_P50[hallows|$case]:-}")" hp99="$(med "${P_P99[hallows|$case]:-}")"
        verdict "$h" "$k" 'h >= 1.5 * k'
        tput="$V"
        verdict "$hp99" "$kp99" 'h < k'
        printf '%-5s %-4s %-5s | %11s %7s %6s %6s | %11s %7s %6s %6s | %6s %-8s %-9s\n' "$parts" "$acks" "$flush" \
            "$(count "$k")" "$(dec1 "$(med "${P_MBS[kafka|$case]:-}")")" "$(count "$kp50")" "$(count "$kp99")" \
            "$(count "$h")" "$(dec1 "$(med "${P_MBS[hallows|$case]:-}")")" "$(count "$hp50")" "$(count "$hp99")" \
            "$(ratio "$h" "$k")" "$tput" "$V"
    done
}

report_consume() {
    local case parts acks flush k h
    printf '\nConsume: ConsumerPerformance, fetch figures (without the group join) (goal: Hallows >= Kafka)\n'
    printf '%-5s %-4s %-5s | %11s %7s | %11s %7s | %6s %-8s\n' PARTS ACKS FLUSH 'KAFKA rec/s' MB/s 'HALLOWS r/s' MB/s RATIO '>=1x'
    for case in "${CASES[@]}"; do
        IFS=':' read -r parts acks flush <<<"$case"
        k="$(med "${C_RPS[kafka|$case]:-}")" h="$(med "${C_RPS[hallows|$case]:-}")"
        verdict "$h" "$k" 'h >= k'
        printf '%-5s %-4s %-5s | %11s %7s | %11s %7s | %6s %-8s\n' "$parts" "$acks" "$flush" \
            "$(count "$k")" "$(dec1 "$(med "${C_MBS[kafka|$case]:-}")")" \
            "$(count "$h")" "$(dec1 "$(med "${C_MBS[hallows|$case]:-}")")" \
            "$(ratio "$h" "$k")" "$V"
    done
}

# NOT MEASURED if target $1 has no figure at all, else PROBLEMS (some figures are there).
extent() {
    local key
    for key in "${!P_RPS[@]}" "${!C_RPS[@]}"; do
        [ "${key%%|*}" != "$1" ] || { printf 'PROBLEMS'; return; }
    done
    printf 'NOT MEASURED'
}

report_footer() {
    local target
    printf '\ngoals     %s of %s checks met' "$MET" "$CHECKED"
    [ "$CHECKED" -gt 0 ] || printf ' (nothing to compare: a broker was not measured)'
    printf '\ntime      Kafka %s s, Hallows %s s of measuring (topics, produce, consume)\n' \
        "${ELAPSED[kafka]:-n/a}" "${ELAPSED[hallows]:-n/a}"
    printf 'columns   rec/s, MB/s: the tools'"'"' figures, medians over the runs; p50ms, p99ms: produce latency\n'
    printf '          (send to acknowledgement, queueing in the producer included: --throughput -1 saturates it)\n'
    for target in kafka hallows; do
        [ -n "${PROBLEMS[$target]:-}" ] || continue
        printf '\n%s %s:\n%s\n' "${target^^}" "$(extent "$target")" "$(printf '%s\n' "${PROBLEMS[$target]}" | sed 's/^/    /')"
    done
    printf '\nlogs      %s\n' "$LOGS"
}
