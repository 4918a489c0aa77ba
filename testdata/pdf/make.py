#!/usr/bin/env python3
"""Make the PDF test set: PDFs like a ministry's, each with the text it was made from.

    python3 testdata/pdf/make.py OUT_DIR [NAME ...]       # all documents, or the ones named
    python3 testdata/pdf/make.py OUT_DIR big --pages 400  # the benchmark's document

For every document NAME this writes NAME.pdf and NAME.truth.json: per physical page, the running
heads, the body (lines, or paragraphs when LibreOffice wraps them), the footer as printed and the
printed page number (null on a page without one). The comment table writes its rows instead.

The LibreOffice documents are flat ODT (.fodt) with one master page per physical page: the
running heads (chapter, section) are the master page's real header, `- N -` its footer with a
page-number field; A4, 明朝 (Noto Serif CJK JP). Converted with `soffice --headless
--convert-to pdf`. The CID document is drawn by reportlab with HeiseiMin-W3 / UniJIS-UCS2-H,
not embedded and without a ToUnicode map.

Sources (all in this repository): testdata/sample/draft.txt (the project's sample plan) and
testdata/import/ict2023-public-comments.txt (copied from the project's corpus: the public comment
table on 「ICTサイバーセキュリティ総合対策2023」(案), 総務省, Government of Japan Standard Terms
of Use).

Documents:
  sample      the sample draft, line for line (each line a paragraph), heads on body pages
  sample-bare the sample draft, line for line, no running heads (page and line citations hold)
  plan        the sample's prose as a ministry plan: cover and contents without a page number,
              body numbered from 1, paragraphs and hanging-indent items wrapped by LibreOffice
  radicals    `plan` with 行 用 民 長 見 言 方 生 written as Kangxi / supplement radicals
  cid         the sample draft, line for line, drawn with a non-embedded CID font (needs
              reportlab); no running heads
  rotated     four sample pages turned by /Rotate 0, 90, 180, 270, text upright as seen
              (needs reportlab)
  comments    the comment table, landscape, header row repeated on every page
  verify-draft, verify-final-broken, verify-final-fixed
              testdata/verify's draft.txt, final-broken.txt and final-fixed.txt, line for line,
              the title atop every page set as the real header (verify of PDF finals)
  big         `plan`'s body pages repeated to --pages pages (for the benchmark)
  plan-b-draft, plan-b-final, plan-b-comments
              testdata/reconcile-set/plan-b's draft and final, line for line, each page's
              running heads (as its truth.json lists them) in the header, and its comment table
              as `comments` is made (for reconcile)
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FONT = "Noto Serif CJK JP"
MARKER = re.compile(r"^\s*-\s*(\d+)\s*-\s*$")
CHAPTER = re.compile(r"^(はじめに|おわりに|I　|II　|付録)")
SECTION = re.compile(r"^(I|II)-\d　")
ITEM = re.compile(r"^[(（][アイウエオ0-9０-９][)）]　")
# testdata/verify's texts print the plan's title atop each of their five pages.
VERIFY_HEADS = {n: ["地域サイバーセキュリティ推進計画2024（案）"] for n in range(1, 6)}
RADICALS = {"行": "⾏", "用": "⽤", "民": "⺠", "長": "⻑", "見": "⾒", "言": "⾔", "方": "⽅", "生": "⽣"}


def sample_pages():
    """The sample draft's pages: (lines, printed number)."""
    with open(os.path.join(ROOT, "testdata/sample/draft.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    pages, cur = [], []
    for line in lines:
        m = MARKER.match(line)
        if m:
            pages.append((cur, int(m.group(1))))
            cur = []
        elif line:
            cur.append(line)
    return pages


def heads_for(pages):
    """Running heads per page: the chapter and section in force where the page's body starts."""
    chapter = section = None
    out = []
    for lines, _ in pages:
        first_chapter = next((l for l in lines[:1] if CHAPTER.match(l)), None)
        if first_chapter:
            chapter, section = first_chapter, None
        first_section = next((l for l in lines[:2] if SECTION.match(l)), None)
        if first_section:
            section = first_section
        out.append([h for h in (chapter, section) if h])
        for l in lines:
            if CHAPTER.match(l):
                chapter, section = l, None
            elif SECTION.match(l):
                section = l
    return out


def para_text(s):
    """ODF paragraph content: runs of ASCII spaces as text:s."""
    s = escape(s)
    return re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), s)


