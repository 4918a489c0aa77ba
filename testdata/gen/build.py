"""Builds a plan's draft and ledger, and from them each final with its truth.

A final is the draft's blocks with a list of operations applied (each a change of the
draft's content: the promised change of an edit, a change made differently, a change no
decision records), laid out again at the final's own width and page length. Every status of
the truth is computed from the two contents by the rules written in the set's README and
checked against what the final was meant to be; a case whose status could be read two ways
(a lock context that is not unique, a change too near another edit) stops the generator.
"""

import tomllib

import sample_plan
from content import Content, fold, width_fold
from ledger import Resolver, toml_value
from model import TEMPLATE
from textlayout import Block, Layout, layout, parse_source, render

# Status orders: a decision is the worst of its edits, an edit the worst of its places.
ORDER = ["applied", "applied_todo", "unclear", "todo", "missing_todo", "different", "missing", "unanchored"]
LOCK_SIZES = (8, 16, 24, 32, 40)  # every lock status must be the same for each of these
LOCK_CONTEXT = 32  # the context the lock reference records
MIN_GAP = 40  # chars of content between the places of two edits, or an edit and a change


def worst(statuses):
    return max(statuses, key=ORDER.index)


class BuildError(Exception):
    pass


def fail(plan, msg):
    raise BuildError(f"{plan.name}: {msg}")


class Op:
    """A change of the draft's content: [s, e) becomes `raw` (its content `text`). An
    insertion (s == e) goes into the block of the char before it (side "after") or after it
    ("before")."""

    def __init__(self, s, e, raw, side, kind, ref=None, place=None, note=""):
        self.s, self.e, self.raw, self.side = s, e, raw, side
        self.text = fold(raw)
        self.kind, self.ref, self.place, self.note = kind, ref, place, note

    @property
    def delta(self):
        return len(self.text) - (self.e - self.s)


def common_prefix(a, b):
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def minimal(text, s, e, new_raw, match_width):
    """The smallest change that turns text[s:e] into new_raw, keeping the draft's chars where
    they agree with new (under width folding when asked). Returns (s', e', raw, promised)."""
    q = text[s:e]
    nf = fold(new_raw)
    fq = width_fold(q) if match_width else q
    fn = width_fold(nf) if match_width else nf
    k = common_prefix(fq, fn)
    m = common_prefix(fq[k:][::-1], fn[k:][::-1])
    mid = nf[k : len(nf) - m]
    pos = [i for i, c in enumerate(new_raw) if not c.isspace()]
    raw = new_raw[pos[k] : pos[len(nf) - m - 1] + 1] if mid else ""
    return s + k, e - m, raw, q[:k] + mid + q[len(q) - m :]


class PlaceInfo:
    def __init__(self, edit, index, s, e):
        self.edit, self.index, self.s, self.e = edit, index, s, e


