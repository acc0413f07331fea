// Quietread: how a snapshot goes into the wasm core. The snapshot is written straight into the
// core's memory with TextEncoder.encodeInto (wasm.rs `input`, `plan_input`). Passed as a
// string argument, wasm-bindgen's glue would copy it from script one character at a time up
// to its first non-ASCII character, then encode the rest into a copy of its own. In Chromium,
// on 60 corpus pages, with both ways alternating in one page, the core's median call took
// 2.21 against 2.33 ms this way, and its first call on a page (while that copying loop is not
// yet compiled) 3.05 against 3.90 ms.
(function (global) {
  'use strict';

  const encoder = new TextEncoder();

  /**
   * A planner over an initialised core: `glue` is wasm-bindgen's `wasm_bindgen` and
   * `exports` what its initialisation resolved to (the instance's exports, with its memory).
   * The planner takes a snapshot and the settings' fields and answers with the plan JSON.
   */
  function planner(glue, exports) {
    return (snapshot, settings) => {
      const text = String(snapshot);
      const room = text.length * 3; // the most UTF-8 bytes a UTF-16 unit takes
      const at = glue.input(room);
      // After input(): the memory may have grown, and an old view would be detached.
      const { written } = encoder.encodeInto(text, new Uint8Array(exports.memory.buffer, at, room));
      return glue.plan_input(written, String(settings || ''));
    };
  }

  global.QuietreadWasm = { planner };
})(typeof globalThis !== 'undefined' ? globalThis : this);
