"""Plan D: クラウドサービスの安全な利用に関する取りまとめ（案） (plan_d.txt).

The cover has no number and the contents carry their own (`- i -`, which the default page
marker does not match: both precede body page 1); 39 characters a line, 24 body lines a page;
short chapters, so a section head opens one page only. Edits: the deletion of 「とともに、その
確認を適時確認していく」 (made differently in one final as 「…その状況を適時確認していく」), a
word on two listed pages with count "all" and a look-alike on a third, an insertion before an
anchor, the deletion of 「(案)」 in a schedule whose lines all begin 「20XX年度」, an edit left
unanchored by a wrong prefix, a todo with the new wording only, a kana-kanji rewrite with a
line scope, a URL, a replacement told apart by a suffix, and one with a line counted from the
bottom whose answer uses a verb import does not know (its 修正の有無 is 有)."""

from pathlib import Path

from model import Change, Decision, Edit, Final, Plan, Reconcile, Row
from textlayout import Layout

SOURCE = (Path(__file__).parent / "plan_d.txt").read_text()

DECISIONS = [
    Decision(
        "1", "個人A", "3.1.(2)",
        "P{p1}において、「その確認を適時確認していく」とあるが、「確認」が重複しており意味が通らない。"
        "点検の結果への対処は次の文に記載されていることから、削除してはどうか。",
        "御指摘を踏まえ、「とともに、その確認を適時確認していく」を削除いたします。",
        [Edit(old="とともに、その確認を適時確認していく", new="", scope=("page",),
              alts={"jokyo": "とともに、その状況を適時確認していく"})],
    ),
    Decision(
        "2", "株式会社B", "3.1.、3.2.",
        "(P{p:設定の不備により}、P{p:設定の不備等による})「設定の不備」は、利用者の設定の誤りを指すものであり、"
        "「設定の誤り」と記載したほうが分かりやすい。",
        "御指摘を踏まえ、{pp1}の「設定の不備」を「設定の誤り」に修正いたします。",
        [Edit(old="設定の不備", new="設定の誤り", scope=("pages",), pick=[0, 2], count="all",
              alts={"ayamari": "設定誤り"})],
    ),
    Decision(
        "3", "個人C", "3.2.(2)",
        "P{p1}の「データの外部への公開」は、サービス提供者による公開と誤解されるおそれがある。",
        "御指摘を踏まえ、P{p1}の「データの外部への公開」の前に「利用者の操作による」を追記いたします。",
        [Edit(before="データの外部への公開", new="利用者の操作による", scope=("page",),
              alts={"other": "利用者によるデータの外部への公開"})],
    ),
    Decision(
        "4", "個人D", "4.",
        "(P {p1})工程表の「チェックリスト(案)の作成」について、作成するのはチェックリストであり、「(案)」は不要ではないか。",
        "御指摘を踏まえ、P{p1}の工程表の「(案)」を削除いたします。",
        [Edit(old="(案)", new="", scope=("page",), alts={"an": "案"}, shapes=("between_repeated_lines",))],
    ),
    Decision(
        "5", "株式会社E", "3.1.(2)②",
        "P{p1}の②「外部に公開するデータの範囲を定期的に確認する」について、確認の頻度の目安を示すべきである。",
        "御指摘を踏まえ、P{p1}の②の「定期的に」を「少なくとも月に１回」に修正いたします。",
        [Edit(old="定期的に", new="少なくとも月に１回", at="データの範囲を定期的に確認", scope=("page",),
              prefix="データの範囲を", unanchored=("prefix", "公開範囲を"),
              fix={"old": "定期的に", "new": "少なくとも月に１回", "prefix": "データの範囲を"})],
    ),
    Decision(
        "6", "個人A", "参考",
        "{p1}ページの検討経過の第４回の議事の欄「論点整理」は、他の回の記載に合わせ「論点の整理について」とすべきではないか。",
        "御意見を踏まえ、「論点の整理について」に修正いたします。",
        [Edit(old="論点整理", new="論点の整理について", scope=("page",),
              todo="「論点の整理について」に修正（修正前の文言は意見から）", todo_new=True)],
        answer="new",
    ),
    Decision(
        "7", "個人F", "3.1.(1)",
        "{p1}ページの{l1}行目「あわせて、」と、他の箇所の「併せて」とは、どちらかに字句を統一したほうがよい。",
        "御指摘を踏まえ、P{p1}の{l1}行目の「あわせて、」を「併せて、」に修正いたします。",
        [Edit(old="あわせて、", new="併せて、", scope=("page", "line"), shapes=("kana_kanji",))],
    ),
    Decision(
        "8", "個人C", "参考",
        "参考資料の1つめのURLの記載が適切でなく、クリックしても適切なファイルが開かない。 (表示)～884213.pdf (リンク)～884231.pdf",
        "御意見を踏まえ、URLを修正いたします。",
        [Edit(old="000884213.pdf", new="000884231.pdf", scope=("page",),
              alts={"typo": "000884321.pdf"}, shapes=("url",))],
        answer="none",
    ),
    Decision(
        "9", "株式会社B", "3.2.(3)",
        "P{p1}において、事故発生時の連絡の窓口や手順をあらかじめ定めておくことは「重要である」にとどまらず、"
        "サービスの契約の際に定めることを求めるべきである。",
        "御指摘を踏まえ、P{p1}の「定めておくことが重要である」を「定めておくことが不可欠である」に修正いたします。",
        [Edit(old="重要である", new="不可欠である", at="定めておくことが重要である", scope=("page",),
              suffix="。また、事故", alts={"hitsuyou": "必要である"})],
    ),
    Decision(
        "10", "個人G", "2.2.",
        "P{p1}の最下行の{up1}行上「専門的な文書によるものが中心であり」について、現状では改善が進みつつあることも踏まえた表現とすべきである。",
        "御指摘を踏まえ、P{p1}の最下行の{up1}行上の「中心であり」を「中心となっており」といたしました。",
        [Edit(old="中心であり", new="中心となっており", scope=("page", "line-neg"),
              alts={"mada": "中心となっている状況であり"})],
        mark="有", note="the answer's verb 「といたしました」 is none import knows; 修正の有無 = 有 marks the promise",
    ),
]

