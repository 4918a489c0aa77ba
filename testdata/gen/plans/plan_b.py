"""Plan B: サイバーセキュリティ施策推進計画２０２Ｘ（案） (plan_b.txt).

Front matter without printed numbers (it precedes body page 1), running heads 1. / 1.2.,
38 characters a line, 26 body lines a page. Edits: a unification 「取り組み」→「取組」 on five
pages where the draft already has 取組, a kana-kanji rewrite with a line scope, one with a
line counted from the bottom, an insertion on a full page, a todo without text, a todo with
the new wording only, a URL, a deletion with a suffix, an insertion before an anchor, a
replacement with a prefix, and an edit left unanchored (its quote matches six times on the
page, the ledger says count 1)."""

from pathlib import Path

from model import Change, Decision, Edit, Final, Plan, Reconcile, Row
from textlayout import Layout

SOURCE = (Path(__file__).parent / "plan_b.txt").read_text()

DECISIONS = [
    Decision(
        "3", "個人A", "全体",
        "「取り組み」と「取組」の表記が混在している。例えば{p:リスクや取り組みの状況}ページでは「(2) 今後の取組」とある一方、"
        "同じページの(イ)では「取り組みの状況」となっている。いずれかに統一すべきではないか。",
        "御指摘を踏まえ、{pp1}の「取り組み」を「取組」に修正いたします。",
        [Edit(old="取り組み", new="取組", scope=("pages",), pick=[0, 1, 2, 3, 4],
              alts={"okurigana": "取組み"}, shapes=("unification", "kana_kanji"))],
    ),
    Decision(
        "5", "個人B", "2.2.",
        "{p1}ページの{l1}行目「あたって」と、{p:手引の作成に当たって}ページの「当たって」とは、どちらかに字句を統一したほうがよい。",
        "御指摘を踏まえ、P{p1}の{l1}行目の「あたって」を「当たって」に修正いたします。",
        [Edit(old="あたって", new="当たって", scope=("page", "line"), shapes=("kana_kanji",))],
    ),
    Decision(
        "7", "個人B", "2.1.",
        "P{p1}の最下行の{up1}行上「更に、」は、他の箇所の表記に合わせ「さらに、」とすべきではないか。",
        "御指摘を踏まえ、P{p1}の最下行の{up1}行上の「更に、」を「さらに、」に修正いたします。",
        [Edit(old="更に、", new="さらに、", scope=("page", "line-neg"),
              alts={"mata": "また、"}, shapes=("kana_kanji",))],
    ),
    Decision(
        "8", "株式会社C", "1.3.",
        "サプライチェーンを通じた被害の事例として、部品を供給する企業の被害の事例が挙げられているが、"
        "2023年に発生した港湾の物流システムの事案も、社会的な影響が大きかった事例として記載してはどうか。",
        "御指摘を踏まえ、以下のとおり追記いたします。「また、2023年には、港湾の物流を管理するシステムがランサムウェアに"
        "感染し、コンテナの搬出入が約２日間にわたり停止する事案も発生した。」",
        [Edit(after="工場が一時稼働を停止する事案が発生した。",
              new="また、2023年には、港湾の物流を管理するシステムがランサムウェアに感染し、コンテナの搬出入が約２日間にわたり停止する事案も発生した。",
              scope=("page",),
              alts={"shorter": "工場が一時稼働を停止する事案が発生した。また、2023年には、港湾の物流システムへの攻撃により、コンテナの搬出入が停止した。"})],
        answer="new",
    ),
    Decision(
        "9", "一般社団法人D", "2.1.(2)(イ)",
        "送信ドメイン認証技術の導入状況の公表にとどまらず、中小規模の事業者が導入するための具体的な手順を示すべきである。",
        "御指摘を踏まえ、P{p1}に追記をいたします。",
        [Edit(after="導入状況を定期的に公表する。",
              new="あわせて、送信ドメイン認証技術の導入の手順を示した資料を作成し、中小規模の事業者への普及を図る。",
              scope=("page",), todo="P{p1}に追記（文言未定）")],
        answer="none",
    ),
    Decision(
        "11", "個人A", "別添",
        "{p1}ページの第１回の議事欄の2行目「関係府省庁からの報告」は、何についての報告であるかが分かるように記載すべきではないか。",
        "御意見を踏まえ、「関係府省庁からの取組状況の報告」に修正いたします。",
        [Edit(old="関係府省庁からの報告", new="関係府省庁からの取組状況の報告",
              scope=("page",), todo="「関係府省庁からの取組状況の報告」に修正（修正前の文言は意見から）", todo_new=True)],
        answer="new",
    ),
    Decision(
        "12", "個人E", "別添",
        "参考資料の1つめのURLの記載が適切でなく、クリックしても適切なファイルが開かない。 (表示)～912345.pdf (リンク)～912354.pdf",
        "御意見を踏まえ、URLを修正いたします。",
        [Edit(old="000912345.pdf", new="000912354.pdf", scope=("page",),
              alts={"typo": "000912346.pdf"}, shapes=("url",))],
        answer="none",
    ),
    Decision(
        "14", "株式会社F", "3.2.(2)(ア)",
        "P{p1}において「最新の攻撃の動向を踏まえて毎年度見直す」とあるが、攻撃の動向は年度の区切りによらず変化する"
        "ものであり、「毎年度」は削除すべきである。",
        "御指摘を踏まえ、P{p1}の「毎年度」を削除いたします。",
        [Edit(old="毎年度", new="", at="踏まえて毎年度見直す", scope=("page",), suffix="見直す",
              alts={"zuiji": "随時"})],
    ),
    Decision(
        "15", "個人G", "1.1.(2)(ア)",
        "(P {p1})「経営層自らがリスクを判断する」とあるが、リスクを最終的に判断するのは経営者であり、「経営者自ら」とすべきではないか。",
        "御指摘を踏まえ、P{p1}の(ア)の「経営層自ら」を「経営者自ら」に修正いたします。",
        [Edit(old="経営層", new="経営者", at="経営層自らがリスク", scope=("page",),
              unanchored=("count", 1), fix={"old": "経営層自ら", "new": "経営者自ら"})],
    ),
    Decision(
        "16", "株式会社C", "1.3.(2)(ウ)",
        "政府機関が調達する機器の供給者の確認について、製造事業者が確認の対象に含まれるか明らかでない。",
        "御指摘を踏まえ、P{p1}の「供給者のセキュリティ対策」の前に「製造事業者を含む」を追記いたします。",
        [Edit(before="供給者のセキュリティ対策", new="製造事業者を含む", scope=("page",),
              alts={"tou": "製造事業者等を含む供給者のセキュリティ対策"})],
    ),
    Decision(
        "17", "一般社団法人H", "1.2.(2)②",
        "{p1}ページの②について、「サイバーセキュリティお助け隊サービス」の普及は既に進んでおり、一層の推進を図る旨を明記すべきである。",
        "御指摘を踏まえ、P{p1}の②の「普及を図る」を「普及を一層推進する」に修正いたします。",
        [Edit(old="普及を図る", new="普及を一層推進する", at="お助け隊サービス」の普及を図る", prefix="サービス」の",
              scope=("page",), alts={"suishin": "普及を推進する"})],
    ),
]