class Fodt:
    """A flat ODT with one master page per physical page."""

    def __init__(self, landscape=False):
        self.masters, self.styles, self.body = [], [], []
        self.landscape = landscape

    def page(self, heads, footer, paragraphs, restart=None):
        """One physical page: `heads` (lines of the header), `footer` (bool: `- N -`), the
        paragraphs as (style, text); `restart` starts the page numbers anew."""
        n = len(self.masters) + 1
        header = "".join('<text:p text:style-name="Header">%s</text:p>' % para_text(h) for h in heads)
        foot = (
            '<style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current"/> -</text:p></style:footer>'
            if footer
            else ""
        )
        self.masters.append(
            '<style:master-page style:name="M%d" style:page-layout-name="%s">%s%s</style:master-page>'
            % (n, "L" if self.landscape else "A4", "<style:header>%s</style:header>" % header if heads else "", foot)
        )
        number = ' style:page-number="%d"' % restart if restart else ""
        for i, (style, text) in enumerate(paragraphs):
            if i == 0:
                self.styles.append(
                    '<style:style style:name="S%d" style:family="paragraph" style:parent-style-name="%s" style:master-page-name="M%d"><style:paragraph-properties fo:break-before="page"%s/></style:style>'
                    % (n, style, n, number)
                )
                style = "S%d" % n
            self.body.append('<text:p text:style-name="%s">%s</text:p>' % (style, para_text(text)))

    def xml(self, extra_body=""):
        w, h = ("297mm", "210mm") if self.landscape else ("210mm", "297mm")
        layout = "L" if self.landscape else "A4"
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Mincho" svg:font-family="'{FONT}'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="17pt" style:punctuation-wrap="simple"/><style:text-properties style:font-name="Mincho" fo:font-size="10.5pt" style:font-name-asian="Mincho" style:font-size-asian="10.5pt" fo:language="ja" fo:country="JP" style:language-asian="ja" style:country-asian="JP"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"/>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="40mm" fo:margin-bottom="10mm" fo:line-height="26pt"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-top="4pt"/></style:style>
<style:style style:name="Para" style:family="paragraph"><style:paragraph-properties fo:text-indent="10.5pt" fo:text-align="justify"/></style:style>
<style:style style:name="Item" style:family="paragraph"><style:paragraph-properties fo:margin-left="21pt" fo:text-indent="-21pt" fo:text-align="justify"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:line-height="13pt"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:line-height="13pt"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="{layout}"><style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" fo:margin-top="15mm" fo:margin-bottom="12mm" fo:margin-left="25mm" fo:margin-right="25mm" style:writing-mode="lr-tb"/>
<style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="6mm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="6mm"/></style:footer-style></style:page-layout>
{"".join(self.styles)}
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="247mm" table:align="left"/></style:style>
<style:style style:name="TC" style:family="table-cell"><style:table-cell-properties fo:padding="1mm" fo:border="0.5pt solid #000000"/></style:style>
</office:automatic-styles>
<office:master-styles>{"".join(self.masters)}</office:master-styles>
<office:body><office:text>{"".join(self.body)}{extra_body}</office:text></office:body>
</office:document>
"""


def to_pdf(jobs, work):
    """Convert every (fodt text, output path) with one LibreOffice run (it starts in seconds)."""
    if not jobs:
        return
    srcs = []
    for xml, out_pdf in jobs:
        src = os.path.join(work, os.path.basename(out_pdf)[:-4] + ".fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(xml)
        srcs.append(src)
    profile = "file://" + os.path.join(work, "profile")
    subprocess.run(
        ["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", work] + srcs,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for src, (_, out_pdf) in zip(srcs, jobs):
        shutil.move(src[:-5] + ".pdf", out_pdf)


def line_pages(with_heads):
    """The sample draft as pages of lines (each line its own paragraph, so lines stay lines)."""
    pages = sample_pages()
    heads = heads_for(pages) if with_heads else [[] for _ in pages]
    doc, truth = Fodt(), []
    for i, ((lines, printed), hs) in enumerate(zip(pages, heads)):
        if i < 2:
            hs = []  # the cover and contents carry no running head
        doc.page(hs, True, [("Body", l) for l in lines])
        truth.append({"printed": printed, "heads": hs, "body": lines, "footer": "- %d -" % printed, "wrapped": False})
    return doc, truth


def text_pages(path, heads):
    """A text with `- N -` markers as pages of lines, each line its own paragraph; `heads` maps a
    page number to its running heads, taken out of the body (the first line reading as each)
    and printed in the header."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc, truth, cur = Fodt(), [], []
    for line in lines:
        m = MARKER.match(line)
        if not m:
            if line:
                cur.append(line)
            continue
        n = int(m.group(1))
        hs, body = heads.get(n, []), list(cur)
        for h in hs:
            body.remove(h)
        doc.page(hs, True, [("Body", l) for l in body])
        truth.append({"printed": n, "heads": hs, "body": body, "footer": "- %d -" % n, "wrapped": False})
        cur = []
    return doc, truth