CHANGES = {
    "u1": Change("企業の割合は、2022年に約７割となり", "約７割", "約８割"),
    "u2": Change("専門の人材が不足しており", "不足しており", "不足していることが多く"),
    "u3": Change("取組の効果の検証", "効果の検証", "効果の検証及び見直し"),
    "u4": Change("安全なクラウドサービスの利用が社会に定着する", "利用が社会に", "利用が広く社会に"),
    "c1": Change("運用状況を定期的に点検する", "定期的に", "随時", near="1.1"),
}

FINALS = [
    Final("01", 38, 25, note="every promise made, also the unanchored edit's change (unexplained, maybe 5.1)"),
    Final("02", 35, 24, default="m", note="nothing made"),
    Final("03", 40, 23, out={"1.1": "jokyo"}, changes=["u1"],
          note="the deletion made differently: 「…その状況を適時確認していく」"),
    Final("04", 36, 26, out={"2.1": ["a", "m"], "4.1": "m", "5.1": "a"}, changes=["u2"],
          note="count = \"all\" made on one of its two places"),
    Final("05", 37, 24, out={"3.1": "other", "6.1": "m"}, changes=["c1"],
          note="a change beside 1.1's quote breaks its lock context"),
    Final("06", 39, 22, out={"7.1": "m", "8.1": "typo", "9.1": "hitsuyou"}, changes=["u3", "u4"]),
    Final("07", 35, 25, out={"1.1": "m", "10.1": "mada", "5.1": "m"}),
    Final("08", 38, 23, out={"2.1": ["ayamari", "ayamari"], "6.1": "a"}, changes=["u1"]),
    Final("09", 36, 24, out={"4.1": "an", "10.1": "m", "3.1": "m"}, changes=["u4"],
          note="「チェックリスト(案)の作成」 became 「チェックリスト案の作成」"),
    Final("10", 40, 26, changes=["u3"], note="every promise made, one change no decision records"),
]

