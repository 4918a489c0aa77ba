"""Plan sources, and their layout as text extracted from a PDF.

A plan is written once as a list of blocks (paragraphs, items, headings, table lines) in a small
markup (see README.md). `layout` prints the blocks the way a PDF extraction gives them: every
paragraph wrapped at a fixed width mid-phrase, a fixed number of body lines per page, the
chapter and section running heads at each page top, a `- N -` footer closing each page, and the
cover and table of contents in front. The draft and every final of a plan are laid out from
the same blocks with different widths and page lengths, so that their layout differs
everywhere while their content differs only where an edit or a known change was made.
"""

import unicodedata
import zlib

# Characters a line may not start with (they hang at the end of the line before), and
# characters a line may not end with.
CLOSE = set("、。，．」』）)】〕：；！？ー")
OPEN = set("「『（(【〔")
HEADINGS = ("chapter", "section", "head")

# Kangxi radicals and CJK radical-supplement characters that PDF producers write for these
# ideographs (issue 11 part 2). NFKC maps the first four back; not ⺠ and ⻑.
RADICALS = {"行": "⾏", "用": "⽤", "生": "⽣", "方": "⽅", "民": "⺠", "長": "⻑"}
UNRADICAL = {v: k for k, v in RADICALS.items()}


class Block:
    """One unit of the plan's content.

    kind: front (a verbatim line of the cover or contents), chapter, section, head (a heading
    line that is not a running head), p (a paragraph, wrapped), item (an item, wrapped), line
    (a verbatim line: table rows, figure labels, URLs), break (a forced page break)."""

    def __init__(self, kind, text="", page=None):
        self.kind = kind
        self.text = text
        self.page = page  # for front lines: which front page (0 = cover, 1 = contents)

    @property
    def wraps(self):
        return self.kind in ("p", "item")

    def __repr__(self):
        return f"Block({self.kind}, {self.text[:20]!r})"


def parse_source(text):
    """Reads the markup of a plan source into blocks.

    `@cover` and `@toc` open a front page whose following lines are verbatim; `@chapter T`,
    `@section T`, `@head T`, `@line T` are one line each; `@p T` (a paragraph, indented with a
    full-width space) and `@item T` continue on the following lines that do not start with
    `@`; `@break` forces a page break; `%%` starts a comment line."""
    blocks = []
    front_page = None
    for raw in text.split("\n"):
        if raw.startswith("%%"):
            continue
        if raw.startswith("@"):
            directive, _, rest = raw.partition(" ")
            directive = directive[1:]
            front_page = None
            if directive == "cover":
                front_page = 0
            elif directive == "toc":
                front_page = 1
            elif directive in ("chapter", "section", "head", "line"):
                blocks.append(Block(directive, rest))
            elif directive == "p":
                blocks.append(Block("p", "\u3000" + rest))
            elif directive == "item":
                blocks.append(Block("item", rest))
            elif directive == "break":
                blocks.append(Block("break"))
            else:
                raise ValueError(f"unknown directive {raw!r}")
            continue
        if front_page is not None:
            if raw != "":
                blocks.append(Block("front", raw, page=front_page))
            continue
        if raw == "":
            continue
        if not blocks or not blocks[-1].wraps:
            raise ValueError(f"continuation line outside a paragraph: {raw!r}")
        blocks[-1].text += raw
    return blocks


def char_width(c):
    return 2 if unicodedata.east_asian_width(c) in "FWA" else 1


def _latin(c):
    return "!" <= c <= "~"


def wrap(text, width):
    """Splits a paragraph into lines of at most `width` columns (a full-width character is two),
    as a word processor does: Latin words and numbers are not split, a closing mark hangs at
    the end of the line, an opening mark does not end one, a space at a break is dropped.
    Returns (start, end) ranges of `text`."""
    ranges = []
    i, n = 0, len(text)
    while i < n:
        start, w = i, 0
        while i < n:
            if _latin(text[i]):
                j = i
                while j < n and _latin(text[j]):
                    j += 1
                run = sum(char_width(c) for c in text[i:j])
                if w + run <= width:
                    w, i = w + run, j
                    continue
                if w == 0:  # a run longer than a line is cut
                    while i < j and w + char_width(text[i]) <= width:
                        w += char_width(text[i])
                        i += 1
                break
            cw = char_width(text[i])
            if w + cw <= width:
                w, i = w + cw, i + 1
                continue
            break
        hang = 0
        while i < n and text[i] in CLOSE and hang < 2:
            i, hang = i + 1, hang + 1
        end = i
        while end - start > 1 and text[end - 1] in OPEN:
            end -= 1
        i = end
        stop = end
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        ranges.append((start, stop))
        while i < n and text[i] == " ":
            i += 1
    return ranges


