#!/usr/bin/env python3
"""Writes testdata/verify-set/ and testdata/reconcile-set/ from the plans in plans/.

    python3 testdata/gen/generate.py          # regenerate both sets (deterministic)
    python3 testdata/gen/check.py             # then check them (independently of this code)

Python 3.11 or newer, standard library only. Each plan folder is removed and written again;
the sets' README.md files are written by hand and kept.
"""

import json
import shutil
import sys
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sample_plan  # noqa: E402
from build import BuildError, PlanBuild  # noqa: E402
from content import Content  # noqa: E402
from plans import plan_b, plan_c, plan_d, sample  # noqa: E402
from reconcile import reconcile_case  # noqa: E402
from textlayout import render  # noqa: E402
from truth import plan_facts, verify_truth  # noqa: E402

TESTDATA = HERE.parent
PLANS = [sample.PLAN, plan_b.PLAN, plan_c.PLAN, plan_d.PLAN]


def dump(obj):
    """JSON with one line per place, change and short list: small, and readable in a diff."""

    def emit(o, indent):
        flat = json.dumps(o, ensure_ascii=False)
        if len(flat) <= 110 or not isinstance(o, (dict, list)) or (isinstance(o, dict) and "page" in o):
            return flat
        pad = " " * (indent + 1)
        if isinstance(o, list):
            inner = [pad + emit(x, indent + 1) for x in o]
            return "[\n" + ",\n".join(inner) + "\n" + " " * indent + "]"
        inner = [pad + json.dumps(k, ensure_ascii=False) + ": " + emit(v, indent + 1) for k, v in o.items()]
        return "{\n" + ",\n".join(inner) + "\n" + " " * indent + "}"

    return emit(obj, 0) + "\n"


def fresh(folder):
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def add(total, counts):
    for k, v in counts.items():
        total[k] = total.get(k, 0) + v


def main():
    verify_dir = TESTDATA / "verify-set"
    reconcile_dir = TESTDATA / "reconcile-set"
    vindex = {"set": "verify", "finals": [], "totals": {}}
    rindex = {"set": "reconcile", "cases": [], "totals": {}}
    for plan in PLANS:
        pb = PlanBuild(plan, TESTDATA)
        folder = verify_dir / plan.name
        fresh(folder)
        (folder / "draft.txt").write_text(pb.draft_text)
        (folder / "ledger.toml").write_text(pb.ledger_text)
        (folder / "plan.json").write_text(dump(plan_facts(pb)))
        for fin in plan.finals:
            name = f"final-{fin.name}.txt"
            pages, truth, content = verify_truth(pb, fin, name)
            if plan.sample and fin.name == "01":
                oracle = Content(sample_plan.parse((TESTDATA / plan.sample["final"]).read_text())[1])
                if oracle.text != content.text:
                    raise BuildError("sample final-01 is not the content of sample/final.txt")
            (folder / name).write_text(render(pages))
            (folder / f"final-{fin.name}.truth.json").write_text(dump(truth))
            vindex["finals"].append(
                {"plan": plan.name, "final": f"{plan.name}/{name}",
                 "truth": f"{plan.name}/final-{fin.name}.truth.json", "summary": truth["summary"]}
            )
            for k, v in truth["summary"].items():
                if isinstance(v, dict):
                    add(vindex["totals"].setdefault(k, {}), v)
                else:
                    vindex["totals"][k] = vindex["totals"].get(k, 0) + v
        if plan.reconcile:
            folder = reconcile_dir / plan.name
            fresh(folder)
            case = reconcile_case(pb)
            (folder / "draft.txt").write_text(pb.draft_text)
            (folder / "final.txt").write_text(case["final_text"])
            (folder / "comments.tsv").write_text(case["table"])
            (folder / "truth.json").write_text(dump(case["truth"]))
            rindex["cases"].append({"plan": plan.name, "summary": case["truth"]["summary"]})
            for k, v in case["truth"]["summary"].items():
                if isinstance(v, int):
                    rindex["totals"][k] = rindex["totals"].get(k, 0) + v
    vindex["totals"]["finals"] = len(vindex["finals"])
    (verify_dir / "index.json").write_text(dump(vindex))
    (reconcile_dir / "index.json").write_text(dump(rindex))
    print(f"verify-set: {len(vindex['finals'])} finals; reconcile-set: {len(rindex['cases'])} cases")
    print(json.dumps(vindex["totals"], ensure_ascii=False))
    print(json.dumps(rindex["totals"], ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        sys.exit(f"generate: {e}")
