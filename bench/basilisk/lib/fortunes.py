"""TechEmpower's fortunes page and how its verifier compares pages (bench/basilisk/lib/validate.py).

The expected page and the normalisation are those of TechEmpower's FortuneHTMLParser
(toolset/test_types/fortune/fortune_html_parser.py of TechEmpower/FrameworkBenchmarks).
"""
import html.parser

EXPECTED_FORTUNES = """<!doctype html><html>
<head><title>Fortunes</title></head>
<body><table>
<tr><th>id</th><th>message</th></tr>
<tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr>
<tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>
<tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to do.</td></tr>
<tr><td>2</td><td>A computer scientist is someone who fixes things that aren&apos;t broken.</td></tr>
<tr><td>8</td><td>A list is only as strong as its weakest link. — Donald Knuth</td></tr>
<tr><td>0</td><td>Additional fortune added at request time.</td></tr>
<tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>
<tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>
<tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>
<tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen</td></tr>
<tr><td>9</td><td>Feature: A bug with seniority.</td></tr>
<tr><td>1</td><td>fortune: No such file or directory</td></tr>
<tr><td>12</td><td>フレームワークのベンチマーク</td></tr>
</table></body></html>"""


class FortuneNormaliser(html.parser.HTMLParser):
    """TechEmpower's FortuneHTMLParser, in short: tags without attributes, equivalent escapes
    made one, whitespace-only text dropped; a line break after <html>, <table>, </head> and each
    </tr>, so that a difference names its row."""

    CHARREFS = {"34": "&quot;", "x22": "&quot;", "39": "&apos;", "x27": "&apos;", "43": "+",
                "x2b": "+", "62": "&gt;", "x3e": "&gt;", "60": "&lt;", "x3c": "&lt;", "47": "/",
                "x2f": "/", "40": "(", "x28": "(", "41": ")", "x29": ")"}
    IGNORED = {"meta", "link", "script", "thead", "tbody"}

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []

    def handle_decl(self, decl):
        self.out.append("<!%s>" % decl.lower())

    def handle_charref(self, name):
        self.out.append(self.CHARREFS.get(name.lower().lstrip("0") or "0", "&#%s;" % name))

    def handle_entityref(self, name):
        self.out.append("—" if name == "mdash" else "&%s;" % name)

    def handle_starttag(self, tag, attrs):
        if tag not in self.IGNORED:
            self.out.append("<%s>" % tag)
            if tag in ("table", "html"):
                self.out.append("\n")

    def handle_endtag(self, tag):
        if tag not in self.IGNORED:
            self.out.append("</%s>" % tag)
            if tag in ("head", "tr"):
                self.out.append("\n")

    def handle_data(self, data):
        if data.strip():
            self.out.append(data.replace("'", "&apos;").replace('"', "&quot;").replace(">", "&gt;"))

    def text(self):
        return "".join(self.out).strip()


def normalised(page):
    parser = FortuneNormaliser()
    parser.feed(page)
    parser.close()
    return parser.text()
