# The cases of bench/messaging/run and the figures of Kafka's performance tools: which topic and
# settings a case means, and what ProducerPerformance and ConsumerPerformance print. Sourced, not run.

# A case is partitions:acks:flush, e.g. 8:all:batch. Flush "os" is durability like Kafka's
# default (acknowledged once in the page cache), "batch" a force to disk per batch.
DEFAULT_CASES="1:1:os,1:all:os,1:1:batch,1:all:batch,8:1:os,8:all:os,8:1:batch,8:all:batch"

# Checks a --cases list and puts its entries in CASES.
parse_cases() {
    local spec parts acks flush
    CASES=()
    IFS=',' read -r -a specs <<<"$1"
    for spec in "${specs[@]}"; do
        IFS=':' read -r parts acks flush <<<"$spec"
        [[ "$parts" =~ ^[1-9][0-9]*$ ]] || die "--cases: '$spec': partitions must be a positive number (partitions:acks:flush)"
        case "$acks" in 0 | 1 | all) ;; *) die "--cases: '$spec': acks must be 0, 1 or all" ;; esac
        case "$flush" in os | batch) ;; *) die "--cases: '$spec': flush must be os or batch" ;; esac
        CASES+=("$parts:$acks:$flush")
    done
    [ "${#CASES[@]}" -gt 0 ] || die "--cases is empty"
}

# The topic of case $1 in run $2: its own topic, so each run produces into an empty log and
# consumes exactly what it produced.
topic_of() {
    local parts acks flush
    IFS=':' read -r parts acks flush <<<"$1"
    printf 'bench-p%s-acks%s-%s-r%s\n' "$parts" "$acks" "$flush" "$2"
}

# The topic config (for TopicCommand --config, empty for none) that gives target $1 ("kafka" or
# "hallows") the durability $2. Kafka has no flush setting by default (flush.messages is
# Long.MAX_VALUE: never forced for a count of records) and forces after every appended batch with
# flush.messages=1. Hallows calls the two flush=os and flush=batch, defaults to batch, and reads
# Kafka's flush.messages=1 as batch and any other count as os. Kafka's TopicCommand only sends
# Kafka's names (it validates them before sending: "Unknown topic config name: flush"), so
# Hallows gets flush.messages too: Kafka's default value for os, 1 for batch.
topic_config_of() {
    case "$1:$2" in
        kafka:os) ;;
        kafka:batch | hallows:batch) printf 'flush.messages=1\n' ;;
        hallows:os) printf 'flush.messages=9223372036854775807\n' ;;
        *) return 1 ;;
    esac
}

# ProducerPerformance's last line (Kafka 4.3):
#   1000000 records sent, 19972.438036 records/sec (1.90 MB/sec), 10733.75 ms avg latency,
#   24621.00 ms max latency, 7375 ms 50th, 22306 ms 95th, 24128 ms 99th, 24588 ms 99.9th.
# Prints "records/s MB/s p50 p99 sent" from the output in file $1, or fails if that line is absent
# (the intermediate lines, printed every 5 s, have no percentiles). With no record sent the average
# latency is NaN.
parse_producer() {
    sed -n -E 's/^([0-9]+) records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\), [^ ]+ ms avg latency, [^ ]+ ms max latency, ([0-9.]+) ms 50th, [0-9.]+ ms 95th, ([0-9.]+) ms 99th, .*/\2 \3 \4 \5 \1/p' "$1" \
        | tail -n 1 | grep .
}

# ConsumerPerformance's header and values (Kafka 4.3), comma separated:
#   start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
#   rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
# Prints "records/s MB/s consumed" of the fetch figures (the time spent fetching, without the
# consumer group's join, which is the broker's rebalance delay rather than its speed) from the
# output in file $1, or fails if the tool printed no figures.
parse_consumer() {
    awk -F', *' '
        $1 == "start.time" { for (i = 1; i <= NF; i++) col[$i] = i; header = 1; next }
        header && NF >= 10 && $(col["fetch.nMsg.sec"]) ~ /^[0-9.]+$/ {
            line = $(col["fetch.nMsg.sec"]) " " $(col["fetch.MB.sec"]) " " $(col["data.consumed.in.nMsg"])
        }
        END { if (line == "") exit 1; print line }' "$1"
}

# The median of the numbers given as arguments (the mean of the middle two for an even count),
# nothing if there are none.
median() {
    [ $# -gt 0 ] || return 0
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2) }'
}
