"""Plan C: 地域通信インフラ防護強化プラン２０２Ｘ（案） (plan_c.txt).

Cover and contents are pages 1 and 2; running heads I / I-1; 37 characters a line, 28 body
lines a page. The PDF extraction wrote 行, 用, 生, 方, 民, 長 as radicals in about half of the
lines of the draft, and in other lines of each final (the content folds them back). Edits: the
insertion of 「（アラート）」 after 「早期警戒情報」 (a quote that wraps), a word the answer
fixes as 貴見のとおり, one word on two listed pages, a cross-reference quoted in half-width
forms (match_width), a deletion told apart by a prefix, a phrase whose made-differently final
also changes a char the edit keeps, a URL left todo, an insertion, an edit whose ledger entry
names the wrong page (unanchored; the answer has the right one), and a long quote across a line
break with a radical in it."""

from pathlib import Path

from model import Change, Decision, Edit, Final, Plan, Reconcile, Row
from textlayout import Layout

SOURCE = (Path(__file__).parent / "plan_c.txt").read_text()

DECISIONS = [
    Decision(
        "2", "個人C", "はじめに",
        "P{p1}に「最近の国際情報の緊迫化」とありますが、「情報」は「情勢」の誤植かと思われます。"
        "また、海外の動向について、具体的な事例を挙げてはいかがでしょうか。",
        "P{p1}の御指摘について、貴見のとおり修正いたします。他1点については、参考として承ります。",
        [Edit(old="国際情報", new="国際情勢", scope=("page",), alts={"kokusaiteki": "国際的な情報"})],
        answer="none",
    ),
    Decision(
        "4", "個人E", "はじめに、付録１",
        "「懇談会等行政運営上の会合の開催に関する指針」においては、懇談会等を「設置する」等の恒常的な組織であるとの"
        "誤解を招く表現を用いないものとされているところ、本案P{p1}等において、本検討会を「設置」した旨が記載されているのは不適当である。",
        "御指摘を踏まえ、{pp1}の「設置」を「開催」に修正いたします。",
        [Edit(old="設置", new="開催", scope=("pages",), pick=[0, 2], alts={"hossoku": "発足"})],
    ),
    Decision(
        "6", "個人A", "I-2",
        "P{p1}の{l1}行目に「P5図表1参照」とあるが、図表１はP{p:図表１　脆弱性情報}に掲載されている。",
        "御指摘を踏まえ、「（Ｐ５図表１参照）」を「（Ｐ４図表１参照）」に修正いたします。",
        [Edit(old="（P5図表1参照）", new="（Ｐ４図表１参照）", scope=("page", "line"), shapes=("match_width",))],
    ),
    Decision(
        "9", "一般社団法人ICT-ISAC", "I-2",
        "P{p1}「早期警戒情報」について、NICTが提供する情報の名称が一般に知られておらず、アンケートの回答にも影響したと"
        "考えられる。名称を併記すべきではないか。",
        "御指摘を踏まえ、P{p1}の「早期警戒情報」の後に「（アラート）」を追記いたします。",
        [Edit(after="早期警戒情報", new="（アラート）", scope=("page",),
              alts={"kei": "早期の警戒情報"})],
    ),
    Decision(
        "12", "個人F", "II-1-(2)-イ",
        "P{p1} II-1-(2)-イにおいて、「行う。」の直後に「なお、詳細は別途定める。」とあるが、手引の内容は"
        "手引そのものに定めるものであり、重複している。削除してはどうか。",
        "御指摘を踏まえ、P{p1} II-1-(2)-イの「なお、詳細は別途定める。」を削除いたします。",
        [Edit(old="なお、詳細は別途定める。", new="", at="聴いて行う。なお、詳細は別途定める。",
              prefix="聴いて行う。", scope=("page",), alts={"partial": "詳細は別途定める。"})],
    ),
    Decision(
        "13", "株式会社G", "I-2",
        "「大手事業者から提供される脅威情報」とあるが、脅威情報は大手事業者に限らず、NICTや機器メーカーからも"
        "提供されていることから、「大手事業者等から提供される脅威情報」とすべきである。",
        "御指摘を踏まえ、「大手事業者から提供される脅威情報」を「大手事業者等から提供される脅威情報」に修正いたします。",
        [Edit(old="大手事業者から提供される脅威情報", new="大手事業者等から提供される脅威情報", scope=("page",),
              alts={"other": "大手事業者等から提供された脅威情報", "only_other": "大手事業者から提供された脅威情報"})],
    ),
    Decision(
        "15", "個人C", "付録２",
        "付録２の1つめのURLの記載が適切でなく、クリックしても適切なファイルが開かない。 (表示)～921004.pdf (リンク)～921040.pdf",
        "御意見を踏まえ、URLを修正いたします。",
        [Edit(old="000921004.pdf", new="000921040.pdf", scope=("page",),
              todo="URLを修正（正しいURLは未確認）", shapes=("url",))],
        answer="none",
    ),
    Decision(
        "17", "一般社団法人H", "I-3",
        "P{p1}において、サイバー攻撃を想定した訓練を実施している事業者が少ないとの現状が示されているが、"
        "その対応の方向性が示されていない。",
        "御指摘を踏まえ、P{p1}に追記をいたします。",
        [Edit(after="訓練を実施している事業者は少ない。",
              new="このため、サイバー攻撃による設備の停止を想定した訓練の実施を、関係団体を通じて働きかける必要がある。",
              scope=("page",), alts={"other": "訓練を実施している事業者は少ない。このため、訓練の実施を促す必要がある。"})],
        answer="none",
    ),
    Decision(
        "19", "株式会社I", "II-2",
        "地域の事業者を対象とした演習は、年１回では参加の機会が限られる。少なくとも年２回実施すべきである。",
        "御指摘を踏まえ、P{p1}の「演習を毎年度実施し」を「演習を年２回実施し」に修正いたします。",
        [Edit(old="演習を毎年度実施し", new="演習を年２回実施し", scope=("page",),
              unanchored=("page", 1), shapes=("wrong_page",))],
    ),
    Decision(
        "21", "株式会社G", "I-3",
        "(P {p1})機器の調達において製造事業者の脆弱性への対応方針を確認することは、重要であるにとどまらず、"
        "不可欠であると考える。",
        "御指摘を踏まえ、「製造事業者による脆弱性への対応方針やサポート期間を確認することが重要である」を"
        "「製造事業者による脆弱性への対応方針やサポート期間を確認することが不可欠である」に修正いたします。",
        [Edit(old="製造事業者による脆弱性への対応方針やサポート期間を確認することが重要である",
              new="製造事業者による脆弱性への対応方針やサポート期間を確認することが不可欠である",
              scope=("page",), alts={"hitsuyou": "製造事業者による脆弱性への対応方針やサポート期間を確認することが必要である"})],
    ),
]

