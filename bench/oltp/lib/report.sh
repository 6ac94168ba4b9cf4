# The report of bench/oltp/run: a table per workload (TPS of both, ratio, goal, met or not) and
# the figures beside them. Sourced, not run.

# $1 with one decimal, or n/a if empty.
fmt1() { if [ -n "$1" ]; then awk -v v="$1" 'BEGIN { printf "%.1f", v }'; else printf 'n/a'; fi; }

# KiB ($1) or bytes ($2 = B) as MB, or n/a.
megabytes() {
    [ -n "$1" ] || { printf 'n/a'; return; }
    awk -v v="$1" -v unit="${2:-K}" 'BEGIN { printf "%.0f MB", (unit == "B" ? v / 1048576 : v / 1024) }'
}

# The device, mount point and file system type of the folder $1, and the folder's parent.
disk_of() {
    df -P "$1" | awk -v t="$(stat -f -c %T "$1")" -v d="$(dirname "$1")" 'NR == 2 { printf "%s on %s (%s), in %s", $1, $6, t, d }'
}

report_header() {
    local commit cpu
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || printf '?')"
    [ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
    cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
    printf 'Hallows vs PostgreSQL 15: pgbench, scale %s, %s s per run\n' "$SCALE" "$TIME"
    printf 'date      %s; bench/oltp/run %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "${ARGS:-(defaults)}"
    printf 'machine   %s, %s cpus (%s), %s memory, Linux %s\n' "$(uname -n)" "$(nproc)" "${cpu:-?}" \
        "$(megabytes "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)")" "$(uname -r)"
    printf 'hallows   commit %s, launcher %s, 127.0.0.1:%s database %s\n' "$commit" "$LAUNCHER" "$H_PORT" "$H_DB"
    printf 'postgres  %s, 127.0.0.1:%s, fsync=on synchronous_commit=on shared_buffers=256MB\n' \
        "$("$PG_BIN/postgres" --version)" "$PG_PORT"
    if [ -n "$FSYNC_RATE" ]; then
        printf 'disk      %s: %s fdatasync/s, by %s\n' "$(disk_of "$WORK")" \
            "$(fmt1 "$FSYNC_RATE")" "$FSYNC_HOW"
    else
        printf 'disk      %s: sync rate %s\n' "$(disk_of "$WORK")" "$FSYNC_HOW"
    fi
    printf 'pgbench   %s; -j %s for more clients than that; %s; TPS without initial connection time\n' \
        "$("$PG_BIN/pgbench" --version)" "$THREADS" "${PGBENCH_ARGS:-no other options}"
}

# One table per workload of RUNS, in the order of RUNS.
report_tables() {
    local workload run clients mode h p ratio met
    for workload in tpcb select; do
        local -a rows=()
        for run in "${RUNS[@]}"; do [ "${run%%:*}" = "$workload" ] && rows+=("$run"); done
        [ "${#rows[@]}" -gt 0 ] || continue
        printf '\n%s (goal: Hallows >= %sx PostgreSQL)\n' "$(builtin_of "$workload")" "$(goal_of "$workload")"
        printf '%-8s %-9s %12s %13s %7s %5s %-8s %8s %8s %13s\n' CLIENTS MODE 'HALLOWS TPS' 'POSTGRES TPS' \
            RATIO GOAL MET 'FAILED H' 'FAILED P' 'COMMITS/FORCE'
        for run in "${rows[@]}"; do
            IFS=':' read -r _ clients mode <<<"$run"
            h="${H_TPS[$run]:-}" p="${P_TPS[$run]:-}"
            ratio=n/a met=-
            if [ -n "$h" ] && [ -n "$p" ]; then
                ratio="$(awk -v h="$h" -v p="$p" 'BEGIN { printf "%.2fx", (p > 0 ? h / p : 0) }')"
                met="$(awk -v h="$h" -v p="$p" -v g="$(goal_of "$workload")" \
                    'BEGIN { print (p > 0 && h / p >= g ? "met" : "not met") }')"
            fi
            printf '%-8s %-9s %12s %13s %7s %5s %-8s %8s %8s %13s\n' "$clients" "$mode" "$(fmt1 "$h")" "$(fmt1 "$p")" \
                "$ratio" "$(goal_of "$workload")x" "$met" "${H_FAILED[$run]:--}" "${P_FAILED[$run]:--}" "${H_CPF[$run]:-n/a}"
        done
    done
}

# NOT MEASURED if no run of a target ($1 runs with figures) was measured, else PARTLY MEASURED.
extent() { if [ "$1" -eq 0 ]; then printf 'NOT MEASURED'; else printf 'PARTLY MEASURED'; fi; }

report_figures() {
    printf '\ninit      pgbench -i -s %s: Hallows %s s, PostgreSQL %s s\n' "$SCALE" "$(fmt1 "$H_INIT")" "$(fmt1 "$P_INIT")"
    printf 'memory    Hallows resident %s after init, %s at the end (the JVM, ps rss); PostgreSQL database %s (pg_database_size)\n' \
        "$(megabytes "$H_RSS")" "$(megabytes "$H_RSS_END")" "$(megabytes "$P_SIZE" B)"
    printf 'columns   COMMITS/FORCE: Hallows commits per log force during the run (SHOW hallows.stats;\n'
    printf '          * = the engine'"'"'s cumulative figure, n/a = not reported); FAILED: failed transactions\n'
    if [ -n "$H_STATS" ]; then
        printf '\nSHOW hallows.stats at the end:\n'
        printf '%s\n' "$H_STATS" | sed 's/^/    /; s/|/  /'
    fi
    [ -z "$H_PROBLEM" ] || printf '\nHALLOWS %s: %s\n' "$(extent "${#H_TPS[@]}")" "$H_PROBLEM"
    [ -z "$P_PROBLEM" ] || printf '\nPOSTGRESQL %s: %s\n' "$(extent "${#P_TPS[@]}")" "$P_PROBLEM"
    printf '\nlogs      %s\n' "$LOGS"
}
