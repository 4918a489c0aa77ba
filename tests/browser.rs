//! The HTML outputs in a real browser (headless Chromium): what a reader sees.
//!
//! A harness script, added to a copy of the page, switches the view with the page's own radio
//! buttons and collects the text of every element the browser displays (computed style, not
//! markup), then writes its findings into the DOM, which `--dump-dom` prints. Without Chromium the
//! tests say so and skip, unless the environment variable CI is set: in CI they must run.

use crate::render::{build_with, rendered, sample, Piece};
use akaji::render::{Format, RenderOptions};
use akaji::Redline;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const HARNESS: &str = r##"<script>
(function () {
  function shown(node) {
    var out = '';
    node.childNodes.forEach(function (c) {
      if (c.nodeType === 3) out += c.data;
      else if (c.nodeType === 1 && getComputedStyle(c).display !== 'none') out += shown(c);
    });
    return out;
  }
  var res = { alerted: window.__alerted || null };
  var doc = document.getElementById('redline');
  if (doc) {
    ['draft', 'final', 'redline'].forEach(function (v) {
      document.getElementById('v-' + v).checked = true;
      res[v] = shown(doc);
    });
    res.del = doc.querySelectorAll('del').length;
    res.ins = doc.querySelectorAll('ins').length;
    res.del_struck = getComputedStyle(doc.querySelector('del') || doc).textDecorationLine;
  }
  res.u = document.querySelectorAll('table.taisho u').length;
  res.rows = document.querySelectorAll('table.taisho tbody tr').length;
  res.links = [];
  res.broken = [];
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute('href').slice(1));
    res.links.push(id);
    if (!document.getElementById(id)) res.broken.push(id);
  });
  res.decision_links = document.querySelectorAll('a[href^="#decision-"]').length;
  var pre = document.createElement('pre');
  pre.id = 'akaji-result';
  pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
})();
</script>"##;

fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().map(PathBuf::from).find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed, and CI is set: the browser tests must run"
        );
        eprintln!("SKIPPED: chromium is not installed (/usr/bin/chromium); install it to run the browser tests");
    }
    found
}

/// Load `page` (with the harness) in headless Chromium and return the harness's findings.
fn in_browser(chromium: &Path, page: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    let with_harness = page.replacen("</body>", &format!("{HARNESS}\n</body>"), 1);
    std::fs::write(&file, with_harness).unwrap();
    let profile = dir.path().join("profile");
    let mut child = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let dom = String::from_utf8(out.stdout).unwrap();
    let start = dom.find("<pre id=\"akaji-result\">").unwrap_or_else(|| panic!("no harness result in:\n{dom}"));
    let json = &dom[start + "<pre id=\"akaji-result\">".len()..];
    let json = &json[..json.find("</pre>").unwrap()];
    let json = json.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u{a0}").replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn count(r: &Redline, side: fn(&Redline, &akaji::Hunk) -> bool) -> u64 {
    r.hunks.iter().filter(|h| side(r, h)).count() as u64
}

fn check_html(chromium: &Path, r: &Redline) {
    let page = rendered(r, Format::Html, &RenderOptions::default()).unwrap();
    assert!(!page.contains("<script"), "the page itself has no script: it works without JavaScript");
    let v = in_browser(chromium, &page);
    assert_eq!(v["draft"].as_str(), Some(r.old.text()), "the draft view shows exactly the draft");
    assert_eq!(v["final"].as_str(), Some(r.new.text()), "the final view shows exactly the final");
    assert_eq!(v["del"], count(r, |_, h| !h.old.is_empty()));
    assert_eq!(v["ins"], count(r, |_, h| !h.new.is_empty()));
    assert_eq!(v["del_struck"], "line-through", "deletions are struck through");
    assert_eq!(v["broken"], serde_json::json!([]), "every link resolves");
    assert_eq!(v["decision_links"], count(r, |r, h| r.decision(h).is_some()));
    assert_eq!(v["alerted"], serde_json::Value::Null, "no script of the document ran");
}

#[test]
fn html_views_show_exactly_the_draft_and_the_final() {
    let Some(chromium) = chromium() else { return };
    check_html(&chromium, &sample());
}

#[test]
fn a_draft_with_markup_is_shown_as_text() {
    let Some(chromium) = chromium() else { return };
    let r = build_with(
        &[
            Piece::Eq("<script>window.__alerted = 1</script>\r\n<img src=x onerror=\"window.__alerted=2\">"),
            Piece::Chg("&amp;", "<b onclick=x>", Some(("<i>", 0))),
            Piece::Eq("</div><!--/redline-->\u{c}終"),
        ],
        vec![akaji::Decision { id: "<i>".into(), by: Some("<b>".into()), ..akaji::Decision::default() }],
    );
    check_html(&chromium, &r);
}

#[test]
fn the_table_underlines_changes_and_links_its_decisions() {
    let Some(chromium) = chromium() else { return };
    let r = sample();
    let page = rendered(&r, Format::Table, &RenderOptions::default()).unwrap();
    let v = in_browser(&chromium, &page);
    assert_eq!(v["rows"], page.matches("<tr id=\"p").count() as u64);
    // One row per changed paragraph: 本分科会を…, 大手…SaaSサービスの, the moved line's paragraph
    // on each side, and なお、… with its insertion and deletion.
    assert_eq!(v["rows"], 5, "the sample's changes touch five paragraphs");
    // Each change is underlined on each side where it has text (the moved line's paragraph of
    // the old side holds one underline; the new side of that row, none).
    assert_eq!(v["u"], count(&r, |_, h| !h.old.is_empty()) + count(&r, |_, h| !h.new.is_empty()));
    assert_eq!(v["broken"], serde_json::json!([]), "every link resolves");
    assert_eq!(v["decision_links"], 4, "備考 names the four decisions");
}

/// The 見え消し view reflows paragraphs (a printed line's wrap is not a line break there, so an
/// insertion cannot leave a character alone on a line) and hides page furniture; the 修正前 view
/// still shows the draft exactly.
#[test]
fn the_redline_view_reflows_paragraphs_and_hides_furniture() {
    let Some(chromium) = chromium() else { return };
    let draft = "計画（案）\n　本計画は、地域におけるサイバーセキュリティの確保に向けて、国及\nび地方公共団体が取り組む施策をまとめた。\n- 1 -\n計画（案）\n　続きの本文。\n- 2 -\n計画（案）\n　終わりの本文。\n- 3 -\n";
    let ledger = akaji::Ledger::from_toml(
        "[[decision]]\nid = \"7\"\n[[decision.edit]]\nafter = \"確保に向けて、\"\nnew = \"関係機関の協力を得て、\"\n",
    )
    .unwrap();
    let doc = akaji::Document::new(draft, &ledger.options.page_marker);
    let applied = akaji::apply(&doc, &ledger).unwrap();
    let page = rendered(&applied.redline(), Format::Html, &RenderOptions::default()).unwrap();
    let v = in_browser(&chromium, &page);
    let shown = v["redline"].as_str().unwrap();
    // The decision's tag 「7」 follows the insertion.
    assert!(shown.contains("確保に向けて、関係機関の協力を得て、7国及び地方公共団体が"), "one paragraph: {shown:?}");
    assert!(!shown.contains("計画（案）") && !shown.contains("- 1 -"), "furniture hidden: {shown:?}");
    assert_eq!(v["draft"].as_str(), Some(draft), "the draft view is the draft, line for line");
}
