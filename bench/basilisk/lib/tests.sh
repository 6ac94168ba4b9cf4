# The six test types of bench/basilisk/run: their paths, Accept headers and goals. Sourced, not run.

ALL_TESTS="plaintext,json,db,queries,fortunes,updates"

# The path wrk requests for test $1 (queries and updates with ?queries=$QUERIES).
path_of() {
    case "$1" in
        plaintext | json | db | fortunes) printf '/%s\n' "$1" ;;
        queries | updates) printf '/%s?queries=%s\n' "$1" "$QUERIES" ;;
        *) return 1 ;;
    esac
}

# TechEmpower's Accept header of each test (toolset/test_types/abstract_test_type.py).
accept_of() {
    case "$1" in
        plaintext) printf 'text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\n' ;;
        fortunes) printf 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\n' ;;
        *) printf 'application/json,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\n' ;;
    esac
}

# Issue 13's goal for Hallows over the peer: 0.9x where no database is involved, 2x where it is
# (the embedded database saves the network hop).
goal_of() {
    case "$1" in
        plaintext | json) printf '0.9\n' ;;
        *) printf '2.0\n' ;;
    esac
}

title_of() {
    case "$1" in
        plaintext) printf 'plaintext (pipelined %s)\n' "$PIPELINE" ;;
        json) printf 'JSON\n' ;;
        db) printf 'single query\n' ;;
        queries) printf 'multiple queries (%s)\n' "$QUERIES" ;;
        fortunes) printf 'fortunes\n' ;;
        updates) printf 'updates (%s)\n' "$QUERIES" ;;
    esac
}

# Checks a --tests list and puts its entries in TESTS.
parse_tests() {
    local t
    IFS=',' read -r -a TESTS <<<"$1"
    [ "${#TESTS[@]}" -gt 0 ] || die "--tests is empty"
    for t in "${TESTS[@]}"; do
        path_of "$t" >/dev/null || die "--tests: unknown test '$t' (known: $ALL_TESTS)"
    done
}