CHANGES = {
    "u1": Change("報告件数は、2022年に約97万件", "約97万件", "約96万件"),
    "u2": Change("企業では約２割にとどまっている", "約２割", "約３割"),
    "u3": Change("府省庁間の人事交流を推進する", "推進する", "積極的に推進する"),
    "u4": Change("施策の実施状況を定期的に確認し", "定期的に", "四半期ごとに"),
    "u5": Change("暗号技術の研究開発を推進する", "研究開発を推進", "研究開発を一層推進"),
    "c1": Change("中小規模の病院の意見を聴く", "病院", "医療機関", near="5.1"),
    "c2": Change("policy/plan/000912345", "policy", "policies", near="12.1"),
}

FINALS = [
    Final("01", 36, 27, note="every promise made, also the todo's (unexplained, todo 9.1) and the unanchored edit's (unexplained, maybe 15.1)"),
    Final("02", 40, 26, default="m", note="nothing made: the draft re-wrapped and re-paginated"),
    Final("03", 37, 25, out={"7.1": "m", "3.1": ["a", "a", "okurigana", "a", "a"]}, changes=["u1"],
          note="one place of the unification made differently (取組み); 更に left"),
    Final("04", 35, 28, out={"8.1": "shorter", "12.1": "m", "15.1": "a"}, changes=["u2", "u5"],
          note="the insertion made with other words; the unanchored edit's change made (unexplained, maybe 15.1)"),
    Final("05", 39, 26, out={"14.1": "zuiji"}, changes=["c1"],
          note="both todos made; the deletion made differently; a change beside 5.1's quote breaks its lock context"),
    Final("06", 38, 24, out={"3.1": "m", "16.1": "tou", "17.1": "m"}, changes=["u3"],
          note="the unification forgotten everywhere"),
    Final("07", 36, 26, out={"5.1": "m", "12.1": "typo", "9.1": "m", "11.1": "m"}, changes=["c2", "u4"],
          note="todos not made; the URL fixed wrongly; a change in the URL's path breaks 12.1's lock context"),
    Final("08", 40, 25, out={"3.1": ["a", "a", "a", "a", "m"], "17.1": "suishin", "8.1": "m"},
          note="the unification made on four of its five places"),
    Final("09", 35, 26, out={"14.1": "m", "16.1": "m", "15.1": "m"}, changes=["u1", "u4"]),
    Final("10", 37, 28, changes=["u3"], note="every promise made, one change no decision records"),
]

