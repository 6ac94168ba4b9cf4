# Kafka in bench/messaging/run: the classpath of the broker and of Kafka's tools, the tools
# themselves, and a single-node KRaft broker of its own. Sourced, not run.

K_PID=""

# Resolves bench/messaging/pom.xml (kafka_2.13 and kafka-tools $KAFKA_VERSION, from Maven Central
# unless in ~/.m2) into the classpath file $1. With --classpath, that file is used as it is.
fetch_classpath() {
    local out="$1" log="$LOGS/maven-classpath.txt"
    if [ -n "$CLASSPATH_FILE" ]; then
        cp "$CLASSPATH_FILE" "$out"
        return 0
    fi
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to fetch Kafka and its tools; it is not on PATH"
    say "kafka: resolving org.apache.kafka:kafka_2.13 and kafka-tools $KAFKA_VERSION (log: $log)"
    local -a cmd=(mvn -B -ntp ${OFFLINE:+-o} -f "$HERE/pom.xml" dependency:build-classpath
        "-Dmdep.outputFile=$out")
    # On a shared machine the build lock keeps this from running beside someone's build.
    [ -z "$MAVEN_LOCK" ] || cmd=(flock "$MAVEN_LOCK" "${cmd[@]}")
    if ! "${cmd[@]}" >"$log" 2>&1 || [ ! -s "$out" ]; then
        say "kafka: Maven could not resolve Kafka $KAFKA_VERSION; the end of its log:"
        tail -n 10 "$log" | sed 's/^/    /' >&2
        return 1
    fi
}

# Runs Kafka class $1 with the arguments after it, within $TOOL_TIMEOUT seconds, logging warnings
# to stderr. Kafka's scripts give their tools 256 MB of heap; 512 MB here, room for a producer's
# 32 MB buffer and the latencies of 1M records whatever the broker.
kafka_tool() {
    local class="$1"
    shift
    timeout "$TOOL_TIMEOUT" "$JAVA" -Xmx512M -Djava.awt.headless=true \
        "-Dlog4j2.configurationFile=$HERE/lib/tools-log4j2.properties" \
        -cp "$(cat "$WORK/classpath.txt")" "$class" "$@"
}

# The server.properties of the broker: one node that is both broker and controller, on
# 127.0.0.1:$K_PORT (clients) and :$K_PORT+1 (its controller), everything else Kafka's defaults,
# with replication factors of 1 as a single node needs and no delay before a group's first
# rebalance (both as Kafka's own config/server.properties has them).
kafka_properties() {
    cat <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$((K_PORT + 1))
listeners=PLAINTEXT://127.0.0.1:$K_PORT,CONTROLLER://127.0.0.1:$((K_PORT + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$K_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$WORK/kafka-logs
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

# Formats a fresh log directory (StorageTool format --standalone) and starts the broker in its own
# process group with kafka-server-start.sh's JVM options (1 GB heap, G1). Waits until it lists
# topics. Returns 1 with K_PROBLEM set if it does not.
kafka_up() {
    local port
    for port in "$K_PORT" $((K_PORT + 1)); do
        if port_in_use "$port"; then
            K_PROBLEM="something already listens on 127.0.0.1:$port (--kafka-port uses it and the next port); stop it or choose another"
            return 1
        fi
    done
    mkdir -p "$WORK/kafka"
    kafka_properties >"$WORK/kafka/server.properties"
    local id log="$LOGS/kafka-format.txt"
    id="$(kafka_tool kafka.tools.StorageTool random-uuid 2>"$log")" || true
    say "kafka: formatting $WORK/kafka-logs (cluster $id)"
    if [ -z "$id" ] || ! kafka_tool kafka.tools.StorageTool format --standalone -t "$id" \
        -c "$WORK/kafka/server.properties" >>"$log" 2>&1; then
        K_PROBLEM="kafka.tools.StorageTool format failed: $(tail -n 3 "$log" | tr '\n' ' ')(all of it: $log)"
        return 1
    fi
    say "kafka: starting the broker on 127.0.0.1:$K_PORT (log: $LOGS/kafka-server.log)"
    # kafka.logs.dir is where lib/kafka-log4j2.properties writes the broker's log.
    setsid "$JAVA" -Xmx1G -Xms1G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
        -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
        "-Dkafka.logs.dir=$LOGS" "-Dlog4j2.configurationFile=$HERE/lib/kafka-log4j2.properties" \
        -cp "$(cat "$WORK/classpath.txt")" kafka.Kafka "$WORK/kafka/server.properties" \
        </dev/null >"$LOGS/kafka-stdout.txt" 2>&1 &
    K_PID=$!
    wait_for_broker kafka "$K_PID" "$K_PORT" "$BROKER_TIMEOUT" "$LOGS/kafka-server.log" || {
        K_PROBLEM="$BROKER_PROBLEM"
        return 1
    }
}

# Waits until the broker of target $1 (process $2) answers Kafka's protocol on 127.0.0.1:$3,
# within $4 seconds: its port first (polled: a broker gives no other signal), then a topic listing
# by TopicCommand. Returns 1 with BROKER_PROBLEM set if it does not; $5 is the log to point at.
wait_for_broker() {
    local target="$1" pid="$2" port="$3" bound="$4" log="$5" waited=0
    BROKER_PROBLEM=""
    while ! port_in_use "$port"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            BROKER_PROBLEM="the $target process exited before listening on 127.0.0.1:$port; see $log"
            return 1
        fi
        if [ $((waited / 4)) -ge "$bound" ]; then
            BROKER_PROBLEM="nothing listens on 127.0.0.1:$port after $bound s; see $log"
            return 1
        fi
        sleep 0.25
        waited=$((waited + 1))
    done
    if ! kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" --list \
        >"$LOGS/$target-list.txt" 2>&1; then
        BROKER_PROBLEM="127.0.0.1:$port accepts connections, but Kafka's TopicCommand --list fails against it:
    $(grep -m1 -E 'ERROR|Exception|rror' "$LOGS/$target-list.txt" || tail -n 1 "$LOGS/$target-list.txt") (all of it: $LOGS/$target-list.txt)"
        return 1
    fi
    say "$target: answers Kafka's protocol on 127.0.0.1:$port"
}

# Stops the broker: SIGTERM (a controlled shutdown), then SIGKILL to its process group after 30 s.
kafka_down() {
    [ -n "$K_PID" ] || return 0
    say "kafka: stopping the broker"
    stop_group "$K_PID" "$K_PID" "kafka: the broker"
    K_PID=""
}