CHANGES = {
    "u1": Change("約5,226億パケット", "5,226", "5,227"),
    "u2": Change("との回答は約３割であり", "約３割", "約４割"),
    "u3": Change("検討を進めることが期待される", "期待される", "適当である"),
    "u4": Change("オンラインで受講できる研修の内容", "研修の内容", "研修や演習の内容"),
    "c1": Change("NICTが収集した脅威情報を", "収集", "集約", near="9.1"),
}

FINALS = [
    Final("01", 40, 27, radical_seed="C01", note="every promise made, the URL todo too (unexplained, todo 15.1)"),
    Final("02", 36, 29, default="m", radical_seed="C02", note="nothing made"),
    Final("03", 38, 28, out={"9.1": "kei", "13.1": "other"}, changes=["u1"], radical_seed="C03",
          note="「早期の警戒情報として」 for the promised 「早期警戒情報（アラート）として」; 13's change made but another char of its quote changed too"),
    Final("04", 35, 30, out={"12.1": "partial", "2.1": "m", "19.1": "a"}, changes=["u2"], radical_seed="C04",
          note="the deletion half made; the unanchored edit's change made (unexplained, maybe 19.1)"),
    Final("05", 37, 26, out={"4.1": ["a", "hossoku"], "6.1": "m"}, changes=["c1", "u3"], radical_seed="C05",
          note="「設置」 became 「開催」 on one page and 「発足」 on the other; a change beside 9.1's quote breaks its lock context"),
    Final("06", 39, 28, out={"13.1": "only_other", "15.1": "m", "17.1": "m"}, radical_seed="C06",
          note="13's own change not made but another char of its quote changed: different, not missing"),
    Final("07", 36, 27, out={"21.1": "hitsuyou", "2.1": "kokusaiteki", "19.1": "m"}, changes=["u4"], radical_seed="C07"),
    Final("08", 40, 29, out={"4.1": "m", "9.1": "m", "12.1": "m"}, changes=["u1", "u3"], radical_seed="C08"),
    Final("09", 35, 27, out={"17.1": "other", "15.1": "a"}, radical_seed="C09"),
    Final("10", 38, 30, changes=["u2", "u4"], radical_seed="C10", note="every promise made, two changes no decision records"),
]

