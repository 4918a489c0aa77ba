"""The truth of one final of the verify set, computed from the draft and the final's content.

See verify-set/README.md for every field and every rule; this module is those rules.
"""

from build import LOCK_CONTEXT, LOCK_SIZES, MIN_GAP, Op, fail, lock_status, shift, slide, worst
from content import fold


def gap(o, s, t):
    """Chars of content between an operation and a place (0 when they touch or overlap)."""
    return max(s - o.e, o.s - t, 0)


def layout_facts(pages, lay):
    d = lay.describe()
    d["pages"] = [p.number for p in pages if p.number is not None]
    d["running_heads"] = [{"page": p.number, "heads": p.heads} for p in pages if p.heads]
    return d


def summary_of(e):
    if e.todo is not None:
        s = f"todo 「{e.ledger['todo']}」"
        if e.todo_new:
            s += f" with new 「{e.new}」"
        return s
    if e.kind == "delete":
        return f"「{e.old}」 deleted"
    if e.kind == "replace":
        return f"「{e.old}」→「{e.new}」"
    return f"「{e.new}」 inserted {'after' if e.kind == 'insert_after' else 'before'} 「{e.quote}」"


def shapes_of(pb, e):
    s = [e.kind]
    lines = pb.draft_text.split("\n")
    w = pb.draft.where
    for a, b in e.places:
        if w[a].file_line != w[b - 1].file_line and "quote_wraps" not in s:
            s.append("quote_wraps")
        raw = "".join(lines[w[k].file_line][w[k].column - 1] for k in range(a, b))
        if raw != pb.draft.text[a:b] and "radical_in_draft" not in s:
            s.append("radical_in_draft")
    for k in ("page", "pages", "line"):
        if k in (e.ledger or {}):
            s.append(k if k != "line" or e.ledger["line"] > 0 else "line_negative")
    for k in ("prefix", "suffix", "count"):
        if k in (e.ledger or {}):
            s.append(k if k != "count" or e.ledger["count"] != "all" else "count_all")
    if e.kind.startswith("insert") and not pb.plan.sample and pushes_page(pb, e):
        s.append("pushes_page")
    if e.todo is not None:
        s.append("todo_with_new" if e.todo_new else "todo")
    if e.unanchored:
        s.append(f"unanchored_by_{e.unanchored[0]}")
    return s + e.shapes


def pushes_page(pb, e):
    """Whether the insertion, made alone in the draft's own layout, pushes the last line of its
    page past the footer."""
    p = next(p for p in pb.place_infos() if p.edit is e)
    page = pb.page_of(p.s)
    last = max(k for k, w in enumerate(pb.draft.where) if w.page == page)
    op = Op(p.op.s, p.op.e, p.op.raw, p.op.side, "edit", e.key, 0)
    _, moved, _ = pb.make_final([op], pb.draft_layout)
    return moved.where[last + len(op.text)].page != page


def place_ops(pb, fin):
    """The operations that make the final: each edit's outcome, then the named changes."""
    infos = pb.place_infos()
    ops, outcome = [], {}
    for p in infos:
        e = p.edit
        o = fin.out.get(e.key, fin.default)
        if isinstance(o, list):
            o = o[p.index]
        outcome[(e.key, p.index)] = o
        if o == "m":
            continue
        if o == "a":
            kind = "edit"
            if e.unanchored:
                kind = "unanchored"
            elif e.todo is not None and not e.todo_new:
                kind = "todo"
            ops.append(Op(p.op.s, p.op.e, p.op.raw, p.op.side, kind, e.key, p.index))
        else:
            if e.unanchored or e.todo is not None:
                fail(pb.plan, f"final {fin.name}: edit {e.key} is a todo or unanchored; only a or m")
            ops.append(pb.alt_op(p, o))
    for name in fin.changes:
        c = pb.plan.changes[name]
        ops.append(pb.change_op(name, "context" if c.near else "unrecorded"))
    return infos, ops, outcome


