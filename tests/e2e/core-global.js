// Test helper, injected after the wasm-bindgen glue: the glue's `wasm_bindgen` as a global,
// for tests that call the core from the page's own world.
globalThis.QuietreadCore = wasm_bindgen;
