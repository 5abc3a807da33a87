#!/usr/bin/env python3
"""check-self-contained.py - fail when an HTML report references anything
outside itself: scripts, external or relative src/href, CSS imports or url(),
frames, objects, <link> or <base>.  The one image allowed is the consultant's
logo: an <img class="logo"> whose src is a base64 data: URI of a PNG, JPEG
or SVG, which a browser shows without running anything in it.  The links a
questionnaire's `references:` give are allowed, as the reader may follow
them but the page never loads them: an <a> with an http or https href and
rel="noopener noreferrer", and nothing else.  Prints one line per problem."""
import re
import sys
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "iframe", "frame", "object", "embed", "link",
                  "base", "img", "video", "audio", "source", "form"}
LOGO = re.compile(r"data:image/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]*=*\Z")


def is_logo(tag, attrs):
    """The consultant's logo, and nothing else, may be an image."""
    names = [name for name, _ in attrs]
    values = dict(attrs)
    return (tag == "img" and sorted(names) == ["alt", "class", "src"]
            and values["class"] == "logo"
            and LOGO.match(values["src"] or "") is not None)
LINK = re.compile(r"https?://[^/\s\"<>\\`][^\s\"<>\\`]*\Z")


def is_link(tag, attrs):
    """A reference: a plain link to a web page, opened by the reader."""
    values = dict(attrs)
    return (tag == "a" and sorted(values) == ["href", "rel"]
            and values["rel"] == "noopener noreferrer"
            and LINK.match(values["href"] or "") is not None)


URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "data",
             "poster", "background", "xlink:href"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        if is_logo(tag, attrs) or is_link(tag, attrs):
            return
        if tag in FORBIDDEN_TAGS:
            self.problems.append("<%s> element" % tag)
        for name, value in attrs:
            if name in URL_ATTRS:
                self.problems.append("%s=%r on <%s>" % (name, value, tag))
            if name.startswith("on"):
                self.problems.append("event handler %s on <%s>" % (name, tag))
            if name == "style" and value and "url(" in value.lower():
                self.problems.append("url() in a style attribute")
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            low = data.lower()
            if "@import" in low or "url(" in low:
                self.problems.append("@import or url() in a stylesheet")


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    checker = Checker()
    checker.feed(text)
    checker.close()
    for p in checker.problems:
        print(p)
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