def reconcile_pages(plan, side):
    """A reconcile-set plan's draft or final as pages (see text_pages)."""
    folder = os.path.join(ROOT, "testdata/reconcile-set", plan)
    with open(os.path.join(folder, "truth.json"), encoding="utf-8") as f:
        layout = json.load(f)["layout"][side]
    heads = {h["page"]: h["heads"] for h in layout["running_heads"]}
    return text_pages(os.path.join(folder, side + ".txt"), heads)


def paragraphs(lines):
    """Join the sample's printed lines into paragraphs: a paragraph starts at an indented line,
    a heading or an item marker; a row of the table on page 13 stands alone."""
    out = []
    row = False  # the line before is a row of a table set as text: it stands alone
    for l in lines:
        starts = l.startswith("　") or CHAPTER.match(l) or SECTION.match(l) or ITEM.match(l) or re.match(r"^(II-|I-|図表|付録|・|①|②|③|（出典）|（件）)", l)
        is_row = bool(re.match(r"^(開催回|第.回)　", l))
        if starts or is_row or row or not out:
            out.append(l)
        else:
            out[-1] += l
        row = is_row
    return out


def style_of(p):
    if CHAPTER.match(p) or SECTION.match(p) or p.startswith("II-") or p.startswith("I-"):
        return "Heading"
    if ITEM.match(p):
        return "Item"
    if p.startswith("　"):
        return "Para"
    return "Body"


def plan(radicals=False, repeat_to=None):
    """The sample's prose as a plan: unnumbered cover and contents, then body pages from 1."""
    pages = sample_pages()
    heads = heads_for(pages)
    doc, truth = Fodt(), []
    cover = ["情報通信サイバーセキュリティ推進プラン２０２Ｘ（案）", "令和５年７月", "情報通信サイバーセキュリティ検討会議"]
    doc.page([], False, [("Title", cover[0]), ("Center", cover[1]), ("Center", cover[2])])
    truth.append({"printed": None, "heads": [], "body": cover, "footer": None, "wrapped": True})
    contents = [l for l in pages[1][0]]
    doc.page([], False, [("Body", l) for l in contents])
    truth.append({"printed": None, "heads": [], "body": contents, "footer": None, "wrapped": False})
    body_pages = list(zip(pages[2:], heads[2:]))
    if repeat_to:
        body_pages = [body_pages[i % len(body_pages)] for i in range(repeat_to - 2)]
    n = 0
    for (lines, _), hs in body_pages:
        n += 1
        # An item heading runs on into the paragraph under it, as a hanging-indent item that
        # wraps; an indented paragraph gets its indent from the style (fo:text-indent), not a 　.
        joined = []
        for p in paragraphs(lines):
            if joined and style_of(joined[-1]) == "Item" and p.startswith("　") and not joined[-1].endswith("。"):
                joined[-1] += p
            else:
                joined.append(p)
        paras = [p[1:] if style_of(p) == "Para" else p for p in joined]
        if radicals:
            paras = ["".join(RADICALS.get(c, c) for c in p) for p in paras]
            hs = ["".join(RADICALS.get(c, c) for c in h) for h in hs]
        # The sample's items (ア), (イ) become wrapped hanging-indent items.
        styles = [style_of(p) for p in joined]
        doc.page(hs, True, list(zip(styles, paras)), restart=1 if n == 1 else None)
        truth.append({"printed": n, "heads": hs, "body": paras, "footer": "- %d -" % n, "wrapped": True})
    return doc, truth


