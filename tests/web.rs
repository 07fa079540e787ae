//! The widget in a real browser (wasm-bindgen-test in headless Chromium): mount it on a fixture
//! article, click a claim like a reader, and check the popover, Escape, and `destroy()`.
#![cfg(target_arch = "wasm32")]

use claimlens::wasm::{annotate, annotate_sliced};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Written for this test: a claim that crosses a link and emphasis, a direct quote with `aldus`,
/// and blocks the widget must skip.
const FIXTURE: &str = r#"<h1>Brand in loods</h1>
<p>Volgens de <a href="https://example.org/brandweer">brandweer</a> raakten <em>zeker 12 mensen</em> gewond.</p>
<p>,,We waren binnen tien minuten ter plaatse”, aldus een woordvoerder van de politie.</p>
<pre>volgens de log: 353 regels</pre>
<script type="text/plain">aldus 99</script>
<div contenteditable="true">Volgens mij 77 fouten.</div>"#;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh page: whatever an earlier (failed) test left behind is removed first.
fn fixture() -> Element {
    let doc = document();
    let leftovers = doc.query_selector_all("article, claimlens-ui").unwrap();
    for i in 0..leftovers.length() {
        leftovers
            .item(i)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .remove();
    }
    let article = doc.create_element("article").unwrap();
    article.set_inner_html(FIXTURE);
    doc.body().unwrap().append_child(&article).unwrap();
    article
}

