#!/usr/bin/env python3
"""Checks testdata/verify-set/ and testdata/reconcile-set/ against their own truth.

    python3 testdata/gen/check.py

Written apart from the generator (it imports none of its modules) so that a mistake in one is
caught by the other. It reads only the committed files and the rules of the sets' READMEs:

- every quote of every ledger is in its draft (layout out, radicals folded, widths folded when
  the ledger says match_width); every edit resolves where plan.json says, or is unanchored
  for the reason it says; the lock reference's contexts are the draft's;
- every final's content is the draft's with exactly the truth's changes; every place and
  change of the truth (page, line, column, offsets, text) is what the draft and final hold;
- every status is what its rule gives: with the draft, from the final's text where the quote
  was; without it, from the lock's context; todo edits from their new text;
- the reconcile truth's changes make the final from the draft, every completed edit is text of
  the draft (old, after, before) and of the final (new), and the comment table has every row.

Exit status 0 when everything holds, 1 otherwise (each problem printed).
"""

import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True

TESTDATA = Path(__file__).resolve().parent.parent
FOOTER = re.compile(r"^\s*-\s*(\d+)\s*-\s*$")
RADICALS = {"⾏": "行", "⽤": "用", "⽣": "生", "⽅": "方", "⺠": "民", "⻑": "長"}
PROBLEMS = []
COUNT = {}


def problem(where, msg):
    PROBLEMS.append(f"{where}: {msg}")


def counted(key, n=1):
    COUNT[key] = COUNT.get(key, 0) + n


def fold(s):
    return "".join(RADICALS.get(c, c) for c in s if not c.isspace())


def wfold(s):
    out = []
    for c in s:
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


class Doc:
    """A laid-out text read back: its content and where each content char is printed."""

    def __init__(self, path, layout):
        self.path = path
        lines = path.read_text().split("\n")
        if lines[-1] != "":
            problem(path, "does not end with a line break")
        lines = lines[:-1]
        heads = {h["page"]: h["heads"] for h in layout["running_heads"]}
        pages, cur = [], []
        for i, ln in enumerate(lines):
            m = FOOTER.match(ln)
            if m:
                pages.append((int(m.group(1)), cur))
                cur = []
            else:
                cur.append(i)
        if cur:
            problem(path, "text after the last footer")
        if [n for n, _ in pages] != layout["pages"]:
            problem(path, f"pages {[n for n, _ in pages]}, the truth says {layout['pages']}")
        chars, where = [], []
        self.body_lines = {}
        for k, (number, idx) in enumerate(pages):
            hs = heads.get(number, [])
            front_ahead = layout["front_matter"] in ("none", "own") and k == 0
            start = 0
            if hs:
                texts = [lines[i] for i in idx]
                starts = [j for j in range(len(texts)) if texts[j : j + len(hs)] == hs]
                if not starts or (starts[0] != 0 and not front_ahead):
                    problem(path, f"page {number}: running heads {hs} not at its top")
                    continue
                start = starts[0]
            front = layout["front_matter"] == "numbered" and k < 2
            body = 0
            for j, i in enumerate(idx):
                if start <= j < start + len(hs):
                    continue
                is_front = front or (front_ahead and j < start)
                if not is_front:
                    body += 1
                for col, c in enumerate(lines[i]):
                    if c.isspace():
                        continue
                    chars.append(RADICALS.get(c, c))
                    where.append((number, None if is_front else body, col + 1))
            self.body_lines[number] = body
        self.text = "".join(chars)
        self.where = where

    def offset_of(self, place):
        """The content offset a truth place names, by its page, line and column."""
        key = (place["page"], place["line"], place["column"])
        empty = place["offset"][0] == place["offset"][1]
        for k, w in enumerate(self.where):
            if w == key:
                return k
            if empty and (w[0], w[1], w[2] + 1) == key:
                return k + 1
        return None

    def check_place(self, where, place):
        s, e = place["offset"]
        counted("places checked")
        if self.text[s:e] != place["text"]:
            problem(where, f"the text at {s}-{e} is 「{self.text[s:e]}」, the truth says 「{place['text']}」")
        if place.get("before") is not None and self.text[max(0, s - 10) : s] != place["before"]:
            problem(where, "the text before the place differs")
        k = self.offset_of(place)
        if k != s and not (s == e == 0):
            problem(where, f"page {place['page']} line {place['line']} column {place['column']} is offset {k}, not {s}")
        if place["line"] is not None:
            nb = self.body_lines[place["page"]]
            if place.get("line_from_bottom") is not None and place["line_from_bottom"] != place["line"] - nb - 1:
                problem(where, "line_from_bottom is wrong")