def cid(out_pdf):
    """Sample pages drawn with HeiseiMin-W3 (UniJIS-UCS2-H), not embedded, no ToUnicode."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    c = canvas.Canvas(out_pdf, pagesize=A4, invariant=1)
    width, height = A4
    pages = sample_pages()
    truth = []
    for lines, printed in pages:
        hs = []  # no running heads: the sample ledger's page and line citations hold
        y = height - 50
        c.setFont("HeiseiMin-W3", 9)
        for h in hs:
            c.drawString(72, y, h)
            y -= 13
        y = height - 90
        c.setFont("HeiseiMin-W3", 10.5)
        for l in lines:
            c.drawString(72, y, l)
            y -= 17
        c.drawCentredString(width / 2, 40, "- %d -" % printed)
        c.showPage()
        truth.append({"printed": printed, "heads": hs, "body": lines, "footer": "- %d -" % printed, "wrapped": False})
    c.save()
    return truth


def rotated(out_pdf):
    """Sample pages on pages turned by /Rotate 0, 90, 180 and 270, the text drawn so that it reads
    upright as the page is seen (as landscape pages made by turning a portrait page are)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    c = canvas.Canvas(out_pdf, pagesize=A4, invariant=1)
    w0, h0 = A4
    truth = []
    for n, ((lines, _), rot) in enumerate(zip(sample_pages()[2:6], (0, 90, 180, 270)), start=1):
        c.setPageRotation(rot)
        c.saveState()
        # (x, y) from the top-left corner of the page as seen -> the page's own space.
        if rot == 0:
            at = lambda x, y: (x, h0 - y)
        elif rot == 90:
            c.rotate(90)
            at = lambda x, y: (x, -y)
        elif rot == 180:
            c.translate(w0, h0)
            c.rotate(180)
            at = lambda x, y: (x, h0 - y)
        else:
            c.translate(0, h0)
            c.rotate(270)
            at = lambda x, y: (x, w0 - y)
        seen_w, seen_h = (h0, w0) if rot in (90, 270) else (w0, h0)
        c.setFont("HeiseiMin-W3", 10.5)
        body = lines[:12]
        for i, l in enumerate(body):
            c.drawString(*at(72, 90 + 17 * i), l)
        c.drawCentredString(*at(seen_w / 2, seen_h - 40), "- %d -" % n)
        c.restoreState()
        c.showPage()
        truth.append({"printed": n, "heads": [], "body": body, "footer": "- %d -" % n, "wrapped": False})
    c.save()
    return truth


def comment_rows(count):
    """The header row and the first `count` comments of the ICT2023 table."""
    with open(os.path.join(ROOT, "testdata/import/ict2023-public-comments.txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("項番\t"))
    rows = [lines[start].split("\t")]
    for l in lines[start + 1 :]:
        cells = l.split("\t")
        if len(cells) == 5 and cells[0].isdigit():
            rows.append(cells)
        if len(rows) > count:
            break
    return rows


def tsv_rows(path):
    """A reconcile-set table's title and rows: the header once, each row whole (a row the TSV
    continues after a repeated header, its first cells empty, joined to the row above)."""
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if l]
    title, rows = lines[0], []
    for l in lines:
        cells = l.split("\t")
        if len(cells) < 5:
            continue
        if cells[0] == "項番":
            if not rows:
                rows.append(cells)
        elif cells[0]:
            rows.append(cells)
        elif rows:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells)]
    return title, rows


