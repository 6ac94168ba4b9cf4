#!/usr/bin/env python3
"""Checks a server's answers to TechEmpower's six test types before bench/basilisk/run measures it.

A wrong answer is a failed test, not a fast one. The checks follow TechEmpower's verifier
(toolset/test_types/ of TechEmpower/FrameworkBenchmarks): status 200; Server, Date, Content-Type
and Content-Length or Transfer-Encoding headers; the Content-Type of each test; the bodies
(fortunes compared with TechEmpower's expected page after the same normalisation of escapes);
`queries` read as 1 when absent, empty or not a number, clamped to 1..500; the Date header not a
constant. Beyond that, the rows a server returns are compared with the database (read with psql),
so a server that invents worlds or does not write its updates fails.

Writes one line per test to --out: "<test>\tok", "<test>\twarn: <header problems>" (only with
--warn-headers: the body is right, the headers are not TechEmpower's) or "<test>\t<what is wrong>";
exits 0 if all checked tests passed, 1 otherwise. Standard library only.
"""
import argparse
import http.client
import json
import re
import subprocess
import sys
import time

from fortunes import EXPECTED_FORTUNES, normalised

CONTENT_TYPES = {
    "json": r"^application/json(; ?charset=(UTF|utf)-8)?$",
    "html": r"^text/html; ?charset=(UTF|utf)-8$",
    "plaintext": r"^text/plain(; ?charset=(UTF|utf)-8)?$",
}
# (query string, expected number of worlds) as TechEmpower's verifier asks them.
QUERY_CASES = [("2", 2), ("0", 1), ("foo", 1), ("501", 500), ("", 1), (None, 1), ("20", 20)]


class Failed(Exception):
    """One test's answer is wrong; the message says how."""


# With --warn-headers, header problems are noted here instead of failing the test.
HEADER_WARNINGS = None


def header_problem(message):
    if HEADER_WARNINGS is None:
        raise Failed(message)
    if message not in HEADER_WARNINGS:
        HEADER_WARNINGS.append(message)


class Server:
    def __init__(self, host, port):
        self.host, self.port = host, port

    def get(self, path, accept):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request("GET", path, headers={"Accept": accept, "Connection": "keep-alive"})
            response = connection.getresponse()
            body = response.read()
            headers = {k.lower(): v for k, v in response.getheaders()}
            return response.status, headers, body
        except (OSError, http.client.HTTPException) as e:
            raise Failed("GET %s: no answer (%s)" % (path, e)) from None
        finally:
            connection.close()


class Database:
    def __init__(self, args):
        self.args = args

    def worlds(self):
        """Every world as {id: randomNumber}: the table's first two columns, whatever their names."""
        a = self.args
        cmd = [a.psql, "-X", "-At", "-F", "\t", "-h", a.pg_host, "-p", str(a.pg_port), "-U", a.pg_user,
               "-d", a.pg_db, "-c", "SELECT * FROM world"]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise Failed("cannot read table world with psql: %s" % result.stderr.strip()[:200])
        rows = {}
        for line in result.stdout.splitlines():
            cols = line.split("\t")
            rows[int(cols[0])] = int(cols[1])
        return rows


def check_headers(status, headers, body, kind, path):
    if status != 200:
        raise Failed("GET %s: status %d, not 200 (body: %r)" % (path, status, body[:120]))
    for name in ("server", "date", "content-type"):
        if name not in headers:
            header_problem("GET %s: no %s header (TechEmpower requires it)" % (path, name.title()))
    if "content-length" not in headers and "transfer-encoding" not in headers:
        header_problem("GET %s: neither Content-Length nor Transfer-Encoding" % path)
    if not re.match(CONTENT_TYPES[kind], headers.get("content-type", "")):
        header_problem("GET %s: Content-Type %r does not match %s" % (path, headers.get("content-type"), CONTENT_TYPES[kind]))


def json_body(body, path):
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise Failed("GET %s: not JSON (%s): %r" % (path, e, body[:120])) from None


def world_of(value, path, stored):
    """Checks one {"id", "randomNumber"} object (keys case-insensitive, as TechEmpower reads them)."""
    if not isinstance(value, dict):
        raise Failed("GET %s: %r is not a JSON object" % (path, value))
    fields = {k.lower(): v for k, v in value.items()}
    if set(fields) != {"id", "randomnumber"}:
        raise Failed("GET %s: %r: the keys must be id and randomNumber" % (path, value))
    wid, number = fields["id"], fields["randomnumber"]
    for name, v in (("id", wid), ("randomNumber", number)):
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 10000:
            raise Failed("GET %s: %r: %s must be an integer in 1..10000" % (path, value, name))
    if stored is not None and stored.get(wid) != number:
        raise Failed("GET %s: world %d has randomNumber %s in the database, not %d" % (path, wid, stored.get(wid), number))
    return wid, number


def check_plaintext(server, db):
    status, headers, body = server.get("/plaintext", "text/plain")
    check_headers(status, headers, body, "plaintext", "/plaintext")
    if body != b"Hello, World!":
        raise Failed("GET /plaintext: body %r, not 'Hello, World!'" % body[:120])


