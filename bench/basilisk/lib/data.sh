# TechEmpower's World and Fortune rows for both sides of bench/basilisk/run: generated once per run,
# loaded into the peer's PostgreSQL and into the Hallows stack's OLTP database alike. Sourced, not run.

# Writes $WORK/world.tsv: ids 1..10000 with a random number in 1..10000 each. A fixed seed, so
# that every run and both sides have the same rows.
make_worlds() {
    awk 'BEGIN { srand(20261203); for (i = 1; i <= 10000; i++) printf "%d\t%d\n", i, int(rand() * 10000) + 1 }' \
        >"$WORK/world.tsv"
}

# Runs psql on 127.0.0.1:$1 as user $2, database $3, with the rest as its arguments.
psql_on() {
    local port="$1" user="$2" db="$3"
    shift 3
    PGCONNECT_TIMEOUT=5 PGCLIENTENCODING=UTF8 "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$port" -U "$user" -d "$db" "$@"
}

# Loads file $5 into table $4 of the database at $1 $2 $3 with COPY (the columns in the table's
# order); where COPY is refused, with INSERT statements of 500 rows each.
load_rows() {
    local port="$1" user="$2" db="$3" table="$4" file="$5" log="$6"
    psql_on "$port" "$user" "$db" -c "COPY $table FROM STDIN" <"$file" >>"$log" 2>&1 && return 0
    say "COPY into $table failed ($(tail -n 1 "$log")); loading it with INSERT"
    awk -F'\t' -v t="$table" '
        function lit(v) { if (v ~ /^-?[0-9]+$/) return v; gsub(/\x27/, "\x27\x27", v); return "\x27" v "\x27" }
        { row = "(" lit($1) ", " lit($2) ")" }
        NR % 500 == 1 { if (NR > 1) print ";"; printf "INSERT INTO %s VALUES %s", t, row; next }
        { printf ", %s", row }
        END { if (NR > 0) print ";" }' "$file" \
        | psql_on "$port" "$user" "$db" -f - >>"$log" 2>&1
}

# Loads both tables and checks their row counts. $1 $2 $3: port, user, database; $4 the log.
# Prints what is wrong and returns 1 if a table does not hold TechEmpower's rows afterwards.
load_techempower() {
    local port="$1" user="$2" db="$3" log="$4" count
    load_rows "$port" "$user" "$db" world "$WORK/world.tsv" "$log" || { tail -n 3 "$log"; return 1; }
    load_rows "$port" "$user" "$db" fortune "$HERE/data/fortune.tsv" "$log" || { tail -n 3 "$log"; return 1; }
    count="$(psql_on "$port" "$user" "$db" -c 'SELECT count(*) FROM world' 2>&1)" || { printf '%s\n' "$count"; return 1; }
    [ "$count" = 10000 ] || { printf 'table world holds %s rows after loading, not 10000\n' "$count"; return 1; }
    count="$(psql_on "$port" "$user" "$db" -c 'SELECT count(*) FROM fortune' 2>&1)" || { printf '%s\n' "$count"; return 1; }
    [ "$count" = 12 ] || { printf 'table fortune holds %s rows after loading, not 12\n' "$count"; return 1; }
}
