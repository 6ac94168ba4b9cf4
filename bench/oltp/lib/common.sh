# Shared helpers of bench/oltp/run: messages, timing, port checks, pgbench runs and their figures,
# and the disk's own sync rate. Sourced, not run.

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

now() { date +%s.%N; }
# Seconds from $1 to $2 (both from now), one decimal.
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# True if something accepts TCP connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops the process group led by our child $1: SIGTERM to process $2 (the group's leader or the
# JVM in it), then, if the leader has not ended after 30 s, SIGKILL to the whole group. $3 names
# it in the message. Also used by bench/messaging for its Kafka broker.
stop_group() {
    local leader="$1" waited=0
    kill -TERM "$2" 2>/dev/null || true
    while kill -0 "$leader" 2>/dev/null && [ "$waited" -lt 60 ]; do
        sleep 0.5
        waited=$((waited + 1))
    done
    if kill -0 "$leader" 2>/dev/null; then
        say "$3 did not stop in 30 s; killing it"
        kill -KILL -- "-$leader" 2>/dev/null || true
    fi
    wait "$leader" 2>/dev/null || true
}

# The pgbench builtin script of a workload name of --runs.
builtin_of() {
    case "$1" in
        tpcb) printf 'tpcb-like\n' ;;
        select) printf 'select-only\n' ;;
        *) return 1 ;;
    esac
}

# The goal (Hallows TPS over PostgreSQL TPS) of a workload, from the issue.
goal_of() {
    case "$1" in
        tpcb) printf '3.0\n' ;;
        select) printf '1.5\n' ;;
    esac
}

# Checks a --runs list (workload:clients:mode,...) and puts its entries in RUNS.
parse_runs() {
    local spec workload clients mode
    RUNS=()
    IFS=',' read -r -a specs <<<"$1"
    for spec in "${specs[@]}"; do
        IFS=':' read -r workload clients mode <<<"$spec"
        builtin_of "$workload" >/dev/null \
            || die "--runs: '$spec': the workload must be tpcb or select (workload:clients:mode)"
        [[ "$clients" =~ ^[1-9][0-9]*$ ]] || die "--runs: '$spec': clients must be a positive number"
        case "$mode" in
            prepared | simple | extended) ;;
            *) die "--runs: '$spec': the mode must be prepared, simple or extended" ;;
        esac
        RUNS+=("$workload:$clients:$mode")
    done
    [ "${#RUNS[@]}" -gt 0 ] || die "--runs is empty"
}

# Runs pgbench -i at scale $SCALE against target $1 (host port user database in $2..$5), its
# output in $6. Sets INIT_SECONDS; returns pgbench's status.
pgbench_init() {
    local target="$1" port="$2" user="$3" db="$4" log="$5" start status=0
    say "$target: pgbench -i -s $SCALE (log: $log)"
    start="$(now)"
    timeout "$INIT_TIMEOUT" "$PG_BIN/pgbench" -i -s "$SCALE" -h 127.0.0.1 -p "$port" -U "$user" "$db" >"$log" 2>&1 || status=$?
    INIT_SECONDS="$(seconds_between "$start" "$(now)")"
    [ "$status" -ne 124 ] || say "$target: pgbench -i did not finish in $INIT_TIMEOUT s (--init-timeout); stopped it"
    return "$status"
}

# Runs one entry of RUNS ($2) for $TIME seconds against target $1 (port user database in $3..$5),
# pgbench's output in $6. Sets TPS and FAILED (empty when pgbench did not print them);
# returns pgbench's status.
pgbench_run() {
    local target="$1" run="$2" port="$3" user="$4" db="$5" log="$6" workload clients mode threads status=0
    IFS=':' read -r workload clients mode <<<"$run"
    threads=$((clients < THREADS ? clients : THREADS))
    say "$target: pgbench -b $(builtin_of "$workload") -c $clients -j $threads -M $mode -T $TIME${PGBENCH_ARGS:+ $PGBENCH_ARGS}"
    # A server that stops answering must not hang the benchmark: a minute past the run's end, stop.
    # shellcheck disable=SC2086 # --pgbench-args is a list of words
    timeout $((TIME + 60)) "$PG_BIN/pgbench" -b "$(builtin_of "$workload")" -c "$clients" -j "$threads" -M "$mode" -T "$TIME" \
        $PGBENCH_ARGS -h 127.0.0.1 -p "$port" -U "$user" "$db" >"$log" 2>&1 || status=$?
    # pgbench 15: "tps = 1234.567890 (without initial connection time)".
    TPS="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$log")"
    FAILED="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$log")"
    if [ "$status" -ne 0 ] || [ -z "$TPS" ]; then
        if [ "$status" -eq 124 ]; then
            say "$target: pgbench did not end within 60 s after the run's end (a server that hangs?); stopped it"
        fi
        say "$target: pgbench failed (exit $status); its last lines:"
        tail -n 5 "$log" | sed 's/^/    /' >&2
        [ "$status" -ne 0 ] || status=1
    fi
    return "$status"
}