def check_gaps(pb, infos, ops, where):
    for o in ops:
        if o.kind in ("edit", "todo", "unanchored"):
            continue
        for p in infos:
            g = gap(o, p.s, p.e)
            if o.kind == "context" and p.edit.key == o.ref and p.index == 0:
                if not 4 <= g <= 7:
                    fail(pb.plan, f"{where}: context change {o.note} is {g} chars from {o.ref} (4 to 7)")
            elif g < MIN_GAP:
                fail(pb.plan, f"{where}: change {o.note} is {g} chars from edit {p.edit.key}")
        for o2 in ops:
            if o2 is not o and o2.kind in ("unrecorded", "context") and gap(o, o2.s, o2.e) < MIN_GAP:
                fail(pb.plan, f"{where}: changes {o.note} and {o2.note} are too near")


def verify_truth(pb, fin, final_name):
    plan = pb.plan
    infos, ops, outcome = place_ops(pb, fin)
    check_gaps(pb, infos, ops, f"final {fin.name}")
    lay = pb.final_layout(fin.width, fin.lines, fin.radical_seed)
    pages, final, ops = pb.make_final(ops, lay)
    d, f = pb.draft.text, final.text
    own = {(o.ref, o.place): o for o in ops if o.kind in ("edit", "todo", "unanchored")}
    by_edit = {}
    for p in infos:
        e = p.edit
        o = outcome[(e.key, p.index)]
        op = own.get((e.key, p.index))
        fs = shift(ops, p.s, exclude=op)
        fe = shift(ops, p.e, inclusive=True)
        region = f[fs:fe]
        entry = {
            "index": p.index + 1,
            "draft": pb.draft.place(p.s, p.e, context=False),
            "final": final.place(fs, fe, context=False),
            "expected": p.promised,
        }
        if e.unanchored:
            wd, wo = "unanchored", "unclear"
            entry["reason"] = e.problem
            entry["without_draft_reason"] = "not in the lock: the edit does not resolve against the draft"
        elif e.todo is not None:
            if e.todo_new:
                n = f.count(fold(e.new))
                if fold(e.new) in d or n > 1:
                    fail(plan, f"todo {e.key}: its new text is in the draft or twice in the final")
                wd = wo = "applied_todo" if n else "missing_todo"
                if (o == "a") != bool(n):
                    fail(plan, f"final {fin.name}: todo {e.key} is {wd} but meant {o}")
            else:
                wd = wo = "todo"
        else:
            if region == p.promised:
                wd = "applied"
            elif region == p.quote:
                wd = "missing"
            else:
                wd = "different"
                entry["found"] = region
            meant = {"a": "applied", "m": "missing"}.get(o, "different")
            if wd != meant:
                fail(plan, f"final {fin.name}: edit {e.key} place {p.index} is {wd}, meant {meant}")
            seen = {lock_status(d, f, p, n) for n in LOCK_SIZES}
            if len(seen) != 1 or next(iter(seen))[0] == "ambiguous":
                fail(plan, f"final {fin.name}: edit {e.key} place {p.index}: lock statuses {seen}")
            wo, between = seen.pop()
            if between is not None:
                entry["lock_found"] = between
        entry["with_draft"], entry["without_draft"] = wd, wo
        by_edit.setdefault(e.key, []).append(entry)
    decisions = []
    for dec in plan.decisions:
        edits = []
        for i, e in enumerate(dec.edits, 1):
            places = by_edit[e.key]
            item = {
                "edit": i,
                "key": e.key,
                "with_draft": worst(x["with_draft"] for x in places),
                "without_draft": worst(x["without_draft"] for x in places),
                "places": places,
            }
            if e.unanchored:
                item["reason"] = e.problem
            edits.append(item)
        decisions.append(
            {
                "id": dec.id,
                "by": dec.by,
                "with_draft": worst(x["with_draft"] for x in edits),
                "without_draft": worst(x["without_draft"] for x in edits),
                "edits": edits,
            }
        )
    unexplained, changes = [], []
    for o in ops:
        fs = shift(ops, o.s, exclude=o)
        fe = fs + len(o.text)
        ch = {"draft": [o.s, o.e], "final": [fs, fe], "old": d[o.s : o.e], "new": o.text}
        if o.kind == "edit":
            ch["by"] = o.ref
            ch["place"] = o.place + 1
            ch["status"] = "applied" if not o.note else "different"
        else:
            ch["by"] = None
            ch["unexplained"] = len(unexplained)
            u = {
                "kind": o.kind,
                "draft": pb.draft.place(o.s, o.e),
                "final": final.place(fs, fe),
                "slide": slide(d, o),
                "maybe": o.ref if o.kind == "unanchored" else None,
                "todo": o.ref if o.kind == "todo" else None,
            }
            if o.kind == "context":
                u["breaks_lock_of"] = o.ref
            unexplained.append(u)
        changes.append(ch)
    summary = {"edits_with_draft": {}, "edits_without_draft": {}, "places_with_draft": {},
               "decisions_with_draft": {}, "decisions_without_draft": {},
               "unexplained": len(unexplained)}
    for dec in decisions:
        summary["decisions_with_draft"][dec["with_draft"]] = summary["decisions_with_draft"].get(dec["with_draft"], 0) + 1
        summary["decisions_without_draft"][dec["without_draft"]] = summary["decisions_without_draft"].get(dec["without_draft"], 0) + 1
        for e in dec["edits"]:
            for k in ("with_draft", "without_draft"):
                summary[f"edits_{k}"][e[k]] = summary[f"edits_{k}"].get(e[k], 0) + 1
            for p in e["places"]:
                summary["places_with_draft"][p["with_draft"]] = summary["places_with_draft"].get(p["with_draft"], 0) + 1
    truth = {
        "plan": plan.name,
        "final": final_name,
        "draft": "draft.txt",
        "ledger": "ledger.toml",
        "plan_facts": "plan.json",
        "note": fin.note,
        "layout": layout_facts(pages, lay),
        "summary": summary,
        "decisions": decisions,
        "unexplained": unexplained,
        "changes": changes,
    }
    return pages, truth, final


