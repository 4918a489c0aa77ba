"""The project's sample plan (testdata/sample/draft.txt) read back into blocks.

The sample draft is a file written by hand, not laid out by textlayout, so it is used as it
is; its finals are laid out from the blocks read here. Rules, checked by the content of the
blocks being the content of the file: pages 1 and 2 (cover, contents) are front matter; the
table of 付録１ and figure axis lines are verbatim; a line opening with a full-width space, an
item or heading marker starts a block; any other line continues the paragraph before it. A
page that opens with a heading keeps its page break in the finals.
"""

import re

from textlayout import Block, Line, Page

FOOTER = re.compile(r"^\s*-\s*(\d+)\s*-\s*$")
CHAPTER = re.compile(r"^(はじめに|おわりに|I　|II　)")
HEADING = re.compile(r"^(I-|II-|【|付録|1\.1\.)")
ITEM = re.compile(r"^([(（]([ア-ン]|[0-9０-９]+)[)）]|・|※)")
VERBATIM = re.compile(r"^(図表|（件）|開催回|第.回|　　　　)")


def parse(text):
    """Returns (blocks, pages) for the sample draft: the pages as printed, each body line
    pointing into its block."""
    blocks = []
    pages = []
    page = Page(None)
    for raw in text.split("\n")[:-1]:
        m = FOOTER.match(raw)
        if m:
            page.number = int(m.group(1))
            page.lines.append(Line(raw, "footer"))
            pages.append(page)
            page = Page(None)
            continue
        front = len(pages) < 2
        first_on_page = not page.lines
        if front:
            b = Block("front", raw, page=len(pages))
            blocks.append(b)
            page.lines.append(Line(raw, "front", b, 0, len(raw)))
            continue
        if CHAPTER.match(raw):
            kind = "chapter"
        elif HEADING.match(raw):
            kind = "head"
        elif VERBATIM.match(raw):
            kind = "line"
        elif raw.startswith("\u3000"):
            kind = "p"
        elif ITEM.match(raw):
            kind = "item"
        elif blocks and blocks[-1].wraps:
            kind = None
        else:
            kind = "p"
        if kind is None:
            b = blocks[-1]
            start = len(b.text)
            b.text += raw
        else:
            if first_on_page and kind in ("head", "line") and blocks[-1].kind != "front":
                blocks.append(Block("break"))
            b = Block(kind, raw)
            blocks.append(b)
            start = 0
        page.lines.append(Line(raw, "body", b, start, start + len(raw)))
    return blocks, pages