# The first error line of pgbench's output $1 (or its last line), and where the rest is.
first_error() {
    local line
    line="$(grep -m1 -i -E 'error|fatal|aborted|unrecognized|invalid' "$1" || tail -n 1 "$1")"
    printf '%s (all of it: %s)\n' "$line" "$1"
}

# Measures how many fdatasyncs per second the disk under $1 takes, as $FSYNC_TEST says (pg: the
# fdatasync line of pg_test_fsync -s 3; dd: 8 kB writes with oflag=dsync for 3 s). Sets FSYNC_RATE
# (ops/s, empty if not measured) and FSYNC_HOW; pg_test_fsync's output goes to $2.
measure_fsync() {
    local dir="$1" log="$2"
    FSYNC_RATE="" FSYNC_HOW=""
    case "$FSYNC_TEST" in
        none) FSYNC_HOW="not measured (--fsync-test none)" ;;
        pg) fsync_by_pg_test_fsync "$dir" "$log" ;;
        dd) fsync_by_dd "$dir" ;;
    esac
}

# pg_test_fsync runs some fifteen tests of -s seconds each; only the first section's fdatasync line
# is wanted, so the tool is interrupted (it removes its file on SIGINT) once that line is out.
fsync_by_pg_test_fsync() {
    local dir="$1" log="$2" pid waited=0
    say "disk: pg_test_fsync -s 3 in $dir (about 10 s)"
    : >"$log"
    "$PG_BIN/pg_test_fsync" -s 3 -f "$dir/pg_test_fsync.tmp" >"$log" 2>&1 &
    pid=$!
    FSYNC_PID="$pid"
    # The first fdatasync line is the one-write figure; it is complete once "usecs/op" ends it.
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 300 ]; do
        grep -q -E '^[[:space:]]+fdatasync[[:space:]]+[0-9.]+ ops/sec[[:space:]]+[0-9]+ usecs/op' "$log" && break
        sleep 0.2
        waited=$((waited + 1))
    done
    kill -INT "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    FSYNC_PID=""
    rm -f "$dir/pg_test_fsync.tmp"
    FSYNC_RATE="$(sed -n 's/^[[:space:]]*fdatasync[[:space:]]\{1,\}\([0-9.]*\) ops\/sec.*/\1/p' "$log" | head -n 1)"
    FSYNC_HOW="pg_test_fsync -s 3: fdatasync after one 8 kB write"
    [ -n "$FSYNC_RATE" ] || FSYNC_HOW="pg_test_fsync printed no fdatasync figure (see $log)"
}

# dd with oflag=dsync: each 8 kB write returns once it is on disk (O_DSYNC, as fdatasync after it).
fsync_by_dd() {
    local dir="$1" file="$1/dd-dsync.tmp" start end done_writes=0
    say "disk: dd oflag=dsync 8 kB writes in $dir for 3 s"
    start="$(now)"
    end="$(awk -v s="$start" 'BEGIN { printf "%.3f", s + 3 }')"
    while awk -v n="$(now)" -v e="$end" 'BEGIN { exit !(n < e) }'; do
        dd if=/dev/zero of="$file" bs=8k count=50 oflag=dsync conv=notrunc status=none 2>/dev/null || break
        done_writes=$((done_writes + 50))
    done
    rm -f "$file"
    FSYNC_RATE="$(awk -v n="$done_writes" -v a="$start" -v b="$(now)" 'BEGIN { if (n > 0) printf "%.1f", n / (b - a) }')"
    FSYNC_HOW="dd bs=8k oflag=dsync loop (O_DSYNC writes) for 3 s"
    [ -n "$FSYNC_RATE" ] || FSYNC_HOW="not measured: dd oflag=dsync failed in $dir"
}