def new_in_scope(pb, e):
    """How many times the edit's new text already stands in the draft on the edit's pages (the
    unification case of issue 12.6: 取組 beside the 取り組み that become 取組)."""
    if not e.new or e.kind not in ("replace",):
        return None
    pages = {pb.page_of(s) for s, _ in e.places}
    return sum(1 for s, _ in pb.resolver.find_all(e.new) if pb.page_of(s) in pages)


def plan_facts(pb):
    """What every final of a plan shares: the draft's layout and the lock reference."""
    return {
        "plan": pb.plan.name,
        "title": pb.plan.title,
        "draft": "draft.txt",
        "ledger": "ledger.toml",
        "layout": layout_facts(pb.pages, pb.draft_layout),
        "edits": [
            {
                "key": e.key,
                "decision": e.key.split(".")[0],
                "edit": int(e.key.split(".")[1]),
                "summary": summary_of(e),
                "shapes": shapes_of(pb, e),
                "ledger": e.ledger,
                "resolves": e.problem is None,
                "problem": e.problem,
                "places": [pb.draft.place(s, t, context=False) for s, t in e.places],
                "new_in_draft_scope": new_in_scope(pb, e),
            }
            for e in pb.plan.edits()
        ],
        "lock": lock_reference(pb),
    }


def lock_reference(pb):
    d = pb.draft.text
    edits = []
    for p in pb.place_infos():
        e = p.edit
        if e.todo is not None or e.unanchored:
            continue
        if p.index == 0:
            edits.append({"key": e.key, "summary": summary_of(e), "places": []})
        w = pb.draft.where[p.s]
        edits[-1]["places"].append(
            {
                "page": w.page,
                "line": w.line,
                "column": w.column,
                "offset": [p.s, p.e],
                "quote": p.quote,
                "promised": p.promised,
                "before": d[max(0, p.s - LOCK_CONTEXT) : p.s],
                "after": d[p.e : p.e + LOCK_CONTEXT],
            }
        )
    return {"context": LOCK_CONTEXT, "edits": edits}