ROWS = [
    Row("1", "一般社団法人ICT-ISAC", "全体",
        "地域の通信事業者の対策の底上げに向けた本プラン（案）の方向性に賛同する。当協会としても、地域の事業者の"
        "参加を促進してまいりたい。",
        "賛同の御意見として承ります。"),
    Row("3", "個人J", "I-1",
        "P{p:5,226億パケット}の{l:5,226億パケット}行目の観測結果について、前年との比較を示すべきである。",
        "御意見については、参考として承ります。なお、観測結果の詳細は、NICTが公表する報告書に掲載されております。"),
    Row("5", "株式会社K", "I-2",
        "{p:セキュリティを専任で担当する}ページのアンケート結果について、回答した事業者の規模別の集計を示していただきたい。",
        "御意見については、参考として承ります。"),
    Row("7", "個人D", "I-3",
        "(P{p:仮想化やクラウド化}-{p:会費や参加要件})通信ネットワークの仮想化に伴うリスクと、その情報共有の在り方について、より具体的に記載すべき"
        "ではないか。",
        "御意見については、今後の検討の参考として承ります。"),
    Row("8", "株式会社G", "II-1-(1)",
        "情報共有の枠組みへの参加に係る会費の見直しについて、国による支援も検討していただきたい。",
        "御意見については、参考として承ります。"),
    Row("10", "個人J", "II-1-(2)-ア",
        "脆弱な機器の利用者への注意喚起について、通信事業者の負担が大きいことから、その費用の在り方を検討すべきである。",
        "御意見については、参考として承ります。なお、P{p:脆弱な機器を調査し}に記載のとおり、手続の簡素化を図ることとしております。"),
    Row("11", "株式会社I", "II-2",
        "相談窓口の設置を歓迎する。窓口の連絡先を早期に周知していただきたい。",
        "賛同の御意見として承ります。"),
    Row("14", "個人A", "II-3",
        "{p:オンラインで受講できる}ページの研修について、受講の費用を無料とすべきである。",
        "御意見については、参考として承ります。"),
    Row("16", "一般社団法人H", "おわりに",
        "施策の進捗の確認の結果を、地域の事業者にも分かりやすく公表していただきたい。",
        "御意見については、参考として承ります。"),
    Row("18", "個人L", "II-1-(2)-イ",
        "{p:機器を調達する際に確認すべき事項}ページの手引について、機器メーカーの意見も聴いて作成すべきである。",
        "御意見については、今後の検討の参考として承ります。"),
    Row("20", "株式会社K", "I-1",
        "海外の通信事業者の事案について、出典を示していただきたい。",
        "御意見については、参考として承ります。"),
    Row("22", "一般社団法人ICT-ISAC", "II-1-(1)",
        "情報共有の枠組みへの地域の事業者の参加の促進に当たっては、当協会としても協力してまいりたい。",
        "賛同の御意見として承ります。"),
    Row("23", "個人D", "II-2",
        "(P {p:各地方総合通信局に相談窓口})相談窓口の対応時間を明示すべきである。",
        "御意見については、参考として承ります。"),
    Row("24", "個人J", "付録１",
        "審議の資料を公開していただきたい。",
        "御意見については、参考として承ります。なお、審議の資料は、総務省のウェブサイトに掲載しております。"),
]

RECONCILE = Reconcile(
    width=39, lines=27, not_kept=["17"], changes=["u1", "u3"], rows=ROWS, radical_seed="Crec",
    title="「地域通信インフラ防護強化プラン２０２Ｘ」（案）に対して提出された意見及びその意見に対する考え方",
    header=[
        "■意見募集期間：令和６年２月２日(金)～同年３月１日(金)",
        "■意見提出件数：18件(法人・団体:9件、個人:9件)",
    ],
)

PLAN = Plan(
    "plan-c",
    "地域通信インフラ防護強化プラン２０２Ｘ（案）",
    Layout(37, 28, front="numbered", radical_seed="draft"),
    DECISIONS,
    CHANGES,
    FINALS,
    reconcile=RECONCILE,
    source=SOURCE,
    match_width=True,
    about="""Decisions on plan-c/draft.txt, written for akaji's test sets by its generator
(testdata/gen/plans/plan_c.py). The shape of comments and answers follows the public comment
table on 「ICTサイバーセキュリティ総合対策2023」(案) (Nos. 1, 2, 28, 32, 33); the plan and the
comments are the project's own writing. Decision 6 quotes the draft's full-width 「（Ｐ５図表１
参照）」 in half-width forms (match_width). Decision 19 is unanchored on purpose: its page is
the one after the page its quote is on (the answer has the right page).""",
)
