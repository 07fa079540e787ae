#![cfg(not(target_arch = "wasm32"))]
//! The native CLI as a user runs it: single documents, stdin, JSON lines, errors.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimlens starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("claimlens ends")
}

const ARTICLE: &str = "Volgens de brandweer zijn 12 woningen verwoest. ,,We blijven ter plaatse”, aldus een woordvoerder van de brandweer.";

fn claims_of(doc: &Value) -> &Vec<Value> {
    doc["claims"].as_array().expect("claims array")
}

#[test]
fn single_document_from_a_file() {
    let path = std::env::temp_dir().join(format!("claimlens-cli-{}.txt", std::process::id()));
    std::fs::write(&path, ARTICLE).unwrap();
    let out = run(&["extract", "--lang", "nl", path.to_str().unwrap()], "");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["lang"], "nl");
    let claims = claims_of(&doc);
    let q = claims
        .iter()
        .find(|c| c["kind"] == "quantity")
        .expect("a quantity");
    assert_eq!(q["value"], 12.0);
    assert_eq!(q["source"]["text"], "de brandweer");
    // Offsets are code points: `12` starts after 26 chars.
    assert_eq!(q["start"], 26);
    let quote = claims
        .iter()
        .find(|c| c["kind"] == "statement" && c["direct"] == true)
        .expect("a quote");
    assert_eq!(quote["cue"]["text"], "aldus");
}

#[test]
fn stdin_with_language_detection() {
    for args in [
        &["extract"][..],
        &["extract", "-"],
        &["extract", "--lang", "auto"],
    ] {
        let out = run(
            args,
            "The bridge will reopen, the mayor said. About 300 people came.",
        );
        assert!(out.status.success());
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["lang"], "en");
        assert_eq!(claims_of(&doc).len(), 2, "{doc}");
    }
}

#[test]
fn jsonl_with_a_malformed_line_in_the_middle() {
    let input = [
        r#"{"id": "a", "lang": "nl", "text": "Er kwamen 40 mensen."}"#,
        "",
        r#"{"id": "b", "lang": "nl", "txt": "vergeten"}"#,
        r#"{"id": "c", "text": "Nearly 90 cars were sold."}"#,
        r#"{not json"#,
        r#"{"id": 7, "lang": null, "text": "Er kwamen twee mensen."}"#,
    ]
    .join("\n");
    let out = run(&["extract", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["lang"], "nl");
    assert_eq!(claims_of(&lines[0])[0]["value"], 40.0);
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["line"], 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["lang"], "en");
    assert_eq!(claims_of(&lines[2])[0]["high"], 90.0);
    assert_eq!(lines[3]["id"], Value::Null);
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[4]["id"], 7);
    assert_eq!(claims_of(&lines[4])[0]["value"], 2.0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 3") && stderr.contains("line 5"),
        "{stderr}"
    );
}

#[test]
fn jsonl_lang_flag_forces_the_language() {
    let out = run(
        &["extract", "--jsonl", "--lang", "en"],
        "{\"id\": 1, \"lang\": \"nl\", \"text\": \"De brug\"}\n",
    );
    assert!(out.status.success());
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["lang"], "en");
}

#[test]
fn missing_file_is_a_one_line_error() {
    let out = run(&["extract", "/nonexistent/claimlens-test.txt"], "");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("claimlens: cannot read /nonexistent/claimlens-test.txt:"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1);
    assert!(out.stdout.is_empty());
}

#[test]
fn non_utf8_input_and_usage_errors() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["extract"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&[0x66, 0xff, 0xfe])
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    let out = run(&["extract", "--lang", "fr"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn web_annotation_format() {
    let text = "Één zin vooraf. ".to_owned() + ARTICLE;
    let out = run(
        &["extract", "--lang", "nl", "--format", "webannotation"],
        &text,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let annotations = doc.as_array().expect("an array of annotations");
    assert!(!annotations.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for a in annotations {
        assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["target"]["source"], "urn:claimlens:stdin");
        let selectors = a["target"]["selector"].as_array().expect("selectors");
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .expect("quote");
        let pos = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .expect("position");
        let (start, end) = (
            pos["start"].as_u64().unwrap() as usize,
            pos["end"].as_u64().unwrap() as usize,
        );
        // Code points: the accented first word would shift UTF-8 or UTF-16 offsets.
        let exact: String = chars[start..end].iter().collect();
        assert_eq!(quote["exact"], exact.as_str());
        let prefix = quote["prefix"].as_str().unwrap();
        let suffix = quote["suffix"].as_str().unwrap();
        assert!(chars[..start].iter().collect::<String>().ends_with(prefix));
        assert!(chars[end..].iter().collect::<String>().starts_with(suffix));
    }
}
