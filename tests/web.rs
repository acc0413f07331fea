//! The core compiled to wasm and run in headless Chromium, through its JS-facing exports.
#![cfg(target_arch = "wasm32")]

use quietread::wasm::{input, labels, plan_input, version};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The plan for `snapshot`, asked as extension/wasm.js asks it: the snapshot's UTF-8 written
/// into the room `input` gives, then `plan_input`.
fn plan(snapshot: &str, settings: &str) -> String {
    let bytes = snapshot.as_bytes();
    let at = input(bytes.len());
    // SAFETY: `input` gave room for `bytes.len()` bytes at `at`, held until `plan_input`.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len()) };
    plan_input(bytes.len(), settings)
}

#[wasm_bindgen_test]
fn the_room_is_read_up_to_what_was_written_and_never_past_it() {
    let page = page();
    let at = input(page.len() + 100);
    // SAFETY: as in `plan`, with room to spare.
    unsafe { std::ptr::copy_nonoverlapping(page.as_bytes().as_ptr(), at, page.len()) };
    assert_eq!(plan_input(page.len(), ""), plan(&page, ""));
    // More than the room holds, or nothing written at all, is a bad snapshot.
    input(4);
    assert!(plan_input(5, "").contains("\"error\""));
    assert!(plan_input(0, "").contains("\"error\""));
    // Bytes that are not UTF-8.
    let at = input(3);
    unsafe { std::ptr::copy_nonoverlapping([b'q', 0xff, b'r'].as_ptr(), at, 3) };
    assert!(plan_input(3, "").contains("not UTF-8"));
}

/// A snapshot written as JSON (easy to read here), sent packed as the hands send it.
fn packed(json: &str) -> String {
    let snap: quietread::Snapshot = serde_json::from_str(json).expect("a snapshot");
    quietread::packed::encode(&snap)
}

fn page() -> String {
    packed(&page_json())
}

fn page_json() -> String {
    let mut nodes = vec![
        r#"{"p":-1,"t":"html"}"#.to_string(),
        r#"{"p":0,"t":"body"}"#.to_string(),
        r#"{"p":1,"t":"div","c":"story-body"}"#.to_string(),
    ];
    for _ in 0..6 {
        let p = nodes.len();
        nodes.push(r#"{"p":2,"t":"p"}"#.to_string());
        nodes.push(format!(
            r##"{{"p":{p},"t":"#text","x":"The ferry company said on Monday that, after a stormy winter, it would add two boats to the island route."}}"##
        ));
    }
    let aside = nodes.len();
    nodes.push(r#"{"p":2,"t":"aside","c":"donate-box"}"#.to_string());
    nodes.push(format!(
        r##"{{"p":{aside},"t":"#text","x":"Please donate to keep our reporting free."}}"##
    ));
    format!(
        r#"{{"url":"https://example.test/","nodes":[{}]}}"#,
        nodes.join(",")
    )
}

#[wasm_bindgen_test]
fn plans_a_page_in_the_browser() {
    let out = plan(&page(), "");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hide = v["hide"].as_array().expect("a hide list");
    assert_eq!(hide.len(), 1, "{out}");
    assert_eq!(hide[0]["category"], "appeal");
    assert_eq!(hide[0]["node"], 15);
    assert_eq!(v["article"], 2);
}

#[wasm_bindgen_test]
fn reads_only_the_packed_snapshot_the_hands_send() {
    let packed = page();
    assert!(packed.starts_with("qr1\u{2}17\u{2}"), "{packed:?}");
    // A record split by a stray separator is refused, not misread.
    let split = packed.replacen("Please donate", "Please\u{1}donate", 1);
    assert!(plan(&split, "").contains("\"error\""));
    // The JSON form is for the command line and tests; the shipped core leaves its reader out.
    assert!(plan(&page_json(), "").contains("not a packed snapshot"));
}

#[wasm_bindgen_test]
fn honours_the_category_switches() {
    let out = plan(&page(), "categories=paywall,nag");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["hide"].as_array().unwrap().is_empty(), "{out}");
    // Settings come as fields; the shipped core leaves the JSON reader out.
    assert!(plan(&page(), r#"{"categories":["paywall","nag"]}"#).contains("natively only"));
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_value_not_a_throw() {
    for bad in ["", "{", "[1,2,3]", "{\"nodes\":[{\"p\":\"x\"}]}"] {
        let out = plan(bad, "");
        assert!(out.contains("\"error\""), "{bad} gave {out}");
    }
    assert!(plan(&page(), "categories=nope").contains("bad settings"));
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn names_the_speaker_of_a_quote_in_the_browser() {
    let nodes = [
        r#"{"p":-1,"t":"html"}"#,
        r#"{"p":0,"t":"body"}"#,
        r#"{"p":1,"t":"h1"}"#,
        r##"{"p":2,"t":"#text","x":"Ferry fares to rise"}"##,
        r#"{"p":1,"t":"div","c":"story-body"}"#,
        r#"{"p":4,"t":"p"}"#,
        r##"{"p":5,"t":"#text","x":"Harbour master Ida Lunde said the fares would rise, after a long winter, by a tenth."}"##,
        r#"{"p":4,"t":"p"}"#,
        r##"{"p":7,"t":"#text","x":"“We had no choice, none at all,” Ms Lunde said on Monday, as the boats came in."}"##,
    ];
    let snap = packed(&format!(r#"{{"url":"","nodes":[{}]}}"#, nodes.join(",")));
    let v: serde_json::Value = serde_json::from_str(&plan(&snap, "")).unwrap();
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 1, "{v}");
    assert_eq!(quotes[0]["speaker"], "Ida Lunde");
    assert_eq!(quotes[0]["start"], serde_json::json!([8, 1]));
    let off: serde_json::Value = serde_json::from_str(&plan(&snap, "labels=0")).unwrap();
    assert!(off["quotes"].as_array().unwrap().is_empty());
    // Put off, the same quotations come from the second export, once.
    let later: serde_json::Value = serde_json::from_str(&plan(&snap, "labels_later=1")).unwrap();
    assert!(later["quotes"].as_array().unwrap().is_empty());
    let ticket = later["quotes_ticket"].as_u64().expect("a ticket") as u32;
    let got: serde_json::Value = serde_json::from_str(&labels(ticket)).unwrap();
    assert_eq!(&got, &v["quotes"]);
    assert_eq!(labels(ticket), "null");
}
