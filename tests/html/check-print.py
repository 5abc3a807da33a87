#!/usr/bin/env python3
"""check-print.py - check a report printed to PDF as a reader would: the
page size, the cover (what it must say, and no page number), a page
number on every page after it ("Page 3 of 19"), the running header
(company, confidentiality line), no page ending with a heading, the
scorecard on one page, each finding of the plan on one page, the
appendices starting on a new page.

    check-print.py [--paper a4|letter] [--company TEXT] [--confidential TEXT]
                   [--cover TEXT]... PDF HTML

HTML is the page that was printed: it says what the headings, the
scorecard's areas and the findings are.  The PDF is read with pdftotext
-bbox-layout (poppler-utils), which gives every line with its place, so
that the running header and footer (in the page margins) are told apart
from the body.  Text is compared as its letters and digits only, so that
line breaks and punctuation do not matter.  Prints what it checked
("pages: 19, headings: 60, areas: 9, findings whole: 38 of 38"), then one
line per problem; exits 1 when there is one."""
import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

MM = 72 / 25.4
TOP_MARGIN = 18 * MM      # the @page margins of render_html.c
BOTTOM_MARGIN = 20 * MM
PAPER = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
XHTML = "{http://www.w3.org/1999/xhtml}"


def norm(text):
    return "".join(c for c in text.lower() if c.isalnum())