class PlanBuild:
    def __init__(self, plan, root):
        self.plan = plan
        self.root = root
        if plan.sample:
            draft_text = (root / plan.sample["draft"]).read_text()
            self.blocks, self.pages = sample_plan.parse(draft_text)
            self.draft_layout = Layout(38, 24, front="numbered", heads=False)
        else:
            self.blocks = parse_source(plan.source)
            self.draft_layout = plan.layout
            self.pages = layout(self.blocks, plan.layout)
        self.draft_text = render(self.pages)
        self.draft = Content(self.pages)
        self.resolver = Resolver(self.draft, plan.match_width)
        self._places()
        self._ledger()
        self._check_gaps()

    # --- where each edit applies -------------------------------------------------------

    def _places(self):
        plan, r = self.plan, self.resolver
        if plan.sample:
            for e in plan.edits():
                found, problem = r.resolve(e.ledger)
                if problem:
                    fail(plan, f"sample edit {e.key} does not resolve: {problem}")
                e.places = found
            return
        for e in plan.edits():
            found = r.find_all(e.quote)
            if e.at is not None:
                ats = r.find_all(e.at)
                if len(ats) != 1:
                    fail(plan, f"edit {e.key}: `at` {e.at!r} occurs {len(ats)} times")
                a0, a1 = ats[0]
                inside = [(s, t) for s, t in found if a0 <= s and t <= a1]
                if len(inside) != 1:
                    fail(plan, f"edit {e.key}: the quote occurs {len(inside)} times inside `at`")
                e.places = inside
            elif e.pick is not None:
                e.places = [found[i] for i in e.pick]
            else:
                if len(found) != 1 and e.count is None:
                    fail(plan, f"edit {e.key}: quote {e.quote!r} occurs {len(found)} times; say `at` or `pick`")
                e.places = found
            for s, t in e.places:
                if self.draft.where[s].page != self.draft.where[t - 1].page:
                    fail(plan, f"edit {e.key}: the quote crosses a page break")
            for p in self.pages:
                for h in p.heads:
                    if r.key(e.quote) in r.key(h):
                        fail(plan, f"edit {e.key}: the quote occurs in the running head {h!r}")

    def page_of(self, s):
        return self.draft.where[s].page

    def line_of(self, s):
        w = self.draft.where[s]
        return w.line, w.line - self.draft.body_lines[w.page] - 1

    def fill(self, template, decision):
        def sub(m):
            if m.group(1):
                e = decision.edits[int(m.group(2)) - 1]
                s = e.places[0][0]
                line, neg = self.line_of(s)
                return {
                    "p": str(self.page_of(s)),
                    "l": str(line),
                    "lb": str(neg),
                    "up": str(-neg - 1),
                    "pp": "、".join(f"P{p}" for p in sorted({self.page_of(a) for a, _ in e.places})),
                }[m.group(1)]
            found = self.resolver.find_all(m.group(4))
            if len(found) != 1:
                fail(self.plan, f"template text {m.group(4)!r} occurs {len(found)} times")
            s = found[0][0]
            return str(self.page_of(s) if m.group(3) == "p" else self.line_of(s)[0])

        return TEMPLATE.sub(sub, template)

    # --- the ledger ----------------------------------------------------------------------

    def _entry(self, e, decision):
        s0 = e.places[0][0]
        page = self.page_of(s0)
        line, neg = self.line_of(s0)
        if e.todo is not None:
            entry = {"todo": self.fill(e.todo, decision)}
            if e.todo_new:
                entry["new"] = e.new
            if "page" in e.scope:
                entry["page"] = page
            return entry
        entry = {}
        key = {"replace": "old", "delete": "old", "insert_after": "after", "insert_before": "before"}[e.kind]
        entry[key] = e.quote
        entry["new"] = e.new
        if "page" in e.scope:
            entry["page"] = page
        if "pages" in e.scope:
            entry["pages"] = sorted({self.page_of(s) for s, _ in e.places})
        if "line" in e.scope:
            entry["line"] = line
        if "line-neg" in e.scope:
            entry["line"] = neg
        if e.prefix is not None:
            entry["prefix"] = e.prefix
        if e.suffix is not None:
            entry["suffix"] = e.suffix
        if e.count is not None:
            entry["count"] = e.count
        elif len(e.places) > 1:
            entry["count"] = len(e.places)
        if e.unanchored:
            how, value = e.unanchored
            if how == "page":
                entry["page"] = page + value
            else:
                entry[how] = value
        return entry

    def _ledger(self):
        plan = self.plan
        if plan.sample:
            self.ledger_text = (self.root / plan.sample["ledger"]).read_text()
        else:
            out = [f"# {line}" if line else "#" for line in plan.about.strip().split("\n")]
            out += ["", f"title = {toml_value(plan.title)}", 'draft = "draft.txt"', ""]
            if plan.match_width:
                out += ["[options]", "match_width = true", ""]
            for d in plan.decisions:
                out.append("[[decision]]")
                out.append(f"id = {toml_value(d.id)}")
                out.append(f"by = {toml_value(d.by)}")
                out.append(f"at = {toml_value(d.at)}")
                out.append(f"request = {toml_value(self.fill(d.request, d))}")
                out.append(f"response = {toml_value(self.fill(d.response, d))}")
                for e in d.edits:
                    e.ledger = self._entry(e, d)
                    out.append("")
                    out.append("  [[decision.edit]]")
                    for k, v in e.ledger.items():
                        out.append(f"  {k} = {toml_value(v)}")
                out.append("")
            self.ledger_text = "\n".join(out)
        parsed = tomllib.loads(self.ledger_text)
        by_key = {e.key: e for e in plan.edits()}
        for d in parsed["decision"]:
            for i, entry in enumerate(d.get("edit", []), 1):
                e = by_key[f"{d['id']}.{i}"]
                if entry != e.ledger:
                    fail(plan, f"edit {e.key}: the TOML reads back as {entry}")
                found, problem = self.resolver.resolve(entry)
                e.problem = problem
                if e.todo is not None:
                    continue
                if e.unanchored:
                    if problem is None:
                        fail(plan, f"edit {e.key} is meant to be unanchored but resolves")
                elif problem is not None or found != e.places:
                    fail(plan, f"edit {e.key}: resolves to {found} ({problem}), meant {e.places}")

    def _check_gaps(self):
        spans = [(s, t, e.key) for e in self.plan.edits() for s, t in e.places]
        spans.sort()
        for s, t, k in spans:
            if s < MIN_GAP or len(self.draft.text) - t < MIN_GAP:
                fail(self.plan, f"edit {k} is less than {MIN_GAP} chars from an end of the text")
        for (s1, t1, k1), (s2, t2, k2) in zip(spans, spans[1:]):
            if s2 - t1 < MIN_GAP:
                fail(self.plan, f"edits {k1} and {k2} are {s2 - t1} chars apart (at least {MIN_GAP})")

    # --- places and their promised text --------------------------------------------------

    def place_infos(self):
        d = self.draft.text
        out = []
        for e in self.plan.edits():
            for i, (s, t) in enumerate(e.places):
                p = PlaceInfo(e, i, s, t)
                p.quote = d[s:t]
                if e.kind in ("replace", "delete"):
                    a, b, raw, p.promised = minimal(d, s, t, e.new, self.plan.match_width)
                    side = "before" if a == s and a == b else "after"
                    p.op = Op(a, b, raw, side, "edit", e.key, i)
                elif e.kind == "insert_after":
                    p.promised = p.quote + fold(e.new)
                    p.op = Op(t, t, e.new, "after", "edit", e.key, i)
                else:
                    p.promised = fold(e.new) + p.quote
                    p.op = Op(s, s, e.new, "before", "edit", e.key, i)
                out.append(p)
        return out

    def alt_op(self, p, name):
        if name not in p.edit.alts:
            fail(self.plan, f"edit {p.edit.key} has no alt {name!r}")
        a, b, raw, _ = minimal(self.draft.text, p.s, p.e, p.edit.alts[name], self.plan.match_width)
        if a == b and not raw:
            fail(self.plan, f"edit {p.edit.key}: alt {name!r} is the quote itself")
        side = "before" if a == p.s and a == b else "after"
        return Op(a, b, raw, side, "edit", p.edit.key, p.index, note=name)

    def change_op(self, name, kind):
        c = self.plan.changes[name]
        ats = self.resolver.find_all(c.at)
        if len(ats) != 1:
            fail(self.plan, f"change {name}: `at` occurs {len(ats)} times")
        a0, a1 = ats[0]
        olds = [(s, t) for s, t in self.resolver.find_all(c.old) if a0 <= s and t <= a1]
        if len(olds) != 1:
            fail(self.plan, f"change {name}: `old` occurs {len(olds)} times inside `at`")
        s, t = olds[0]
        a, b, raw, _ = minimal(self.draft.text, s, t, c.new, False)
        side = "before" if a == s and a == b else "after"
        return Op(a, b, raw, side, kind, c.near, note=name)

    # --- a final -------------------------------------------------------------------------

    def make_final(self, ops, lay):
        ops = sorted(ops, key=lambda o: (o.s, o.e))
        for o1, o2 in zip(ops, ops[1:]):
            if o2.s < o1.e or (o2.s == o1.e and (o1.s == o1.e or o2.s == o2.e)):
                fail(self.plan, f"operations overlap at {o1.s}-{o1.e} and {o2.s}-{o2.e}")
        src = self.draft.source
        per_block = {}
        for o in ops:
            if o.e > o.s:
                (b1, i1), (b2, i2) = src[o.s], src[o.e - 1]
                if b1 is not b2:
                    fail(self.plan, f"a change at {o.s} crosses blocks")
                b, r = b1, (i1, i2 + 1)
            elif o.side == "after":
                b, i = src[o.s - 1]
                r = (i + 1, i + 1)
            else:
                b, i = src[o.s]
                r = (i, i)
            if b.kind == "front":
                fail(self.plan, "a change in the front matter")
            per_block.setdefault(id(b), []).append((r, o.raw))
        blocks = []
        for b in self.blocks:
            text = b.text
            for (x, y), raw in sorted(per_block.get(id(b), []), reverse=True):
                text = text[:x] + raw + text[y:]
            nb = Block(b.kind, text, b.page)
            blocks.append(nb)
        pages = layout(blocks, lay)
        final = Content(pages)
        expect = self.draft.text
        for o in reversed(ops):
            expect = expect[: o.s] + o.text + expect[o.e :]
        if final.text != expect:
            fail(self.plan, "the final's content is not the draft's with the operations")
        return pages, final, ops

    def final_layout(self, width, lines, seed):
        if self.plan.sample:
            return Layout(width, lines, front="numbered", heads=False)
        return Layout(width, lines, front=self.draft_layout.front, heads=True, radical_seed=seed)


