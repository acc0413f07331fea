//! The WebAssembly boundary: one call per page or mutation batch, strings in and out.

use wasm_bindgen::prelude::wasm_bindgen;

/// Plan the cleanup of a page: the packed snapshot and the settings' fields in (see
/// `Settings::read`), plan JSON out.
#[wasm_bindgen]
pub fn plan(snapshot: &str, settings: &str) -> String {
    crate::plan::plan_json(snapshot, settings)
}

/// The quotations a plan put off (settings `labels_later`) under `ticket`: a JSON array, or
/// `null` when nothing waits under it.
#[wasm_bindgen]
pub fn labels(ticket: u32) -> String {
    crate::plan::labels_json(ticket)
}

/// The core's version, for the popup and the logs.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