def comments(count=12, table=None):
    """A comment table, landscape: the ICT2023 table's first `count` rows, or `table` (title, rows)."""
    title, rows = table or ("「ICTサイバーセキュリティ総合対策2023」(案)に対して提出された意見及びその意見に対する考え方", comment_rows(count))
    doc = Fodt(landscape=True)
    doc.page([], True, [("Center", title)])
    widths = ["12mm", "35mm", "20mm", "90mm", "90mm"] + ["20mm"] * (len(rows[0]) - 5)
    cols = "".join('<table:table-column table:style-name="C%d"/>' % i for i in range(len(widths)))
    col_styles = "".join(
        '<style:style style:name="C%d" style:family="table-column"><style:table-column-properties style:column-width="%s"/></style:style>' % (i, w)
        for i, w in enumerate(widths)
    )
    doc.styles.append(col_styles)

    def row(cells):
        return "<table:table-row>%s</table:table-row>" % "".join(
            '<table:table-cell table:style-name="TC" office:value-type="string"><text:p text:style-name="Cell">%s</text:p></table:table-cell>' % para_text(c)
            for c in cells
        )

    table = '<table:table table:name="T" table:style-name="Tbl">%s<table:table-header-rows>%s</table:table-header-rows>%s</table:table>' % (
        cols,
        row(rows[0]),
        "".join(row(r) for r in rows[1:]),
    )
    return doc, table, rows


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    out = os.path.abspath(args[0])
    pages = None
    if "--pages" in args:
        i = args.index("--pages")
        pages = int(args[i + 1])
        del args[i : i + 2]
    names = args[1:] or [
        "sample", "sample-bare", "plan", "radicals", "cid", "rotated", "comments", "plan-b-draft", "plan-b-final",
        "plan-b-comments", "verify-draft", "verify-final-broken", "verify-final-fixed",
    ]
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="akaji-pdf-")
    try:
        jobs, truths = [], {}
        for name in names:
            pdf = os.path.join(out, name + ".pdf")
            if name == "cid":
                truths[name] = {"pages": cid(pdf)}
                continue
            if name == "rotated":
                truths[name] = {"pages": rotated(pdf)}
                continue
            if name in ("comments", "plan-b-comments"):
                tsv = os.path.join(ROOT, "testdata/reconcile-set/plan-b/comments.tsv")
                doc, table, rows = comments(table=tsv_rows(tsv) if name != "comments" else None)
                jobs.append((doc.xml(table), pdf))
                truths[name] = {"rows": rows}
                continue
            if name == "sample":
                doc, t = line_pages(True)
            elif name == "sample-bare":
                doc, t = line_pages(False)
            elif name == "plan":
                doc, t = plan()
            elif name == "radicals":
                doc, t = plan(radicals=True)
            elif name in ("plan-b-draft", "plan-b-final"):
                doc, t = reconcile_pages("plan-b", name.split("-")[-1])
            elif name.startswith("verify-"):
                doc, t = text_pages(os.path.join(ROOT, "testdata/verify", name[len("verify-"):] + ".txt"), VERIFY_HEADS)
            elif name == "big":
                doc, t = plan(repeat_to=pages or 400)
            else:
                sys.exit("unknown document %s" % name)
            jobs.append((doc.xml(), pdf))
            truths[name] = {"pages": t}
        to_pdf(jobs, work)
        for name, truth in truths.items():
            with open(os.path.join(out, name + ".truth.json"), "w", encoding="utf-8") as f:
                json.dump(truth, f, ensure_ascii=False, indent=1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