fn marks(root: &Element) -> Vec<HtmlElement> {
    let list = root.query_selector_all("claimlens-mark").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn dialog() -> Option<Element> {
    let host = document().query_selector("claimlens-ui").unwrap()?;
    host.shadow_root()?.query_selector("[role=dialog]").unwrap()
}

fn text_of(dialog: &Element, selector: &str) -> String {
    dialog
        .query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn click_opens_popover_escape_closes_destroy_restores() {
    let article = fixture();
    let before = article.inner_html();
    let mut handle = annotate(article.clone(), JsValue::UNDEFINED).unwrap();
    yew::scheduler::flush().await;

    let all = marks(&article);
    assert!(!all.is_empty(), "no highlights in {}", article.inner_html());
    for mark in &all {
        let skipped = mark.closest("pre, script, [contenteditable]").unwrap();
        assert!(
            skipped.is_none(),
            "highlight inside a skipped block: {}",
            mark.outer_html()
        );
    }
    // The `volgens` statement crosses <a> and <em>: its marks sit inside both.
    assert!(
        article
            .query_selector("a claimlens-mark, claimlens-mark a")
            .unwrap()
            .is_some()
    );

    let statement = all
        .iter()
        .find(|m| {
            m.get_attribute("data-kind").as_deref() == Some("statement") && m.tab_index() == 0
        })
        .expect("a focusable statement highlight")
        .clone();
    // A screen reader hears that a highlight is a claim, and of which kind (the page is Dutch).
    for head in all.iter().filter(|m| m.tab_index() == 0) {
        assert_eq!(head.get_attribute("role").as_deref(), Some("link"));
        assert_eq!(
            head.get_attribute("aria-haspopup").as_deref(),
            Some("dialog")
        );
        let label = head
            .get_attribute("aria-roledescription")
            .unwrap_or_default();
        let expected = match head.get_attribute("data-kind").as_deref() {
            Some("statement") => "claim: bewering",
            Some("quantity") => "claim: getal",
            _ => "claim: getal zonder bron",
        };
        assert_eq!(label, expected, "{}", head.outer_html());
    }
    statement.click();
    yew::scheduler::flush().await;

    let popover = dialog().unwrap_or_else(|| {
        let ui = document().query_selector("claimlens-ui").unwrap();
        let shadow = ui
            .as_ref()
            .and_then(|u| u.shadow_root())
            .map(|s| s.inner_html());
        panic!(
            "the popover opens on click; ui: {:?} shadow: {shadow:?} article: {}",
            ui.map(|u| u.outer_html()),
            article.inner_html()
        )
    });
    assert!(
        text_of(&popover, ".claimlens-source").contains("brandweer"),
        "{}",
        popover.inner_html()
    );
    let confidence = text_of(&popover, ".claimlens-confidence");
    let percent: u32 = confidence.trim_end_matches('%').parse().expect(&confidence);
    assert!(percent <= 100);
    let level = text_of(&popover, ".claimlens-level");
    assert!(
        ["hoog", "middel", "laag"].iter().any(|w| level.contains(w)),
        "confidence in words: {level:?}"
    );
    assert_eq!(
        popover.get_attribute("aria-modal").as_deref(),
        Some("false"),
        "a non-modal dialog"
    );
    // The reasons are in the page's language: none is left as the wire's English code.
    let reasons = popover.query_selector_all(".claimlens-reasons li").unwrap();
    assert!(reasons.length() > 0, "{}", popover.inner_html());
    for i in 0..reasons.length() {
        let said = reasons
            .item(i)
            .and_then(|r| r.text_content())
            .unwrap_or_default();
        assert!(
            !said.is_empty()
                && claimlens::engine::Reason::ALL
                    .iter()
                    .all(|r| r.code() != said),
            "a reason not in Dutch: {said:?}"
        );
    }

    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().dispatch_event(&escape).unwrap();
    yew::scheduler::flush().await;
    assert!(dialog().is_none(), "Escape closes the popover");
    let focused = document()
        .active_element()
        .expect("focus returns to the highlight");
    let statement: &Element = &statement;
    assert_eq!(&focused, statement);

    handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(
        article.inner_html(),
        before,
        "destroy() restores the article exactly"
    );
    assert!(document().query_selector("claimlens-ui").unwrap().is_none());
    article.remove();
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_highlight_opens_it_and_annotating_twice_is_a_no_op() {
    let article = fixture();
    let mut handle = annotate(article.clone(), JsValue::UNDEFINED).unwrap();
    // The UI mounts in a microtask, as Yew renders; a reader's key press always comes later.
    yew::scheduler::flush().await;
    let count = marks(&article).len();
    let mut again = annotate(article.clone(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        marks(&article).len(),
        count,
        "a second annotate() adds nothing"
    );
    again.destroy();
    assert_eq!(
        marks(&article).len(),
        count,
        "destroying the no-op handle leaves the first alone"
    );

    let first = marks(&article)
        .into_iter()
        .find(|m| m.tab_index() == 0)
        .expect("a tab stop");
    first.focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    first.dispatch_event(&enter).unwrap();
    yew::scheduler::flush().await;
    assert!(dialog().is_some(), "Enter opens the popover");

    handle.destroy();
    article.remove();
}

#[wasm_bindgen_test]
fn bad_options_are_warned_about_and_the_rest_still_works() {
    let article = fixture();
    let options = js_sys::JSON::parse(r#"{"colour": "red", "lang": 5}"#).unwrap();
    let mut handle = annotate(article.clone(), options).expect("bad options fall back to defaults");
    assert!(!marks(&article).is_empty());
    // The handle's claims (what `Handle.claims` gives the page, converted when asked): every
    // claim of the analysis, highlighted or not (ordinals and kinds left out by the options are
    // claims too). A mark's `data-claim` is its claim's index there, and the marks of a claim
    // hold exactly its text (nested claims' marks inside them; the text map reads `\n\r\t`
    // as spaces).
    let claims: js_sys::Array = handle.claims().unwrap().dyn_into().unwrap();
    let mut marked: std::collections::BTreeMap<usize, String> = Default::default();
    for m in marks(&article) {
        let k: usize = m.get_attribute("data-claim").unwrap().parse().unwrap();
        let text = m.text_content().unwrap_or_default();
        marked
            .entry(k)
            .or_default()
            .push_str(&text.replace(['\n', '\r', '\t'], " "));
    }
    assert!(!marked.is_empty());
    for (k, text) in marked {
        assert!(
            k < claims.length() as usize,
            "mark of claim {k} of {}",
            claims.length()
        );
        let claim = js_sys::Reflect::get(&claims.get(k as u32), &"text".into()).unwrap();
        assert_eq!(claim.as_string().unwrap(), text, "claim {k}");
    }
    handle.destroy();
    article.remove();
}

/// Numbers too long or too large for `embed::json::parse_number`'s exact path are read by JS's
/// `parseFloat` in the widget: the same nearest `f64` as `str::parse` (natively tested).
#[wasm_bindgen_test]
fn long_numbers_are_read_as_str_parse_reads_them() {
    use claimlens::embed::json::parse_number;
    for text in [
        "0.30000000000000004",
        "9007199254740993",
        "123456789012345678901234567890",
        "-1e-400",
        "1e400",
        "1.7976931348623157e308",
        "4.9e-324",
        "0.1234567890123456789012",
        "1e23",
    ] {
        let ours = parse_number(text).map(f64::to_bits);
        assert_eq!(ours, text.parse::<f64>().ok().map(f64::to_bits), "{text}");
    }
}

/// `extract` gives each claim its text at its UTF-16 offsets in the JS string, also around
/// astral characters, and its properties in the wire's order.
#[wasm_bindgen_test]
fn extract_offsets_are_utf16_units_of_the_text() {
    let text = "Volgens het KNMI 😀 bereikten de windstoten „132 kilometer per uur”. \
        ,,We hebben 200 monteurs — geëlimineerd — op pad gestuurd”, aldus een woordvoerder 🚆.";
    let js = js_sys::JsString::from(text);
    let out = claimlens::wasm::extract(js.clone(), Some("nl".into())).unwrap();
    let claims: js_sys::Array = js_sys::Reflect::get(&out, &"claims".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(claims.length() >= 2);
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    for c in claims.iter() {
        let (start, end) = (
            get(&c, "start").as_f64().unwrap(),
            get(&c, "end").as_f64().unwrap(),
        );
        assert_eq!(
            get(&c, "text").as_string().unwrap(),
            String::from(js.slice(start as u32, end as u32))
        );
        let keys: Vec<String> = js_sys::Object::keys::<JsValue>(c.unchecked_ref())
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        let detail: &[&str] = match get(&c, "kind").as_string().as_deref() {
            Some("quantity") => &["value", "low", "high", "approximate", "unit", "ordinal"],
            _ => &["content", "direct"],
        };
        let mut wire = vec!["kind", "text", "start", "end"];
        wire.extend(detail);
        wire.extend(["source", "cue", "hedged", "confidence", "reasons"]);
        assert_eq!(keys, wire);
    }
}

/// Resolves after `ms` milliseconds (a task later, at least).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_refresh_between_two_slices_still_leaves_the_article_watched() {
    let article = fixture();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"debounce".into(), &JsValue::from(0)).unwrap();
    let mut handle = annotate_sliced(article.clone(), options.into()).unwrap();
    assert!(
        !handle.step(0.0).unwrap(),
        "one slice does not finish the article"
    );
    // The page asks for a refresh between two slices: the annotation is done in one go.
    handle.refresh().unwrap();
    assert!(handle.step(5.0).unwrap());
    yew::scheduler::flush().await;
    let before = marks(&article).len();
    assert!(before > 0);
    // A paragraph with a claim arrives: the change watcher must annotate it.
    let p = document().create_element("p").unwrap();
    p.set_text_content(Some("Volgens de NS zaten 500 reizigers vast."));
    article.append_child(&p).unwrap();
    sleep(100).await;
    yew::scheduler::flush().await;
    assert!(
        marks(&article).len() > before,
        "the new paragraph is annotated ({} marks before)",
        before
    );
    handle.destroy();
}

// ---- Finding the article with no `data-root` (host::article) and skipping furniture ----------
// Pages written for these tests, in the shapes real news pages have.

/// A story paragraph: long enough to be prose (about 130 characters, two commas).
fn story(n: usize) -> String {
    format!(
        "<p>In wijk {n} zaten volgens de gemeente, die dinsdag een rapport publiceerde, ruim 300 \
         gezinnen zonder stroom, en dat duurde uren.</p>"
    )
}

/// Replaces the page's test content with `html` in a container of its own; returns the container.
fn page(html: &str) -> Element {
    let doc = document();
    let leftovers = doc
        .query_selector_all("#claimlens-fixture, article, claimlens-ui")
        .unwrap();
    for i in 0..leftovers.length() {
        leftovers
            .item(i)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .remove();
    }
    let container = doc.create_element("div").unwrap();
    container.set_id("claimlens-fixture");
    container.set_inner_html(html);
    doc.body().unwrap().append_child(&container).unwrap();
    container
}

fn by_id(id: &str) -> Element {
    document().get_element_by_id(id).unwrap()
}

#[wasm_bindgen_test]
fn a_teaser_card_first_does_not_win_the_story_does() {
    let teasers: String = (0..4)
        .map(|i| {
            format!(
                "<article class=\"card\"><h2><a href=\"/t{i}\">Kop van ander nieuws {i}</a></h2>\
                 <p>Een korte samenvatting van een ander verhaal, {i} regels.</p></article>"
            )
        })
        .collect();
    let body: String = (0..6).map(story).collect();
    let comments: String = (0..8)
        .map(|i| format!("<div class=\"comment\">{}</div>", story(100 + i)))
        .collect();
    page(&format!(
        "<main><section class=\"top\">{teasers}</section>\
         <article id=\"story\"><h1>Stroomstoring in de stad</h1><div id=\"body\">{body}</div></article>\
         <section id=\"comments\" class=\"comments\">{comments}</section></main>"
    ));
    let root = claimlens::wasm::find_root().expect("a root");
    assert_eq!(root, by_id("body"), "found {}", root.outer_html().len());
}

#[wasm_bindgen_test]
fn a_page_without_article_element_scores_its_story_container() {
    let links: String = (0..30)
        .map(|i| format!("<li><a href=\"/s{i}\">Sectie {i}</a></li>"))
        .collect();
    let body: String = (0..5).map(story).collect();
    page(&format!(
        "<div class=\"menu\"><ul>{links}</ul></div>\
         <div class=\"wrap\"><h1>Stroomstoring</h1><div id=\"story-text\">{body}</div>\
         <div class=\"sidebar\"><p>Lees ook: een ander verhaal over iets heel anders, met een lange zin.</p></div></div>"
    ));
    assert_eq!(claimlens::wasm::find_root(), Some(by_id("story-text")));
}

#[wasm_bindgen_test]
fn publisher_markup_wins_itemprop_then_json_ld() {
    let body: String = (0..4).map(story).collect();
    page(&format!(
        "<div><div id=\"other\">{}</div><div id=\"marked\" itemprop=\"articleBody\">{body}</div></div>",
        (10..16).map(story).collect::<String>()
    ));
    assert_eq!(claimlens::wasm::find_root(), Some(by_id("marked")));

    // JSON-LD: the text of the story's first and last paragraphs, in a container with no name.
    let text: Vec<String> = (0..4)
        .map(|n| {
            format!(
                "In wijk {n} zaten volgens de gemeente, die dinsdag een rapport publiceerde, ruim \
                 300 gezinnen zonder stroom, en dat duurde uren."
            )
        })
        .collect();
    page(&format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{}\"}}</script>\
         <div class=\"comments\">{}</div><div><div id=\"plain\">{body}</div></div>",
        text.join("\\n\\n"),
        (10..18).map(story).collect::<String>()
    ));
    assert_eq!(claimlens::wasm::find_root(), Some(by_id("plain")));
}

#[wasm_bindgen_test]
fn an_index_page_has_no_root_and_a_short_story_its_headed_article() {
    let cards: String = (0..12)
        .map(|i| format!("<li><a href=\"/a{i}\">Een kop van een verhaal op de voorpagina, nummer {i}</a></li>"))
        .collect();
    page(&format!("<h1>Binnenland</h1><ul>{cards}</ul>"));
    assert_eq!(claimlens::wasm::find_root(), None);

    // Too short to score: the <article> that holds the h1, not the teaser before it.
    page(
        "<article class=\"card\"><h2>Ander nieuws</h2><p>Een teaser die net lang genoeg is voor proza.</p></article>\
         <article id=\"short\"><h1>Kort</h1><p>Volgens de NS zaten 500 reizigers vast in treinen.</p></article>",
    );
    assert_eq!(claimlens::wasm::find_root(), Some(by_id("short")));
}

#[wasm_bindgen_test]
async fn furniture_inside_the_article_is_not_highlighted() {
    let container = page(
        r##"<article id="a">
<header><h1>Storm</h1><p class="byline">Door Jan Jansen · 3 min read · <time>13:45</time></p></header>
<div class="share-bar"><span>1.245 keer gedeeld</span> <a href="#c">87 reacties</a></div>
<p>Volgens het KNMI bereikten de windstoten een snelheid van 132 kilometer per uur.</p>
<p>Op <time datetime="2019-02-21">21 februari</time> vielen er 38 bomen om.</p>
<p hidden>Volgens een verborgen bron waren er 55 doden.</p>
<p aria-hidden="true">Volgens een andere bron 66 gewonden.</p>
<div class="gallery"><span>+10</span></div><p><span>18</span></p>
<ul><li><a href="/1">Volgens het RIVM 12 zieken</a></li><li><a href="/2">Ruim 40 scholen dicht</a></li></ul>
<p>De gemeente trekt 2,5<span hidden>7</span> miljoen euro uit voor herstel.</p>
<div class="related-stories"><p>Volgens de politie 99 aanhoudingen bij een ander verhaal.</p></div>
<footer><p>Volgens de redactie 250 reacties op dit artikel.</p></footer>
</article>"##,
    );
    let article = by_id("a");
    let mut handle = annotate(article.clone(), JsValue::UNDEFINED).unwrap();
    yew::scheduler::flush().await;
    let all = marks(&article);
    let text: Vec<String> = all.iter().map(|m| m.text_content().unwrap()).collect();
    assert!(
        text.iter().any(|t| t.contains("132")),
        "the story's claims are highlighted: {text:?}"
    );
    assert!(text.iter().any(|t| t.contains("38")), "{text:?}");
    for mark in &all {
        let furniture = mark
            .closest("header, footer, time, [hidden], [aria-hidden], .share-bar, .gallery, ul, .related-stories")
            .unwrap();
        assert!(
            furniture.is_none(),
            "highlight in furniture: {}",
            mark.outer_html()
        );
        let t = mark.text_content().unwrap();
        assert!(
            !(t.contains("18") && t.len() <= 3),
            "a lone number is a counter: {t}"
        );
        assert!(
            !t.contains("miljoen"),
            "a claim straddling hidden text is not highlighted: {t}"
        );
    }
    handle.destroy();
    container.remove();
}