class Report(HTMLParser):
    """The headings, the scorecard's areas and the plan's findings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.areas = []
        self.findings = []     # [title, all text]
        self.appendices = []   # the headings of section.appendix
        self.stack = []        # open elements: (tag, classes, id)
        self.text = None       # the heading being read
        self.cell = None       # the scorecard cell being read
        self.cells = 0         # cells opened in the current row
        self.finding_depth = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        self.stack.append((tag, classes, a.get("id")))
        if tag in ("h2", "h3", "h4"):
            self.text = ""
        if tag == "tr":
            self.cells = 0
        if tag == "td":
            self.cells += 1
            if self.cells == 1 and self.in_scorecard():
                self.cell = ""
        if tag == "li" and "finding" in classes:
            self.findings.append(["", ""])
            self.finding_depth = len(self.stack)

    def handle_endtag(self, tag):
        if tag in ("h2", "h3", "h4") and self.text is not None:
            self.headings.append(self.text)
            if tag == "h2" and any("appendix" in c for _, c, _ in
                                   self.stack):
                self.appendices.append(self.text)
            if self.finding_depth and not self.findings[-1][0]:
                self.findings[-1][0] = self.text
            self.text = None
        if tag == "td" and self.cell is not None:
            self.areas.append(self.cell)
            self.cell = None
        if self.finding_depth and len(self.stack) == self.finding_depth:
            self.finding_depth = None
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.text is not None:
            self.text += data
        if self.cell is not None:
            self.cell += data
        if self.finding_depth:
            self.findings[-1][1] += " " + data

    def in_scorecard(self):
        return any(ident == "scorecard" for _, _, ident in self.stack)


class Page:
    def __init__(self, number, width, height):
        self.number = number
        self.width = width
        self.height = height
        self.header, self.body, self.footer = [], [], []

    def body_text(self):
        """The body in pdftotext's reading order, which keeps the lines
        of a table cell together."""
        return norm(" ".join(text for _, _, text in self.body))

    def last_text(self):
        """The body from top to bottom, for what ends the page."""
        return norm(" ".join(text for _, _, text in sorted(self.body)))


def read_pdf(path):
    xml = subprocess.run(["pdftotext", "-bbox-layout", path, "-"],
                         check=True, capture_output=True).stdout
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
    pages = []
    for n, p in enumerate(root.iter(XHTML + "page"), 1):
        page = Page(n, float(p.get("width")), float(p.get("height")))
        for line in p.iter(XHTML + "line"):
            words = " ".join(w.text or "" for w in line.iter(XHTML + "word"))
            y0, y1 = float(line.get("yMin")), float(line.get("yMax"))
            x0 = float(line.get("xMin"))
            if y1 <= TOP_MARGIN:
                page.header.append(words)
            elif y0 >= page.height - BOTTOM_MARGIN:
                page.footer.append(words)
            else:
                page.body.append((y0, x0, words))
        pages.append(page)
    return pages


def check_pages(pages, args, problems):
    width, height = PAPER[args.paper]
    for page in pages:
        if abs(page.width - width) > 2 or abs(page.height - height) > 2:
            problems.append("page %d is %.0f x %.0f points, not %s"
                            % (page.number, page.width, page.height,
                               args.paper))
    for page in pages[1:]:
        want = "Page %d of %d" % (page.number, len(pages))
        if want not in " ".join(page.footer):
            problems.append("page %d has no '%s' in its footer"
                            % (page.number, want))
        header = " ".join(page.header)
        for text in (args.company, args.confidential):
            if text and norm(text) not in norm(header):
                problems.append("page %d has no '%s' in its header"
                                % (page.number, text))
    if pages and (pages[0].header or "Page" in " ".join(pages[0].footer)):
        problems.append("the cover has a running header or a page number")


def check_headings(pages, report, problems):
    headings = [(norm(h), " ".join(h.split())) for h in report.headings]
    for page in pages[:-1]:
        body = page.last_text()
        for key, text in headings:
            if key and body.endswith(key):
                problems.append("page %d ends with the heading '%s'"
                                % (page.number, text))


def locate(pages, key, start=(0, 0)):
    """The (page index, offset) of key at or after start, or None."""
    first, offset = start
    for i in range(first, len(pages)):
        at = pages[i].body_text().find(key, offset if i == first else 0)
        if at >= 0:
            return i, at + len(key)
    return None


def check_scorecard(pages, report, problems):
    where = locate(pages, norm("Area scorecard"))
    if not where or not report.areas:
        problems.append("the scorecard is not in the PDF")
        return
    for area in report.areas:
        # The start of the title: pdftotext may read the last line of a
        # cell wrapped in two after the rest of its row.
        found = locate(pages, norm(area)[:16], where)
        if not found or found[0] != where[0]:
            problems.append("the scorecard is split: '%s' is not on page %d"
                            % (" ".join(area.split()), where[0] + 1))
            return


def check_findings(pages, report, problems):
    """Returns how many findings were found whole."""
    # The heading and the first horizon's: "the action plan" is in the
    # executive summary's words too.
    where = locate(pages, norm("Action plan Now (next 30 days)"))
    whole = 0
    if not where or not report.findings:
        problems.append("the action plan is not in the PDF")
        return 0
    for title, text in report.findings:
        start = locate(pages, norm(title), where)
        end = locate(pages, norm(text)[-40:], start) if start else None
        name = " ".join(title.split())
        if not start or not end:
            problems.append("finding '%s' is not in the PDF" % name)
            return whole
        if start[0] != end[0]:
            problems.append("finding '%s' is split over pages %d and %d"
                            % (name, start[0] + 1, end[0] + 1))
        else:
            whole += 1
        where = end
    return whole


def check_cover(pages, args, problems):
    cover = pages[0].body_text() if pages else ""
    for text in args.cover:
        if norm(text) not in cover:
            problems.append("the cover does not say '%s'" % text)


def check_appendices(pages, report, problems):
    """The first appendix starts a page; the others follow it."""
    for heading in report.appendices[:1]:
        key = norm(heading)
        if not any(p.last_text().startswith(key) for p in pages):
            problems.append("the appendix '%s' does not start a page"
                            % heading)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--paper", default="a4", choices=sorted(PAPER))
    parser.add_argument("--company")
    parser.add_argument("--confidential")
    parser.add_argument("--cover", action="append", default=[])
    parser.add_argument("pdf")
    parser.add_argument("html")
    args = parser.parse_args()
    report = Report()
    with open(args.html, encoding="utf-8") as f:
        report.feed(f.read())
    pages = read_pdf(args.pdf)
    problems = []
    check_pages(pages, args, problems)
    check_cover(pages, args, problems)
    check_appendices(pages, report, problems)
    check_headings(pages, report, problems)
    check_scorecard(pages, report, problems)
    whole = check_findings(pages, report, problems)
    print("pages: %d, headings: %d, areas: %d, findings whole: %d of %d"
          % (len(pages), len(report.headings), len(report.areas), whole,
             len(report.findings)))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
