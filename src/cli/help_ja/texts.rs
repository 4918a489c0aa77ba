//! The Japanese of `--help`, in the words of the messages (src/messages/ja.rs): 案 (draft),
//! 修正後の文書 (final), 台帳 (ledger), 意見 (decision), 修正 (edit), 考え方 (response),
//! 未記入 (todo), ロック (lock), 柱 (running head), 見え消し, 新旧対照表. Argument names, file
//! names, formats and values (`--format html`, `old`, `new`) stay as they are typed.

/// One command's Japanese: its name (`""` for `akaji` itself), about, text after the options
/// (examples, exit statuses) and each argument's help by argument id.
pub(super) struct CommandTexts {
    pub name: &'static str,
    pub about: &'static str,
    pub after: Option<&'static str>,
    pub args: &'static [(&'static str, &'static str)],
}

/// The help of `-h/--help`: the summary (`-h`) and the long help (`--help`).
pub(super) const HELP_SHORT: &str = "ヘルプを表示します（詳しくは '--help'）";
pub(super) const HELP_LONG: &str = "ヘルプを表示します（要約は '-h'）";
/// The help of `-V/--version`.
pub(super) const VERSION: &str = "バージョンを表示します";
/// The about of the `help` command clap adds.
pub(super) const HELP_COMMAND: &str = "このヘルプ、または指定したコマンドのヘルプを表示します";

/// The arguments every command has (`--lang` is global).
pub(super) const GLOBAL: &[(&str, &str)] = &[(
    "lang",
    "メッセージと報告の言語: en または ja（既定: 台帳の options.lang、なければロケール。LC_ALL、\
     LC_MESSAGES、LANG が `ja` で始まれば日本語）",
)];

/// The help of the values that have one: (argument id, value, help).
pub(super) const VALUES: &[(&str, &str, &str)] = &[
    ("lang", "en", "英語"),
    ("lang", "ja", "日本語"),
    ("count_lines", "body", "本文の行: 柱の下の最初の行を1行目とします（既定）"),
    ("count_lines", "printed", "ページ番号を除き、印刷されたすべての行: 柱とフッターも数えます"),
    ("color", "auto", "端末に出すとき（NO_COLOR が設定されていなければ）"),
    ("color", "always", "常に付けます"),
    ("color", "never", "付けません"),
    ("kind", "plan", "修正後 / 修正前"),
    ("kind", "law", "改正後 / 改正前（法令、条例、規則）"),
    ("kind", "plain", "新 / 旧"),
];

const LEDGER: &str = "台帳（TOML。名前が .json で終わるときは JSON）";
const COUNT_LINES: &str = "ページの行の数え方。`line = N` と報告するすべての箇所で使います: `body`\
     （柱の下から数えます。既定、または台帳の options.count_lines）または `printed`";
const OUTPUT_LEDGER: &str = "台帳を標準出力の代わりにここに書きます（全部書くか、何も書かないか）。名前が .json で\
     終われば JSON、ほかは TOML";
const KEEP_LAYOUT: &str = "レイアウト（改行、空白、ページ番号の行、柱）も内容として数えます";

/// The options of the commands that draw a redline (`redline`, `diff`).
const RENDER: [(&str, &str); 4] = [
    ("format", "ansi、html、table（新旧対照表）、critic、json、unified または docx。既定: -o の拡張子から、なければ ansi"),
    ("output", "標準出力の代わりにここに書きます（全部書くか、何も書かないか）"),
    ("context", "変更の前後に示す、変更のない行の数（ansi、unified）、または `all`"),
    ("kind", "文書の種類。新旧対照表の列の名前を決めます: plan（修正後/修正前。既定、または台帳の options.kind）、law（改正後/改正前）または plain（新/旧）"),
];
const COLOR: (&str, &str) =
    ("color", "ansi 形式の色付け: auto（端末に出すとき。NO_COLOR が設定されていれば付けません）、always、never");