def shift(ops, x, exclude=None, inclusive=False):
    """Where draft content offset x is in the final: x moved by the ops before it."""
    out = x
    for o in ops:
        if o is exclude:
            continue
        if o.e < x or (o.e == x and (inclusive or o.s < x)):
            out += o.delta
    return out


def slide(d, o):
    """For a pure insertion or deletion: the first and last draft offset at which the same
    change can be written (a diff may choose any of them); None for a replacement."""
    if o.s == o.e and o.text:
        t, lo = o.text, o.s
        while lo > 0 and t[-1] == d[lo - 1]:
            t, lo = d[lo - 1] + t[:-1], lo - 1
        t, hi = o.text, o.s
        while hi < len(d) and t[0] == d[hi]:
            t, hi = t[1:] + d[hi], hi + 1
        return [lo, hi]
    if o.e > o.s and not o.text:
        lo, hi, n = o.s, o.s, o.e - o.s
        while lo > 0 and d[lo - 1] == d[lo - 1 + n]:
            lo -= 1
        while hi + n < len(d) and d[hi] == d[hi + n]:
            hi += 1
        return [lo, hi]
    return None


def lock_status(d, f, p, n):
    b, a = d[max(0, p.s - n) : p.s], d[p.e : p.e + n]
    if f.count(b + p.promised + a) > 1 or f.count(b + p.quote + a) > 1:
        return "ambiguous", None
    if b + p.promised + a in f:
        return "applied", None
    if b + p.quote + a in f:
        return "missing", None
    hits = []
    i = f.find(b)
    while i >= 0:
        j = f.find(a, i + len(b))
        if j >= 0 and j - (i + len(b)) <= len(p.promised) + len(p.quote) + n:
            hits.append(f[i + len(b) : j])
        i = f.find(b, i + 1)
    if len(hits) == 1:
        return "different", hits[0]
    if hits:
        return "ambiguous", None
    return "unclear", None
