//! The WebAssembly boundary: one call per page or mutation batch, the snapshot written into
//! the wasm's memory by the caller, the plan out as a string.

use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// Where the caller writes a snapshot for [`plan_input`].
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Room for `len` bytes in the wasm's memory, where the caller writes a snapshot as UTF-8
/// before calling [`plan_input`]; its address (see extension/wasm.js).
#[wasm_bindgen]
pub fn input(len: usize) -> *mut u8 {
    INPUT.with_borrow_mut(|buf| {
        buf.clear();
        buf.resize(len, 0);
        buf.as_mut_ptr()
    })
}

/// Plan the cleanup of a page: the packed or markup snapshot written at [`input`] (its first
/// `used` bytes) and the settings' fields (see `Settings::read`) in, plan JSON out.
#[wasm_bindgen]
pub fn plan_input(used: usize, settings: &str) -> String {
    let buf = INPUT.take();
    crate::plan::plan_utf8(buf.get(..used).unwrap_or_default(), settings)
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
