// Quietread service worker: runs the same wasm core for pages whose CSP forbids wasm in
// content scripts (and for very large pages), answering { type: 'plan' } messages with the
// plan JSON and { type: 'labels' } with the quotations a plan put off; keeps each tab's badge
// (items hidden); turns the current site on or off from the keyboard shortcut; saves "Hide
// this element on this site" rules from the context menu.
// Chromium runs this file as the service worker; Firefox, which has no extension service
// workers, as a background script after the manifest's settings.js, quietread.js and wasm.js.
if (typeof importScripts === 'function') importScripts('settings.js', 'quietread.js', 'wasm.js');

const S = globalThis.QuietreadSettings;
const ready = wasm_bindgen({ module_or_path: 'quietread_bg.wasm' })
  .then((exports) => globalThis.QuietreadWasm.planner(wasm_bindgen, exports));

/** Turn Quietread on or off for the site of a tab, as its content script names the site (no
 *  permission to read tab addresses is needed); the content script follows storage. */
async function toggleSite(tabId) {
  const st = await chrome.tabs.sendMessage(tabId, { type: 'status' }).catch(() => null);
  if (!st || !st.host) return null;
  const settings = await S.load(chrome.storage.local);
  const enabled = !S.forSite(settings, st.host).enabled;
  await S.setSite(chrome.storage.local, st.host, { enabled });
  return { host: st.host, enabled };
}
globalThis.toggleSite = toggleSite;

chrome.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-site') return;
  const target = tab || (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target) await toggleSite(target.id).catch(() => null);
});

/** The ticket of a plan that put its quotations off. Page text is inside JSON strings, where
 *  every quote mark is escaped, so only the plan's own field can match. */
const TICKET = /"quotes_ticket":(\d+)/;
/** Who asked for each plan whose quotations wait here: ticket -> tab, frame and document. */
const owners = new Map();
const ownerOf = (sender) => [sender.tab ? sender.tab.id : -1, sender.frameId || 0, sender.documentId || ''].join(':');
/** As many as the core holds (src/pending.rs MAX_WAITING), the newest. */
function own(ticket, who) {
  owners.set(ticket, who);
  while (owners.size > 16) owners.delete(owners.keys().next().value);
}

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg && msg.type === 'badge' && sender.tab) {
    const n = Number(msg.hidden) || 0;
    chrome.action.setBadgeText({ tabId: sender.tab.id, text: n > 0 ? String(Math.min(n, 999)) : '' }).catch(() => {});
    return false;
  }
  if (msg && msg.type === 'labels') {
    // The quotations a plan made here put off: this worker's core holds them, for the frame
    // that asked for the plan only (after a restart, its tickets may name others' texts).
    const ticket = Number(msg.ticket) >>> 0;
    const mine = owners.get(ticket) === ownerOf(sender);
    owners.delete(ticket);
    ready
      .then(() => reply({ labels: mine ? wasm_bindgen.labels(ticket) : 'null' }))
      .catch((e) => reply({ error: 'core failed: ' + (e && e.message || e) }));
    return true;
  }
  if (!msg || msg.type !== 'plan') return false;
  ready
    .then((corePlan) => {
      const plan = corePlan(String(msg.snapshot), String(msg.settings || ''));
      const put = TICKET.exec(plan);
      if (put) own(Number(put[1]), ownerOf(sender));
      reply({ plan });
    })
    .catch((e) => reply({ error: 'core failed: ' + (e && e.message || e) }));
  return true;
});

/** Save a rule hiding the element the context menu was opened on in a tab; undone from the
 *  popup or the options page. */
async function hideElement(tabId) {
  const got = await chrome.tabs.sendMessage(tabId, { type: 'pick' }).catch(() => null);
  if (!got || !got.host || !got.selector) return null;
  await S.addSelector(chrome.storage.local, got.host, got.selector).catch(() => {});
  return got;
}
globalThis.hideElement = hideElement;

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === 'hide-element' && tab) hideElement(tab.id).catch(() => null);
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.action.setBadgeBackgroundColor({ color: '#2f6f5e' }).catch(() => {});
  chrome.contextMenus.create({
    id: 'hide-element',
    title: chrome.i18n.getMessage('menuHideElement'),
    contexts: ['page', 'selection', 'link', 'image'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  }, () => void chrome.runtime.lastError);
});
