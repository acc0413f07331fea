// Quietread service worker: runs the same wasm core for pages whose CSP forbids wasm in
// content scripts. It answers { type: 'plan' } messages with the plan JSON.
importScripts('quietread.js');

const ready = wasm_bindgen({ module_or_path: 'quietread_bg.wasm' });

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (!msg || msg.type !== 'plan') return false;
  ready
    .then(() => reply({ plan: wasm_bindgen.plan(String(msg.snapshot), String(msg.settings || '')) }))
    .catch((e) => reply({ error: 'core failed: ' + (e && e.message || e) }));
  return true;
});
