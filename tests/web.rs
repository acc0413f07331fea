//! The core compiled to wasm and run in headless Chromium, through its JS-facing exports.
#![cfg(target_arch = "wasm32")]

use quietread::wasm::{plan, version};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn page() -> String {
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
fn honours_the_category_switches() {
    let out = plan(&page(), r#"{"categories":["paywall","nag"]}"#);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["hide"].as_array().unwrap().is_empty(), "{out}");
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_value_not_a_throw() {
    for bad in ["", "{", "[1,2,3]", "{\"nodes\":[{\"p\":\"x\"}]}"] {
        let out = plan(bad, "");
        assert!(out.contains("\"error\""), "{bad} gave {out}");
    }
    assert!(plan(&page(), "{nope").contains("bad settings"));
    assert!(!version().is_empty());
}