class Resolver:
    """The ledger contract's anchoring, written again from DESIGN.md."""

    def __init__(self, doc, match_width):
        self.doc, self.mw = doc, match_width
        self.text = wfold(doc.text) if match_width else doc.text

    def key(self, s):
        return wfold(fold(s)) if self.mw else fold(s)

    def resolve(self, edit):
        q = next((edit[k] for k in ("old", "after", "before") if k in edit), None)
        if q is None:
            return None, "todo"
        q = self.key(q)
        found, i = [], self.text.find(q)
        while i >= 0:
            found.append((i, i + len(q)))
            i = self.text.find(q, i + 1)
        if not found:
            return [], "the quote is not in the draft"
        kept = []
        for s, e in found:
            page = self.doc.where[s][0]
            if "page" in edit and page != edit["page"]:
                continue
            if "pages" in edit and page not in edit["pages"]:
                continue
            if "line" in edit:
                n = self.doc.body_lines[edit["page"]]
                line = edit["line"] if edit["line"] > 0 else n + edit["line"] + 1
                if not any(self.doc.where[k][:2] == (edit["page"], line) for k in range(s, e)):
                    continue
            if "prefix" in edit and self.text[max(0, s - len(self.key(edit["prefix"]))) : s] != self.key(edit["prefix"]):
                continue
            if "suffix" in edit and self.text[e : e + len(self.key(edit["suffix"]))] != self.key(edit["suffix"]):
                continue
            kept.append((s, e))
        count = edit.get("count", 1)
        ok = len(kept) >= 1 if count == "all" else len(kept) == count
        return kept, None if ok else f"{len(kept)} in scope, count {count}"


def lock_status(f, place, n=32):
    b, a = place["before"][-n:], place["after"][:n]
    if b + place["promised"] + a in f:
        return "applied"
    if b + place["quote"] + a in f:
        return "missing"
    i = f.find(b)
    while i >= 0:
        j = f.find(a, i + len(b))
        if j >= 0 and j - (i + len(b)) <= len(place["promised"]) + len(place["quote"]) + n:
            return "different"
        i = f.find(b, i + 1)
    return "unclear"


ORDER = ["applied", "applied_todo", "unclear", "todo", "missing_todo", "different", "missing", "unanchored"]