class Line:
    """One printed line: its text, its kind (front, head, body, footer), and for a body line
    the block and the range of the block's text it shows."""

    def __init__(self, text, kind, block=None, start=0, end=0):
        self.text = text
        self.kind = kind
        self.block = block
        self.start = start
        self.end = end


class Page:
    def __init__(self, number):
        self.number = number  # the printed number, or None for an unnumbered front page
        self.heads = []
        self.lines = []  # Line, in print order, the footer last


class Layout:
    """How a document is printed: `width` in full-width characters, `lines` body lines per
    page, `front` how the cover and contents are numbered ("none": no footer, they precede the
    first body page; "numbered": pages 1 and 2; "own": the contents carry `- i -`, the body
    starts at 1), `heads` whether running heads are printed, `radical_seed` (None, or a seed
    choosing the lines whose 行/用/… the extraction wrote as radicals)."""

    def __init__(self, width, lines, front="none", heads=True, radical_seed=None):
        self.width = width
        self.lines = lines
        self.front = front
        self.heads = heads
        self.radical_seed = radical_seed

    def describe(self):
        return {
            "width": self.width,
            "lines_per_page": self.lines,
            "front_matter": self.front,
            "running_heads": self.heads,
            "radicals": self.radical_seed is not None,
        }


def layout(blocks, lay):
    """Prints blocks into pages. Returns the pages; `render` makes the text."""
    cols = lay.width * 2
    front = [[], []]
    for b in blocks:
        if b.kind == "front":
            front[b.page].append(b)
    pages = []
    number = 1
    pending_front = []
    if lay.front == "numbered":
        for fp in front:
            page = Page(number)
            page.lines = [Line(b.text, "front", b, 0, len(b.text)) for b in fp]
            pages.append(page)
            number += 1
    elif lay.front == "none":
        pending_front = [Line(b.text, "front", b, 0, len(b.text)) for fp in front for b in fp]
    elif lay.front == "own":
        pending_front = [Line(b.text, "front", b, 0, len(b.text)) for b in front[0]]
        pending_front += [Line(b.text, "front", b, 0, len(b.text)) for b in front[1]]
        pending_front.append(Line("- i -", "front"))
    else:
        raise ValueError(lay.front)

    chapter = section = None
    page = None
    body_count = 0

    def new_page():
        nonlocal page, number, body_count, pending_front
        page = Page(number)
        number += 1
        page.lines.extend(pending_front)
        pending_front = []
        pages.append(page)
        body_count = 0

    body = [b for b in blocks if b.kind != "front"]
    for k, b in enumerate(body):
        if b.kind == "break":
            page = None
            continue
        if b.kind == "chapter":
            page = None
        if b.wraps:
            ranges = wrap(b.text, cols)
        else:
            ranges = [(0, len(b.text))]
        if b.kind in HEADINGS and page is not None:
            run = 1  # keep a heading, and the headings right after it, with the next line
            while k + run < len(body) and body[k + run].kind in HEADINGS:
                run += 1
            if lay.lines - body_count < run + 1:
                page = None
        for j, (s, e) in enumerate(ranges):
            if page is None or body_count == lay.lines:
                new_page()
            if j == 0 and b.kind == "chapter":
                chapter, section = b.text, None
            if j == 0 and b.kind == "section":
                section = b.text
            if body_count == 0 and lay.heads:
                page.heads = [h for h in (chapter, section) if h]
                page.lines.extend(Line(h, "head") for h in page.heads)
            page.lines.append(Line(b.text[s:e], "body", b, s, e))
            body_count += 1
    for p in pages:
        if p.number is not None:
            p.lines.append(Line(f"- {p.number} -", "footer"))
    if lay.radical_seed is not None:
        for p in pages:
            for ln in p.lines:
                if ln.kind == "body" and zlib.crc32(f"{lay.radical_seed}:{ln.text}".encode()) % 2:
                    ln.text = "".join(RADICALS.get(c, c) for c in ln.text)
    return pages


def render(pages):
    return "".join(ln.text + "\n" for p in pages for ln in p.lines)