/// Every command, `akaji` itself first.
pub(super) const COMMANDS: &[CommandTexts] = &[
    CommandTexts {
        name: "",
        about: "案への修正の判断（意見と考え方）を一つ一つの修正に整理して案に反映し、見え消しを作成し、\
                公表された文書を確かめます。",
        after: None,
        args: &[],
    },
    CommandTexts {
        name: "apply",
        about: "台帳の意見による修正を案に反映し、修正後の文を書き出します",
        after: Some(
            "例:\n  akaji apply draft.txt ledger.toml -o final.txt\n  \
             akaji apply draft.docx ledger.toml -o final.docx   # Word の修正後の文書（変更履歴なし）\n  \
             akaji apply draft.txt ledger.toml --format json   # 各修正を反映した箇所",
        ),
        args: &[
            ("draft", "案（UTF-8 のテキスト、.docx または .pdf）"),
            ("ledger", LEDGER),
            (
                "output",
                "標準出力の代わりにここに書きます（全部書くか、何も書かないか）。名前が .docx で終われば\
                 修正後の文を Word 文書で、.json で終われば反映した修正の箇所を書きます",
            ),
            (
                "format",
                "`text`: 修正後の文（既定）、`json`: 反映した修正の箇所（意見、ページ、行、文字位置）、\
                 `docx`: 修正後の文を Word 文書で",
            ),
            (
                "lock",
                "台帳の隣に LEDGER.lock も書きます: 修正ごとの箇所とその前後の案の文で、案なしで `akaji verify` \
                 するためのものです（案に当てはまらない修正があっても書きます）",
            ),
            ("partial", "未記入（todo）の修正が残っていても、記入済みの修正を反映します（終了ステータス 1。未記入の修正を挙げます）"),
            ("count_lines", COUNT_LINES),
        ],
    },
    CommandTexts {
        name: "redline",
        about: "台帳の修正の見え消しを案に描きます。変更のそれぞれに、その意見を示します",
        after: Some(
            "例:\n  akaji redline draft.txt ledger.toml                      # 端末に色付きで\n  \
             akaji redline draft.txt ledger.toml -o redline.html\n  \
             akaji redline draft.txt ledger.toml --format table -o 新旧対照表.html\n  \
             akaji redline draft.txt ledger.toml --format docx -o 変更履歴版.docx\n  \
             akaji redline draft.txt ledger.toml --partial -o redline.html     # 未記入の修正を除く（終了ステータス 1）",
        ),
        args: &[
            ("draft", "台帳の意見が対象とした案"),
            ("ledger", LEDGER),
            RENDER[0],
            RENDER[1],
            RENDER[2],
            COLOR,
            RENDER[3],
            ("partial", "未記入（todo）の修正が残っていても、記入済みの修正を描きます（終了ステータス 1。未記入の修正を挙げます）"),
            ("count_lines", COUNT_LINES),
        ],
    },
    CommandTexts {
        name: "diff",
        about: "二つの文の違いを、日本語の読み手が見る単位で示します",
        after: Some(
            "終了ステータス: 0 二つの文が同じ（ページのある文書は内容で比べて）、1 違いがある、2 入力の誤り。\n\n\
             例:\n  akaji diff old.txt new.txt\n  akaji diff old.txt new.txt --format critic\n  \
             akaji diff old.txt new.txt --format json -o changes.json\n  \
             akaji diff old.txt new.txt --granularity char\n  \
             akaji diff 案.pdf 最終.pdf                 # 内容で比べる: 組み直した行や移った柱はレイアウト\n  \
             akaji diff 案.pdf 最終.pdf --keep-layout   # 文字どおりの文を比べる",
        ),
        args: &[
            ("old", "旧の文"),
            ("new", "新の文"),
            RENDER[0],
            RENDER[1],
            RENDER[2],
            COLOR,
            RENDER[3],
            (
                "granularity",
                "変更の単位: word（同じ文字種の連なり、URL、ファイル名）、char、または line\
                 （印刷された行。文字どおりの文を比べます）",
            ),
            (
                "timeout",
                "この秒数を過ぎたら細かく分けるのをやめます。結果は正しいまま粗くなるだけで、警告でそう伝えます。\
                 0: 制限なし",
            ),
            (
                "keep_layout",
                "文字どおりの文を比べます: 改行、空白、ページの柱・ページ番号、部首の文字も変更として数えます。\
                 既定では、ページのある文書は内容で比べます（レイアウトは別に示すか、示しません）。`unified` は \
                 `patch` が適用できるよう常に文字どおりです",
            ),
            ("count_lines", COUNT_LINES),
        ],
    },
    CommandTexts {
        name: "verify",
        about: "公表された修正後の文書を、台帳が約束した修正に照らして確かめます",
        after: Some(
            "終了ステータス: 0 約束したすべての修正が反映されている（--strict では、どの意見でも説明できない\
             変更もない）、1 問題がある、2 入力の誤り。\n\n例:\n  \
             akaji verify ledger.toml --draft draft.txt --final final.txt\n  \
             akaji verify ledger.toml --final published.txt --without-draft   # ledger.toml.lock があればそれで\n  \
             akaji verify ledger.toml --final final.txt --format html -o report.html\n  \
             akaji verify ledger.toml --draft draft.txt --final final.txt --exact",
        ),
        args: &[
            ("ledger", LEDGER),
            ("final_path", "確かめる、公表された修正後の文書（必須）"),
            ("stray", "--final を付けずに指定した二つ目のファイル: そう伝えるために受け取ります"),
            ("draft", "意見の対象とした案（既定: 台帳の `draft` が指す案）"),
            (
                "without_draft",
                "台帳が案を指していても、案なしで確かめます: ロック（LEDGER.lock。`akaji apply --lock` が書きます）\
                 があればそれで、なければ各修正の old と new の文で",
            ),
            ("lock", "案なしで確かめるときのロック（既定: LEDGER.lock があればそれ）"),
            ("format", "報告の形式: text（既定）、json、html。既定は -o の名前から（.html、.json）"),
            (
                "exact",
                "修正後の文書が、案に台帳を反映したものとバイト単位で一致することを求めます。違えばその違いの\
                 見え消しを示します",
            ),
            ("strict", "どの意見でも説明できない変更が見つかったときも失敗とします（終了ステータス 1）"),
            ("keep_layout", KEEP_LAYOUT),
            ("color", "--exact の見え消しの色付け"),
            ("output", "報告を標準出力の代わりにここに書きます（全部書くか、何も書かないか）"),
            ("count_lines", COUNT_LINES),
        ],
    },
    CommandTexts {
        name: "import",
        about: "公表された意見と考え方の表（TSV、CSV、.xlsx または .pdf）から台帳の下書きを作ります",
        after: Some(
            "例:\n  akaji import comments.xlsx -o ledger.toml\n  \
             akaji import comments.tsv --only-edits -o ledger.json\n  \
             akaji import comments.csv --columns id=番号,response=回答,changed=修正の有無\n  \
             akaji import 意見及び考え方.pdf --only-edits -o ledger.toml\n\n\
             「御指摘を踏まえ、P4、P11の「取り組み」を「取組」に修正いたします。」のような考え方は次のようになります。\n  \
             old = \"取り組み\", new = \"取組\", pages = [4, 11], count = \"all\", per_page = true\n\
             文を示さない考え方は `todo`（未記入）の修正になります。標準エラー出力の報告がそれを挙げ、import が\n\
             読まない表の列も挙げます。",
        ),
        args: &[
            (
                "table",
                "表: TSV（PDF から取り出した文。列の間はタブ）、CSV（.csv）、ブック（.xlsx。見出し行のある\
                 すべてのシート）、または公表された PDF そのもの（.pdf。表の罫線や列の間の余白からセルを読みます）",
            ),
            ("output", OUTPUT_LEDGER),
            ("only_edits", "考え方が修正を約束している意見だけを残します"),
            (
                "columns",
                "表の見出しが違うときに列を指定します: ROLE=HEADER をカンマ区切りで。ROLE は id、by、at、\
                 request、response、changed（修正の有無）（例: --columns id=番号,response=回答）",
            ),
        ],
    },
    CommandTexts {
        name: "reconcile",
        about: "案と修正後の文書の間の変更から、台帳（または意見と考え方の表からの台帳）を完成させます",
        after: Some(
            "例:\n  akaji reconcile comments.tsv --draft 案.txt --final 最終.txt -o ledger.toml\n  \
             akaji reconcile 意見及び考え方.pdf --draft 案.pdf --final 最終.pdf -o ledger.toml\n  \
             akaji redline 案.txt ledger.toml --format docx -o 変更履歴版.docx --partial\n  \
             akaji verify ledger.toml --draft 案.txt --final 最終.txt\n  \
             akaji reconcile ledger.toml --draft 案.txt --final 最終.txt -o completed.toml   # 未記入の修正のある台帳\n  \
             akaji reconcile comments.xlsx --draft 案.txt --final 最終.txt --format json -o ledger.toml 2> report.json\n\n\
             未記入（todo）の修正は、その考え方が指す変更から、根拠（[decision.edit.evidence]）を添えて完成させます。\n\
             約束した文が見つからなければ、理由を添えて未記入のままにします。どの考え方でも説明できない変更は\n\
             意見 `unexplained-N`（unexplained = true）になります。報告は標準エラー出力に出ます。\n\n\
             終了ステータス: 0 すべての変更が考え方に結び付き、約束した文がすべて見つかった、1 見つからない、\n\
             あいまい、または説明できないものがある、2 入力の誤り。",
        ),
        args: &[
            (
                "input",
                "意見と考え方の表（TSV、CSV、.xlsx または .pdf。`akaji import` と同じように読みます）または台帳\
                 （.toml、.json）",
            ),
            ("draft", "考え方が対象とした案（テキスト、.docx または .pdf）"),
            ("final_path", "公表された修正後の文書（テキスト、.docx または .pdf）"),
            ("output", OUTPUT_LEDGER),
            ("format", "標準エラー出力に出す報告の形式: text または json"),
            ("columns", "表のとき: 見出しが違えば列を指定します（`akaji import --columns` と同じ）"),
            ("count_lines", COUNT_LINES),
        ],
    },
];