def check_plan(folder):
    facts = json.loads((folder / "plan.json").read_text())
    draft = Doc(folder / "draft.txt", facts["layout"])
    ledger = tomllib.loads((folder / "ledger.toml").read_text())
    mw = ledger.get("options", {}).get("match_width", False)
    r = Resolver(draft, mw)
    edits = {e["key"]: e for e in facts["edits"]}
    for d in ledger["decision"]:
        for i, entry in enumerate(d.get("edit", []), 1):
            key = f"{d['id']}.{i}"
            e = edits.get(key)
            if e is None or e["ledger"] != entry:
                problem(folder / "ledger.toml", f"edit {key} is not the one plan.json lists")
                continue
            counted("ledger edits")
            q = next((entry[k] for k in ("old", "after", "before") if k in entry), None)
            if q is not None:
                if r.key(q) not in r.text:
                    problem(folder / "ledger.toml", f"edit {key}: 「{q}」 is not in the draft")
                else:
                    counted("ledger quotes found in their draft")
            found, why = r.resolve(entry)
            if why == "todo":
                counted("todo edits")
                continue
            if e["resolves"] != (why is None):
                problem(folder, f"edit {key}: resolves {why is None}, plan.json says {e['resolves']} ({why})")
            if why is None and [list(x) for x in found] != [p["offset"] for p in e["places"]]:
                problem(folder, f"edit {key}: resolves to {found}, plan.json says otherwise")
            if why is not None:
                counted("unanchored edits (scope rules out the quote's places)")
            for p in e["places"]:
                draft.check_place(f"{folder.name} edit {key}", p)
    for e in facts["lock"]["edits"]:
        for p in e["places"]:
            s, t = p["offset"]
            if draft.text[max(0, s - 32) : s] != p["before"] or draft.text[t : t + 32] != p["after"]:
                problem(folder, f"lock of {e['key']}: the context is not the draft's")
            if draft.text[s:t] != p["quote"]:
                problem(folder, f"lock of {e['key']}: the quote is not the draft's")
            counted("lock places")
    locks = {e["key"]: e for e in facts["lock"]["edits"]}
    for tpath in sorted(folder.glob("final-*.truth.json")):
        check_final(folder, tpath, draft, edits, locks)


def apply_changes(d, changes, where):
    out, last = [], 0
    for ch in sorted(changes, key=lambda c: c["draft"][0]):
        s, e = ch["draft"]
        if s < last:
            problem(where, "changes overlap")
        out.append(d[last:s])
        out.append(ch["new"])
        last = e
        if d[s:e] != ch["old"]:
            problem(where, f"change at {s}: the draft holds 「{d[s:e]}」, not 「{ch['old']}」")
    out.append(d[last:])
    return "".join(out)


def check_final(folder, tpath, draft, edits, locks):
    t = json.loads(tpath.read_text())
    where = f"{folder.name}/{tpath.name}"
    final = Doc(folder / t["final"], t["layout"])
    d, f = draft.text, final.text
    counted("finals")
    if apply_changes(d, t["changes"], where) != f:
        problem(where, "the final is not the draft with the truth's changes (layout out)")
    else:
        counted("finals equal to draft + changes")
    for ch in t["changes"]:
        counted("changes")
        if f[ch["final"][0] : ch["final"][1]] != ch["new"]:
            problem(where, f"change at final {ch['final']} is not 「{ch['new']}」")
    unexplained = [c for c in t["changes"] if c["by"] is None]
    if len(unexplained) != len(t["unexplained"]):
        problem(where, "unexplained changes and the changes without a decision differ in number")
    for u, ch in zip(t["unexplained"], unexplained):
        draft.check_place(where + " unexplained (draft)", u["draft"])
        final.check_place(where + " unexplained (final)", u["final"])
        if u["draft"]["offset"] != ch["draft"] or u["final"]["offset"] != ch["final"]:
            problem(where, "an unexplained change is not at its change's offsets")
        counted(f"unexplained: {u['kind']}")
    for dec in t["decisions"]:
        for e in dec["edits"]:
            facts = edits[e["key"]]
            for p in e["places"]:
                draft.check_place(where, p["draft"])
                final.check_place(where, p["final"])
                wd, wo = p["with_draft"], p["without_draft"]
                region = f[p["final"]["offset"][0] : p["final"]["offset"][1]]
                quote = d[p["draft"]["offset"][0] : p["draft"]["offset"][1]]
                if wd in ("applied", "missing", "different"):
                    want = "applied" if region == p["expected"] else "missing" if region == quote else "different"
                    if want != wd:
                        problem(where, f"edit {e['key']}: with the draft it is {want}, the truth says {wd}")
                    lock = locks[e["key"]]["places"][p["index"] - 1]
                    if lock_status(f, lock) != wo:
                        problem(where, f"edit {e['key']}: by the lock it is {lock_status(f, lock)}, the truth says {wo}")
                elif wd in ("applied_todo", "missing_todo"):
                    new = fold(facts["ledger"]["new"])
                    if (new in f) != (wd == "applied_todo") or wo != wd:
                        problem(where, f"todo {e['key']}: its new text {'is' if new in f else 'is not'} in the final, the truth says {wd}")
                elif wd == "todo" and wo != "todo" or wd == "unanchored" and wo != "unclear":
                    problem(where, f"edit {e['key']}: {wd} with the draft, {wo} without")
                counted(f"places with the draft: {wd}")
                counted(f"places without the draft: {wo}")
            for k in ("with_draft", "without_draft"):
                if e[k] != max((p[k] for p in e["places"]), key=ORDER.index):
                    problem(where, f"edit {e['key']}: {k} is not the worst of its places")
                counted(f"edits {k}: {e[k]}")
        for k in ("with_draft", "without_draft"):
            if dec[k] != max((x[k] for x in dec["edits"]), key=ORDER.index):
                problem(where, f"decision {dec['id']}: {k} is not the worst of its edits")


