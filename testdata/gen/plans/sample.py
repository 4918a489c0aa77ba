"""The project's sample plan: testdata/sample/draft.txt and ledger.toml, used as they are.

Its finals are laid out without running heads (the sample has none), with the cover and
contents as pages 1 and 2 and a page break kept before every heading that opens a page of the
draft. final-01 makes every promise: its content is checked to be sample/final.txt's (the
sample's hand-made oracle)."""

import tomllib
from pathlib import Path

from model import Change, Decision, Edit, Final, Plan

TESTDATA = Path(__file__).resolve().parents[2]
LEDGER = tomllib.loads((TESTDATA / "sample" / "ledger.toml").read_text())

ALTS = {
    "1.1": {"other": "サイバー攻撃のリスクは引き続き高い状況にあると言える。また、2023年7月には、港湾のシステムがランサムウェアに感染した。"},
    "2.1": {"jousei2": "脅威の情勢について"},
    "28.1": {"niwa": "大手自動車メーカーの利用するクラウドサービス"},
    "32.1": {"hossoku": "発足"},
    "39.1": {"partial": "詳細は別途定める。"},
    "40.2": {"short": "認証制度であるEDSA認証（ISASecure）"},
}
SHAPES = {"29.1": ("kana_kanji",), "29.2": ("kana_kanji",), "33.1": ("url",), "40.1": ("match_width",)}

DECISIONS = []
for d in LEDGER["decision"]:
    edits = [
        Edit.from_ledger(e, ALTS.get(f"{d['id']}.{i}"), SHAPES.get(f"{d['id']}.{i}", ()))
        for i, e in enumerate(d["edit"], 1)
    ]
    DECISIONS.append(Decision(d["id"], d.get("by"), d.get("at"), d.get("request", ""), d.get("response", ""), edits))

CHANGES = {
    "u1": Change("再開までに約２か月", "約２か月", "約３か月"),
    "u2": Change("これまでに延べ約２万人", "約２万人", "約２万５千人"),
    "u3": Change("平成29年以降", "平成29年", "平成30年"),
    "u4": Change("防御演習を毎年度実施", "毎年度", "毎年"),
    "c1": Change("一時稼働を停止した事案や", "停止", "休止", near="28.1"),
}

FINALS = [
    Final("01", 36, 26, note="every promise made: the content of testdata/sample/final.txt, re-wrapped"),
    Final("02", 40, 24, default="m", note="nothing made"),
    Final("03", 37, 25, out={"28.1": "niwa", "29.2": "m"}, changes=["u1"],
          note="28's change made but 「が」 of its quote became 「の」: different"),
    Final("04", 35, 27, out={"2.1": ["a", "jousei2"], "32.1": ["a", "a", "m", "a"], "39.1": "partial"},
          changes=["u2", "u3"], note="a count edit made on some of its places"),
    Final("05", 38, 26, out={"1.1": "other", "33.1": "m", "40.1": "m"}, changes=["c1"],
          note="a change beside 28's quote breaks its lock context"),
    Final("06", 39, 25, out={"34.1": "m", "40.2": "short", "32.1": ["hossoku", "a", "a", "a"]}, changes=["u4"]),
]

PLAN = Plan(
    "sample",
    LEDGER["title"],
    None,
    DECISIONS,
    CHANGES,
    FINALS,
    match_width=LEDGER.get("options", {}).get("match_width", False),
    sample={"draft": "sample/draft.txt", "ledger": "sample/ledger.toml", "final": "sample/final.txt"},
)