def check_json(server, db):
    status, headers, body = server.get("/json", "application/json")
    check_headers(status, headers, body, "json", "/json")
    value = json_body(body, "/json")
    if not isinstance(value, dict) or {k.lower(): v for k, v in value.items()} != {"message": "Hello, World!"}:
        raise Failed("GET /json: %r, not {\"message\": \"Hello, World!\"}" % value)


def check_db(server, db):
    stored = db.worlds()
    status, headers, body = server.get("/db", "application/json")
    check_headers(status, headers, body, "json", "/db")
    world_of(json_body(body, "/db"), "/db", stored)


def query_cases(server, base, stored):
    answers = []
    for param, expected in QUERY_CASES:
        path = base if param is None else "%s?queries=%s" % (base, param)
        status, headers, body = server.get(path, "application/json")
        check_headers(status, headers, body, "json", path)
        value = json_body(body, path)
        if not isinstance(value, list) or len(value) != expected:
            raise Failed("GET %s: %s, not a JSON array of %d worlds" % (
                path, "%d worlds" % len(value) if isinstance(value, list) else "not an array", expected))
        answers.append([world_of(w, path, stored) for w in value])
    return answers


def check_queries(server, db):
    query_cases(server, "/queries", db.worlds())


def check_updates(server, db):
    before = db.worlds()
    answers = query_cases(server, "/updates", None)
    after = db.worlds()
    written = {}
    for answer in answers:
        for wid, number in answer:
            written.setdefault(wid, set()).add(number)
    # A world drawn twice may keep either of its new numbers; every one must be in the database.
    wrong = [w for w, numbers in written.items() if after.get(w) not in numbers]
    if wrong:
        raise Failed("GET /updates: the database does not hold the numbers returned for worlds %s" % wrong[:5])
    changed = sum(1 for w in written if after.get(w) != before.get(w))
    if changed < len(written) // 2:
        raise Failed("GET /updates: only %d of the %d worlds returned changed in the database" % (changed, len(written)))


def check_fortunes(server, db):
    status, headers, body = server.get("/fortunes", "text/html")
    check_headers(status, headers, body, "html", "/fortunes")
    try:
        page = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Failed("GET /fortunes: not UTF-8 (%s)" % e) from None
    got, want = normalised(page), normalised(EXPECTED_FORTUNES)
    if got != want:
        got_lines, want_lines = got.splitlines(), want.splitlines()
        for i, line in enumerate(want_lines):
            if i >= len(got_lines) or got_lines[i] != line:
                raise Failed("GET /fortunes: line %d is %r, TechEmpower expects %r" % (
                    i + 1, got_lines[i] if i < len(got_lines) else "(missing)", line))
        raise Failed("GET /fortunes: more than TechEmpower's page: %r" % got_lines[len(want_lines):][:2])


CHECKS = {"plaintext": check_plaintext, "json": check_json, "db": check_db, "queries": check_queries,
          "fortunes": check_fortunes, "updates": check_updates}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--tests", default=",".join(CHECKS))
    p.add_argument("--out", required=True)
    p.add_argument("--psql", default="psql")
    p.add_argument("--pg-host", default="127.0.0.1")
    p.add_argument("--pg-port", type=int, required=True)
    p.add_argument("--pg-user", required=True)
    p.add_argument("--pg-db", required=True)
    p.add_argument("--warn-headers", action="store_true",
                   help="header problems are written as 'warn: ...' and do not fail the test")
    args = p.parse_args()
    global HEADER_WARNINGS
    server, db = Server(args.host, args.port), Database(args)
    results, started = [], time.monotonic()
    try:
        first_date = server.get("/plaintext", "text/plain")[1].get("date") if "plaintext" in args.tests else None
    except Failed:
        first_date = None  # the plaintext check says why
    for test in args.tests.split(","):
        HEADER_WARNINGS = [] if args.warn_headers else None
        try:
            CHECKS[test](server, db)
            results.append((test, "warn: " + "; ".join(HEADER_WARNINGS) if HEADER_WARNINGS else "ok"))
        except Failed as e:
            results.append((test, str(e)))
    if first_date is not None and all(r.startswith(("ok", "warn:")) for t, r in results if t == "plaintext"):
        # TechEmpower asks again later: a Date header that never changes is a cached constant.
        time.sleep(max(0.0, 2.2 - (time.monotonic() - started)))
        second = server.get("/plaintext", "text/plain")[1].get("date")
        if second == first_date:
            problem = "the Date header did not change in 2 s (%r): it must be the current time" % second
            if args.warn_headers:
                results = [(t, ("warn: " + problem if r == "ok" else r + "; " + problem) if t == "plaintext" else r)
                           for t, r in results]
            else:
                results = [(t, problem if t == "plaintext" else r) for t, r in results]
    with open(args.out, "w", encoding="utf-8") as out:
        for test, result in results:
            out.write("%s\t%s\n" % (test, result.replace("\t", " ").replace("\n", " ")))
    return 0 if all(r.startswith(("ok", "warn:")) for _, r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