ROWS = [
    Row("11", "一般社団法人H", "全体",
        "クラウドサービスの利用者とサービス提供者の双方に向けた方策が示されていることに賛同する。",
        "賛同の御意見として承ります。"),
    Row("12", "個人J", "1.",
        "P{p:第一の選択肢}において、政府の方針が示されているが、その根拠となる文書の名称を記載すべきである。",
        "御意見については、参考として承ります。", mark="無"),
    Row("13", "株式会社E", "2.1.",
        "(P {p:約２割増加})クラウドサービスの利用の割合について、企業の規模別の数値も示していただきたい。",
        "御意見については、参考として承ります。なお、調査の詳細は、参考資料に掲げる調査結果に掲載しております。"),
    Row("14", "個人K", "2.2.",
        "{p:責任共有モデル}ページの「責任共有モデル」について、図を用いて説明すべきである。",
        "御意見については、参考として承ります。"),
    Row("15", "株式会社B", "3.1.",
        "(P{p:チェックリストを作成し}、P{p:チェックリスト(案)の作成})チェックリストの作成に当たっては、サービス提供者の意見も聴いていただきたい。",
        "御意見については、今後の検討の参考として承ります。"),
    Row("16", "個人C", "3.1.(2)",
        "多要素認証の設定を利用者に義務付けるべきである。",
        "御意見を踏まえた記載の修正は行いません。多要素認証の設定は、P{p:多要素認証を必ず設定する}の①に記載のとおり、利用者の組織の手順として定めることを求めております。",
        mark="無"),
    Row("17", "一般社団法人H", "3.2.",
        "{p:情報提供の在り方に関する指針を策定}-{p:安全な側に設定}ページのサービス提供者による支援について、中小規模のサービス提供者への配慮も必要である。",
        "御意見については、参考として承ります。"),
    Row("18", "個人D", "5.",
        "本取りまとめに示された方策の実施状況を、定期的に公表していただきたい。",
        "賛同の御意見として承ります。"),
    Row("19", "株式会社E", "3.2.(1)",
        "情報提供の在り方に関する指針の策定に当たっては、サービス提供者の団体の意見を十分に聴いていただきたい。",
        "御意見については、今後の検討の参考として承ります。"),
    Row("20", "個人K", "4.",
        "{p:2025年度　チェックリストの公表}ページの工程表について、各年度の取組の内容をより具体的に示すべきである。",
        "御意見については、参考として承ります。"),
    Row("21", "個人J", "2.1.",
        "クラウドサービスの設定の誤りによる事故の件数の推移を示すべきである。",
        "御意見については、参考として承ります。"),
    Row("22", "一般社団法人H", "5.",
        "本取りまとめの方向性に賛同する。",
        "賛同の御意見として承ります。"),
]

RECONCILE = Reconcile(
    width=37, lines=25, not_kept=["6"], changes=["u2", "u4"], rows=ROWS, mark_column=True,
    title="「クラウドサービスの安全な利用に関する取りまとめ（案）」に対する意見募集の結果及び意見に対する考え方",
    header=[
        "■意見募集期間：令和６年１月12日(金)～同年２月９日(金)",
        "■意見提出件数：15件(法人・団体:6件、個人:9件)",
    ],
)

PLAN = Plan(
    "plan-d",
    "クラウドサービスの安全な利用に関する取りまとめ（案）",
    Layout(39, 24, front="own"),
    DECISIONS,
    CHANGES,
    FINALS,
    reconcile=RECONCILE,
    source=SOURCE,
    about="""Decisions on plan-d/draft.txt, written for akaji's test sets by its generator
(testdata/gen/plans/plan_d.py). The shape of comments and answers follows the public comment
tables of the government's plans; the plan and the comments are the project's own writing.
Decision 5 is unanchored on purpose: its prefix 「公開範囲を」 is the commenter's wording, the
draft reads 「データの範囲を」.""",
)