def check_reconcile(folder):
    t = json.loads((folder / "truth.json").read_text())
    draft = Doc(folder / "draft.txt", t["layout"]["draft"])
    final = Doc(folder / "final.txt", t["layout"]["final"])
    where = f"reconcile {folder.name}"
    changes = [{"draft": c["draft"]["offset"], "old": c["draft"]["text"], "new": c["final"]["text"]} for c in t["changes"]]
    if apply_changes(draft.text, changes, where) != final.text:
        problem(where, "the final is not the draft with the truth's changes (layout out)")
    else:
        counted("reconcile finals equal to draft + changes")
    for c in t["changes"]:
        draft.check_place(where, c["draft"])
        final.check_place(where, c["final"])
        counted("reconcile changes" + (" attributed" if c["decision"] else " unexplained"))
    r = Resolver(draft, False)
    rw = Resolver(draft, True)
    for dec in t["decisions"]:
        for e in dec.get("edits", []):
            entry = e["entry"]
            found, why = r.resolve(entry)
            if why:
                found, why = rw.resolve(entry)
            if why:
                problem(where, f"decision {dec['id']}: the completed edit does not resolve ({why})")
                continue
            counted("reconcile completed edits resolving in the draft")
            new = fold(entry["new"])
            if e["kept"]:
                if new and new not in final.text:
                    problem(where, f"decision {dec['id']}: 「{entry['new']}」 is not in the final")
                for i in e["changes"]:
                    s = t["changes"][i]["draft"]["offset"][0]
                    if not any(a <= s <= b for a, b in found):
                        problem(where, f"decision {dec['id']}: change {i} is not where its edit resolves")
                if not e["changes"]:
                    problem(where, f"decision {dec['id']}: kept, but no change")
            elif e["changes"]:
                problem(where, f"decision {dec['id']}: not kept, but has changes")
            else:
                counted("reconcile promises not kept")
    rows = [ln.split("\t") for ln in (folder / "comments.tsv").read_text().split("\n") if "\t" in ln]
    ids = [x[0] for x in rows if x[0] and x[0] != "項番"]
    if sorted(ids, key=int) != sorted((d["id"] for d in t["decisions"]), key=int):
        problem(where, "the table's rows are not the truth's decisions")
    counted("reconcile table rows", len(ids))


def main():
    vs, rs = TESTDATA / "verify-set", TESTDATA / "reconcile-set"
    for folder in sorted(p for p in vs.iterdir() if p.is_dir()):
        check_plan(folder)
    for folder in sorted(p for p in rs.iterdir() if p.is_dir()):
        check_reconcile(folder)
    for k in sorted(COUNT):
        print(f"{COUNT[k]:6}  {k}")
    if PROBLEMS:
        print(f"\n{len(PROBLEMS)} problem(s):")
        for p in PROBLEMS[:200]:
            print("  " + p)
        sys.exit(1)
    print("\nall checks hold")


if __name__ == "__main__":
    main()
