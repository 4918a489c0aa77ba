#!/usr/bin/env python3
"""Prints, for every draft and final of the verify set, what each printed line is: the truth
of page furniture and paragraphs that tests/document.rs scores akaji's document model against.

    python3 testdata/gen/lines.py > lines.json

One JSON object: `documents[]`, each `{name, file, lines[]}` (`name` like `plan-b/final-03`,
`file` relative to testdata/verify-set/), every line `{role, block}`:

- `role`: `body`, `head` (a running head), `footer` (the `- N -` line), or `front` (a line of
  an unnumbered cover or contents before body page 1: front matter, not counted on page 1);
  front matter printed on numbered pages of its own is `body` of those pages.
- `block`: the index (per document) of the source block the line prints: a paragraph or item
  wrapped over several lines has one block; a heading, a verbatim line (table row, figure
  label, URL, a line of the cover or contents) each its own; null for heads and footers.

The layout is the generator's own (textlayout.py), so this is exact by construction. Python
3.11 or newer, standard library only.
"""

import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import PlanBuild  # noqa: E402
from plans import plan_b, plan_c, plan_d, sample  # noqa: E402
from truth import verify_truth  # noqa: E402

ROLE = {"body": "body", "head": "head", "footer": "footer"}


def lines(pages, front_numbered):
    out, blocks = [], {}
    for page in pages:
        for ln in page.lines:
            role = ROLE.get(ln.kind)
            if ln.kind == "front":
                role = "body" if front_numbered else "front"
            block = None if ln.block is None or role in ("head", "footer") else blocks.setdefault(id(ln.block), len(blocks))
            out.append({"role": role, "block": block})
    return out


def main():
    docs = []
    for plan in [sample.PLAN, plan_b.PLAN, plan_c.PLAN, plan_d.PLAN]:
        pb = PlanBuild(plan, HERE.parent)
        numbered = pb.draft_layout.front == "numbered"
        docs.append({"name": f"{plan.name}/draft", "file": f"{plan.name}/draft.txt", "lines": lines(pb.pages, numbered)})
        for fin in plan.finals:
            pages, _, _ = verify_truth(pb, fin, f"final-{fin.name}.txt")
            docs.append(
                {"name": f"{plan.name}/final-{fin.name}", "file": f"{plan.name}/final-{fin.name}.txt", "lines": lines(pages, numbered)}
            )
    json.dump({"documents": docs}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
