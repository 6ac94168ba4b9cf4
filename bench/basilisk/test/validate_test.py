#!/usr/bin/env python3
"""Tests of bench/basilisk/lib/validate.py: a server answering TechEmpower's tests correctly passes;
each kind of wrong answer fails the test it belongs to, and only that one.

Run: python3 bench/basilisk/test/validate_test.py (about 10 s, no network beyond 127.0.0.1).
The server is a small http.server in this process; psql is replaced by a script printing the
server's world table, so the database checks see what the server wrote.
"""
import html
import http.server
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
VALIDATE = os.path.join(HERE, "..", "lib", "validate.py")
FORTUNES = os.path.join(HERE, "..", "data", "fortune.tsv")


class TechEmpowerHandler(http.server.BaseHTTPRequestHandler):
    """TechEmpower's six tests done right, unless the server's `faults` name a way to get one wrong."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, body, content_type, headers=None):
        server = self.server
        data = body.encode("utf-8")
        self.send_response_only(200)  # send_response would add its own Server and Date
        if "no-server-header" not in server.faults:
            self.send_header("Server", "test")
        if "no-date-header" not in server.faults:
            date = "Thu, 01 Jan 2026 00:00:00 GMT" if "constant-date" in server.faults else self.date_time_string()
            self.send_header("Date", date)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        server, url = self.server, urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path == "/plaintext":
            self.send("Hello, World" if "plaintext-body" in server.faults else "Hello, World!", "text/plain")
        elif url.path == "/json":
            content_type = "text/plain" if "json-content-type" in server.faults else "application/json"
            self.send(json.dumps({"message": "Hello, World!"}), content_type)
        elif url.path == "/db":
            wid = random.randint(1, 10000)
            number = server.worlds[wid] + (1 if "db-invented" in server.faults else 0)
            self.send(json.dumps({"id": wid, "randomNumber": number}), "application/json")
        elif url.path in ("/queries", "/updates"):
            self.send(json.dumps(self.worlds(url.path, params.get("queries", [None])[0])), "application/json")
        elif url.path == "/fortunes":
            self.send(self.fortunes(), "text/html; charset=utf-8")
        else:
            self.send_error(404)

    def worlds(self, path, param):
        server = self.server
        try:
            count = int(param)
        except (TypeError, ValueError):
            count = 1
        count = max(1, count) if "no-clamp" in server.faults else max(1, min(500, count))
        result = []
        for _ in range(count):
            wid = random.randint(1, 10000)
            if path == "/updates":
                number = random.randint(1, 10000)
                if "updates-not-written" not in server.faults:
                    server.worlds[wid] = number
                    server.dump()
            else:
                number = server.worlds[wid]
            result.append({"id": wid, "randomNumber": number})
        return result

    def fortunes(self):
        faults = self.server.faults
        with open(FORTUNES, encoding="utf-8") as lines:
            rows = [(int(i), m) for i, m in (line.rstrip("\n").split("\t", 1) for line in lines)]
        if "fortune-not-added" not in faults:
            rows.append((0, "Additional fortune added at request time."))
        if "fortunes-unsorted" not in faults:
            rows.sort(key=lambda r: r[1])
        escape = (lambda s: s) if "fortunes-unescaped" in faults else html.escape
        cells = "".join("<tr><td>%d</td><td>%s</td></tr>" % (i, escape(m)) for i, m in rows)
        return ("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                "<tr><th>id</th><th>message</th></tr>%s</table></body></html>" % cells)


class Server(http.server.ThreadingHTTPServer):
    def __init__(self, faults, table):
        super().__init__(("127.0.0.1", 0), TechEmpowerHandler)
        self.faults, self.table = set(faults), table
        self.worlds = {i: random.randint(1, 10000) for i in range(1, 10001)}
        self.dump()

    def dump(self):
        with open(self.table + ".tmp", "w") as out:
            out.writelines("%d\t%d\n" % row for row in self.worlds.items())
        os.replace(self.table + ".tmp", self.table)


class ValidateTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="basilisk-validate-test.")
        cls.table = os.path.join(cls.dir, "world.tsv")
        cls.psql = os.path.join(cls.dir, "psql")
        with open(cls.psql, "w") as script:
            script.write("#!/bin/sh\nexec cat %s\n" % cls.table)
        os.chmod(cls.psql, 0o755)

    def validate(self, faults, tests, *options):
        """validate.py (with `options`) against a server with `faults`; {test: result} for `tests`."""
        server = Server(faults, self.table)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        out = os.path.join(self.dir, "out.txt")
        try:
            subprocess.run([sys.executable, VALIDATE, "--port", str(server.server_address[1]), "--tests", ",".join(tests),
                            "--out", out, "--psql", self.psql, "--pg-port", "1", "--pg-user", "u", "--pg-db", "d", *options],
                           check=False, timeout=120)
        finally:
            server.shutdown()
            server.server_close()
        with open(out, encoding="utf-8") as results:
            return dict(line.rstrip("\n").split("\t", 1) for line in results)

    def assertOnlyFails(self, fault, test, fragment, tests=("plaintext", "json", "db", "queries", "fortunes", "updates")):
        results = self.validate({fault}, tests)
        self.assertIn(fragment, results[test], "%s should fail %s" % (fault, test))
        for other in tests:
            if other != test:
                self.assertEqual("ok", results[other], "%s should not fail %s" % (fault, other))

    def test_a_correct_server_passes_every_test(self):
        results = self.validate(set(), ["plaintext", "json", "db", "queries", "fortunes", "updates"])
        self.assertEqual({t: "ok" for t in ["plaintext", "json", "db", "queries", "fortunes", "updates"]}, results)

    def test_a_wrong_plaintext_body_fails(self):
        self.assertOnlyFails("plaintext-body", "plaintext", "not 'Hello, World!'", ("plaintext", "json"))

    def test_a_constant_date_fails(self):
        self.assertOnlyFails("constant-date", "plaintext", "Date header did not change", ("plaintext", "json"))

    def test_missing_headers_fail(self):
        self.assertIn("no Server header", self.validate({"no-server-header"}, ["json"])["json"])
        self.assertIn("no Date header", self.validate({"no-date-header"}, ["json"])["json"])

    def test_with_warn_headers_header_problems_are_warnings_and_wrong_bodies_still_fail(self):
        results = self.validate({"no-server-header", "plaintext-body"}, ["plaintext", "json"], "--warn-headers")
        self.assertEqual("warn: GET /json: no Server header (TechEmpower requires it)", results["json"])
        self.assertIn("not 'Hello, World!'", results["plaintext"])
        self.assertFalse(results["plaintext"].startswith("warn:"))
        results = self.validate({"constant-date"}, ["plaintext"], "--warn-headers")
        self.assertTrue(results["plaintext"].startswith("warn: the Date header did not change"), results["plaintext"])

    def test_a_wrong_content_type_fails(self):
        self.assertOnlyFails("json-content-type", "json", "Content-Type 'text/plain'", ("plaintext", "json"))

    def test_worlds_not_from_the_database_fail(self):
        self.assertOnlyFails("db-invented", "db", "in the database, not", ("db", "queries"))

    def test_an_unclamped_query_count_fails(self):
        results = self.validate({"no-clamp"}, ["queries", "updates"])
        self.assertIn("?queries=501: 501 worlds, not a JSON array of 500", results["queries"])
        self.assertIn("?queries=501: 501 worlds", results["updates"])

    def test_updates_not_written_fail(self):
        self.assertOnlyFails("updates-not-written", "updates", "does not hold the numbers returned", ("queries", "updates"))

    def test_unescaped_unsorted_or_incomplete_fortunes_fail(self):
        for fault in ("fortunes-unescaped", "fortunes-unsorted", "fortune-not-added"):
            with self.subTest(fault=fault):
                self.assertOnlyFails(fault, "fortunes", "TechEmpower expects", ("json", "fortunes"))

    def test_no_answer_fails_every_test_with_a_reason(self):
        out = os.path.join(self.dir, "none.txt")
        status = subprocess.run([sys.executable, VALIDATE, "--port", "1", "--tests", "json,db", "--out", out,
                                 "--psql", self.psql, "--pg-port", "1", "--pg-user", "u", "--pg-db", "d"], timeout=60).returncode
        self.assertEqual(1, status)
        with open(out, encoding="utf-8") as results:
            lines = dict(line.rstrip("\n").split("\t", 1) for line in results)
        self.assertIn("no answer", lines["json"])
        self.assertIn("no answer", lines["db"])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    sys.exit(0 if result.wasSuccessful() else 1)
