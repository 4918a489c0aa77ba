"""The reconcile set's case for a plan: a final, a comment table, and the truth.

The final keeps every promise of the plan's decisions except those of `not_kept`, and holds
the plan's named changes that no answer records, laid out at its own width and page length.
The table is TSV in the shape of the published tables (title and period lines, a header row
repeated at page breaks, a row continued after a page break with an empty 項番), with a row
for every decision and for every comment whose answer promises nothing.
"""

from build import Op, fail, shift, slide
from textlayout import render
from truth import check_gaps, layout_facts, summary_of

HEADER = ["項番", "意見提出者", "該当箇所", "御意見の詳細", "御意見に対する考え方"]
ROWS_PER_PAGE = 5


def completed_summary(e):
    if e.kind == "insert_after":
        return f"「{e.new}」 inserted after 「{e.quote}」"
    return f"「{e.quote}」→「{e.new}」"


def completed_entry(pb, e):
    """The edit as a ledger entry that resolves to the decision's places: the ledger's own
    entry when it resolves, else the true change with the scope of its pages."""
    if e.ledger and e.todo is None and not e.unanchored:
        return dict(e.ledger)
    entry = dict(e.fix) if e.fix else {
        {"replace": "old", "delete": "old", "insert_after": "after", "insert_before": "before"}[e.kind]: e.quote,
        "new": e.new,
    }
    pages = sorted({pb.page_of(s) for s, _ in e.places})
    if len(pages) == 1:
        entry["page"] = pages[0]
    else:
        entry["pages"] = pages
    if len(e.places) > 1:
        entry["count"] = len(e.places)
    found, problem = pb.resolver.resolve(entry)
    key = next(k for k in ("old", "after", "before") if k in entry)
    inside = all(any(a <= s and t <= b for a, b in found) for s, t in e.places)
    if problem or len(found) != len(e.places) or not inside or (key == "old") != (e.kind in ("replace", "delete")):
        fail(pb.plan, f"edit {e.key}: the completed entry {entry} does not resolve to its places ({problem})")
    return entry


def table_text(pb, rc):
    plan = pb.plan
    rows = []
    for d in plan.decisions:
        rows.append((d.id, d.by, d.at, pb.fill(d.request, d), pb.fill(d.response, d), d.mark or "有"))
    for r in rc.rows:
        rows.append((r.id, r.by, r.at, pb.fill(r.request, None), pb.fill(r.response, None), r.mark or "無"))
    rows.sort(key=lambda r: int(r[0]))
    header = HEADER + (["修正の有無"] if rc.mark_column else [])
    out = ["", rc.title, ""]
    for h in rc.header:
        out += [h, ""]
    out.append("\t".join(header))
    longest = max(range(len(rows)), key=lambda i: len(rows[i][3]))
    for i, row in enumerate(rows):
        if i and i % ROWS_PER_PAGE == 0:
            out += ["", "\t".join(header)]
        cells = list(row[:5]) + ([row[5]] if rc.mark_column else [])
        if i == longest and "。" in cells[3][:-1]:
            cut = cells[3].index("。") + 1
            first, rest = cells[3][:cut], cells[3][cut:]
            out.append("\t".join(cells[:3] + [first, ""] + cells[5:]))
            out += ["", "\t".join(header)]
            out.append("\t".join(["", "", "", rest, cells[4]] + [""] * (len(cells) - 5)))
        else:
            out.append("\t".join(cells))
    return "\n".join(out) + "\n"


def reconcile_case(pb):
    plan, rc = pb.plan, pb.plan.reconcile
    infos = pb.place_infos()
    decision_of = {e.key: d for d in plan.decisions for e in d.edits}
    ops = []
    for p in infos:
        if decision_of[p.edit.key].id in rc.not_kept:
            continue
        ops.append(Op(p.op.s, p.op.e, p.op.raw, p.op.side, "edit", p.edit.key, p.index))
    for name in rc.changes:
        ops.append(pb.change_op(name, "unrecorded"))
    check_gaps(pb, infos, ops, "reconcile")
    lay = pb.final_layout(rc.width, rc.lines, rc.radical_seed)
    pages, final, ops = pb.make_final(ops, lay)
    d = pb.draft.text
    changes = []
    for i, o in enumerate(ops):
        fs = shift(ops, o.s, exclude=o)
        ch = {
            "index": i,
            "draft": pb.draft.place(o.s, o.e),
            "final": final.place(fs, fs + len(o.text)),
            "slide": slide(d, o),
            "decision": decision_of[o.ref].id if o.kind == "edit" else None,
            "edit": int(o.ref.split(".")[1]) if o.kind == "edit" else None,
        }
        changes.append(ch)
    decisions = []
    for dec in plan.decisions:
        kept = dec.id not in rc.not_kept
        edits = []
        for i, e in enumerate(dec.edits, 1):
            entry = completed_entry(pb, e)
            bare = {k: v for k, v in entry.items() if k not in ("prefix", "suffix")}
            found, problem = pb.resolver.resolve(bare)
            edits.append({
                "edit": i,
                "resolves_without_prefix_suffix": problem is None and len(found) == len(e.places),
                "summary": summary_of(e) if e.todo is None else completed_summary(e),
                "kind": e.kind,
                "entry": entry,
                "kept": kept,
                "changes": [c["index"] for c in changes if c["decision"] == dec.id and c["edit"] == i],
            })
        if kept:
            report = "quoted" if dec.answer == "both" else "completed"
        else:
            report = "not_found"
        decisions.append({
            "id": dec.id, "by": dec.by, "at": dec.at, "promises": True, "answer": dec.answer,
            "kept": kept, "report": report, "edits": edits,
        })
        if dec.note:
            decisions[-1]["note"] = dec.note
    for r in rc.rows:
        decisions.append({"id": r.id, "by": r.by, "at": r.at, "promises": False})
    decisions.sort(key=lambda x: int(x["id"]))
    unexplained = [c["index"] for c in changes if c["decision"] is None]
    truth = {
        "plan": plan.name,
        "draft": "draft.txt",
        "final": "final.txt",
        "table": "comments.tsv",
        "layout": {"draft": layout_facts(pb.pages, pb.draft_layout), "final": layout_facts(pages, lay)},
        "summary": {
            "rows": len(decisions),
            "promising": sum(1 for x in decisions if x["promises"]),
            "quoted": sum(1 for x in decisions if x.get("report") == "quoted"),
            "completed": sum(1 for x in decisions if x.get("report") == "completed"),
            "not_kept": len(rc.not_kept),
            "changes": len(changes),
            "attributed": len(changes) - len(unexplained),
            "unexplained": len(unexplained),
        },
        "decisions": decisions,
        "changes": changes,
        "not_kept": rc.not_kept,
        "unexplained": unexplained,
    }
    return {"final_text": render(pages), "table": table_text(pb, rc), "truth": truth}