ROWS = [
    Row("1", "株式会社C", "全体",
        "本計画（案）において、経営層の関与や中小企業の対策、人材の確保が課題とされていることに賛同する。"
        "当社としても、取引先を含めた対策の底上げに取り組んでまいりたい。",
        "賛同の御意見として承ります。"),
    Row("2", "個人A", "はじめに",
        "P1において、ランサムウェアの被害の事例が挙げられているが、被害の件数の推移も示すべきではないか。",
        "御意見については、参考として承ります。"),
    Row("4", "一般社団法人H", "1.1.",
        "(P {p:取締役会で定期的に審議})「取締役会で定期的に審議している企業の割合」について、調査の対象や回答数を注記すべきである。",
        "御意見については、参考として承ります。なお、調査の概要については、別添の参考資料に掲げる報告書に記載しております。"),
    Row("6", "株式会社I", "1.2.",
        "{p:自己宣言する制度}-{p:SBOMの導入に関する手引}ページの中小企業向けの施策について、地方の中小企業が利用しやすいよう、"
        "地域の商工団体を通じた周知を強化していただきたい。",
        "御意見については、今後の施策の参考として承ります。"),
    Row("10", "個人J", "2.1.",
        "フィッシングの被害の防止のため、SMSを送信する事業者に対する規制を検討すべきである。",
        "御意見については、参考として承ります。"),
    Row("13", "一般社団法人D", "2.2.",
        "(P{p:地域SECUNITY}、P{p:実践的サイバー防御演習})地域の連携体制の活動と、実践的な演習の実施とを連携させることで、"
        "地域における人材育成の効果を高めることができると考える。",
        "賛同の御意見として承ります。なお、P{p:地域SECUNITY}に記載のとおり、各地域の連携体制の活動を支援してまいります。"),
    Row("18", "株式会社F", "3.1.",
        "量子計算機の実用化を見据えた暗号技術の研究開発について、移行の時期の目安を示すべきである。",
        "御意見については、参考として承ります。"),
    Row("19", "個人K", "3.2.",
        "情報処理安全確保支援士の登録の更新に係る費用の負担が大きく、登録者の拡大の妨げとなっている。",
        "御意見については、関係府省庁と共有し、今後の施策の参考とさせていただきます。"),
    Row("20", "個人A", "おわりに",
        "施策の実施状況の評価の結果を公表していただきたい。",
        "御意見については、参考として承ります。なお、評価の結果は、別添の参考資料に掲げるとおり公表しております。"),
    Row("21", "株式会社L", "2.1.",
        "(P{p:送信ドメイン認証技術の導入を})送信ドメイン認証技術の導入状況の公表に当たっては、事業者名を含めて公表することを検討していただきたい。",
        "御意見については、参考として承ります。"),
    Row("22", "個人M", "2.2.",
        "地域の連携体制の活動に、学生が参加できる機会を設けてほしい。",
        "御意見については、今後の施策の参考として承ります。"),
    Row("23", "一般社団法人N", "3.1.",
        "観測網の観測結果を、中小企業にも分かりやすい形で提供すべきである。",
        "賛同の御意見として承ります。なお、P{p:観測網の規模の拡大}に記載のとおり、観測結果を民間事業者が活用しやすい形で提供することとしております。"),
    Row("24", "個人B", "全体",
        "本計画（案）の施策に、それぞれの達成目標と期限を示すべきである。",
        "御意見については、参考として承ります。"),
    Row("25", "株式会社I", "1.3.",
        "SBOMの導入に当たっては、中小のソフトウェア開発事業者への支援が必要である。",
        "御意見については、参考として承ります。"),
]

RECONCILE = Reconcile(
    width=37, lines=27, not_kept=["16"], changes=["u1", "u4"], rows=ROWS,
    title="「サイバーセキュリティ施策推進計画２０２Ｘ」（案）に対する意見募集の結果",
    header=[
        "■意見募集期間：令和５年12月１日(金)～同年12月22日(金)",
        "■意見提出件数：21件(法人・団体:11件、個人:10件)",
    ],
)

PLAN = Plan(
    "plan-b",
    "サイバーセキュリティ施策推進計画２０２Ｘ（案）",
    Layout(38, 26, front="none"),
    DECISIONS,
    CHANGES,
    FINALS,
    reconcile=RECONCILE,
    source=SOURCE,
    about="""Decisions on plan-b/draft.txt, written for akaji's test sets by its generator
(testdata/gen/plans/plan_b.py). The shape of comments and answers follows the public comment
tables of the government's cybersecurity plans; the plan and the comments are the project's
own writing. Decision 15 is unanchored on purpose: its quote occurs six times on its page.""",
)
