# The measuring of bench/messaging/run: for one broker, every case of every run with Kafka's own
# tools, the figures kept for the report. Sourced, not run.

# Figures, keyed "target|case", each a list of one value per run (medians are taken at the end):
# produce records/s, MB/s, p50 and p99 latency (ms); consume records/s and MB/s.
declare -A P_RPS=() P_MBS=() P_P50=() P_P99=() C_RPS=() C_MBS=() PROBLEMS=()

# Notes a problem of target $1 for the report.
problem() { PROBLEMS[$1]+="${PROBLEMS[$1]:+$'\n'}$2"; }

# The first line of a tool's output $1 that says what went wrong (or its last line), and where
# the rest is.
tool_error() {
    local line
    line="$(grep -m1 -E 'ERROR|Exception|Error|rror:' "$1" || tail -n 1 "$1")"
    printf '%s (all of it: %s)\n' "$line" "$1"
}

# Writes its input to file $1, the first and the last 200 lines of it: a producer whose records all
# fail prints a stack trace per record, a million of them, and its figures come last.
capped() {
    awk -v keep=200 '
        NR <= keep { print; next }
        { ring[NR % keep] = $0 }
        END {
            first = keep + 1
            if (NR > 2 * keep) { printf "... %d lines left out ...\n", NR - 2 * keep; first = NR - keep + 1 }
            for (i = first; i <= NR; i++) print ring[i % keep]
        }' >"$1"
}

# One case ($2) of run $3 against target $1 listening on 127.0.0.1:$4: creates its topic, produces
# --records records into it, consumes them. Returns 1 if a step failed (what was measured stays),
# 2 if the producer got no record through: the broker is not working, other cases would wait as
# long for nothing.
measure_case() {
    local target="$1" case="$2" run="$3" port="$4" parts acks flush topic config out figures
    local name="$target-${case//:/-}-r$run" key="$1|$2"
    IFS=':' read -r parts acks flush <<<"$case"
    topic="$(topic_of "$case" "$run")"
    config="$(topic_config_of "$target" "$flush")"
    out="$LOGS/$name-topic.txt"
    say "$target: case $case run $run: topic $topic, $parts partition(s)${config:+, config $config}"
    if ! kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" --create \
        --topic "$topic" --partitions "$parts" --replication-factor 1 ${config:+--config "$config"} >"$out" 2>&1; then
        problem "$target" "case $case run $run: TopicCommand --create failed: $(tool_error "$out")"
        return 1
    fi
    out="$LOGS/$name-produce.txt"
    say "$target: ProducerPerformance, $RECORDS records of 100 B, acks=$acks"
    kafka_tool org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$RECORDS" \
        --record-size 100 --throughput -1 --producer-props "acks=$acks" "bootstrap.servers=127.0.0.1:$port" \
        2>&1 | capped "$out" || true
    if ! figures="$(parse_producer "$out")"; then
        problem "$target" "case $case run $run: ProducerPerformance printed no figures: $(tool_error "$out")"
        return 2
    fi
    local rps mbs p50 p99 sent
    read -r rps mbs p50 p99 sent <<<"$figures"
    if [ "$sent" -eq 0 ]; then
        problem "$target" "case $case run $run: no record was acknowledged: $(tool_error "$out")"
        return 2
    fi
    P_RPS[$key]+=" $rps" P_MBS[$key]+=" $mbs" P_P50[$key]+=" $p50" P_P99[$key]+=" $p99"
    [ "$sent" -eq "$RECORDS" ] \
        || problem "$target" "case $case run $run: $((RECORDS - sent)) of $RECORDS records were not acknowledged: $(tool_error "$out")"
    out="$LOGS/$name-consume.txt"
    say "$target: ConsumerPerformance, $RECORDS records"
    # It gives up after --timeout without a record (10 s by default): a broker whose disk is busy
    # with another's syncs can take longer (Kafka's own broker fences itself for a while when its
    # controller's forced metadata writes stall), so a minute.
    kafka_tool org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "127.0.0.1:$port" \
        --topic "$topic" --num-records "$RECORDS" --timeout 60000 2>&1 | capped "$out" || true
    local consumed
    if ! figures="$(parse_consumer "$out")"; then
        problem "$target" "case $case run $run: ConsumerPerformance printed no figures: $(tool_error "$out")"
        return 1
    fi
    read -r rps mbs consumed <<<"$figures"
    C_RPS[$key]+=" $rps" C_MBS[$key]+=" $mbs"
    if [ "$consumed" -lt "$sent" ]; then
        problem "$target" "case $case run $run: consumed $consumed of the $sent records produced (ConsumerPerformance stops after 60 s without records): $out"
        return 1
    fi
}

# Every run of every case against target $1 on 127.0.0.1:$2, its process $3. Returns 1 if any
# step failed; stops early if the process is gone or its producer got nothing through.
measure_target() {
    local target="$1" port="$2" pid="$3" run case failed=0 start status
    start="$(now)"
    for ((run = 1; run <= RUNS; run++)); do
        for case in "${CASES[@]}"; do
            if ! kill -0 "$pid" 2>/dev/null; then
                problem "$target" "the $target process exited before case $case of run $run; see $LOGS"
                return 1
            fi
            status=0
            measure_case "$target" "$case" "$run" "$port" || status=$?
            [ "$status" -eq 0 ] || failed=1
            if [ "$status" -eq 2 ]; then
                problem "$target" "stopped measuring $target there: its producer got nothing through, the other cases would not either"
                return 1
            fi
        done
    done
    ELAPSED[$target]="$(seconds_between "$start" "$(now)")"
    return "$failed"
}
declare -A ELAPSED=()
