"""A laid-out text as content: what is left when layout is taken out.

Layout is: line breaks, every white-space character (also U+3000 and spaces between Latin
words), the footer lines, the running heads at page tops, and the radical code points an
extraction writes for some ideographs (folded to the ideograph). The content of a draft and of
each of its finals differ exactly by the known changes; every truth offset counts chars of
this content. Each content char remembers where it is printed (page, body line, column).
"""

import unicodedata

from textlayout import UNRADICAL


def fold_char(c):
    return UNRADICAL.get(c, c)


def fold(text):
    """Content of a piece of text: white space out, radicals folded."""
    return "".join(fold_char(c) for c in text if not c.isspace())


def width_fold(text):
    """The folding of `match_width = true`: NFKC of each character (when it gives one char)."""
    out = []
    for c in text:
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


class Place:
    def __init__(self, page, line, column, file_line):
        self.page = page  # printed page number
        self.line = line  # body line within the page from 1, None for front matter on page 1
        self.column = column  # 1-based char column in the printed line
        self.file_line = file_line  # 0-based line of the file


class Content:
    """The content of laid-out pages, and where each of its chars is printed."""

    def __init__(self, pages):
        self.pages = pages
        chars, where, source = [], [], []
        self.body_lines = {}  # page number -> number of body lines
        file_line = 0
        for p in pages:
            body_no = 0
            for ln in p.lines:
                if ln.kind == "body":
                    body_no += 1
                if ln.kind in ("body", "front"):
                    line_no = body_no if ln.kind == "body" else None
                    for col, c in enumerate(ln.text):
                        if c.isspace():
                            continue
                        chars.append(fold_char(c))
                        where.append(Place(p.number, line_no, col + 1, file_line))
                        source.append((ln.block, ln.start + col) if ln.block is not None else None)
                file_line += 1
            if p.number is not None:
                self.body_lines[p.number] = body_no
        self.text = "".join(chars)
        self.where = where
        self.source = source  # (block, index in block.text) per content char

    def place(self, s, e, context=True):
        """Where the content range [s, e) is printed: a dict for the truth files. An empty range
        (an insertion point) is placed right after the char before it."""
        if e > s:
            a, b = self.where[s], self.where[e - 1]
            d = self._dict(a)
            if (b.page, b.line) != (a.page, a.line):
                d["end"] = {"page": b.page, "line": b.line, "column": b.column}
        elif s > 0:
            a = self.where[s - 1]
            d = self._dict(a)
            d["column"] += 1
        else:
            d = self._dict(self.where[0])
        d["offset"] = [s, e]
        d["text"] = self.text[s:e]
        if context:
            d["before"] = self.text[max(0, s - 10) : s]
            d["after"] = self.text[e : e + 10]
        return d

    def _dict(self, w):
        d = {"page": w.page, "line": w.line, "column": w.column}
        if w.line is not None:
            d["line_from_bottom"] = w.line - self.body_lines[w.page] - 1
        return d
