// Quietread content script: runs the hands on this page with this site's settings.
// The core runs here as wasm when the page allows it, else in the service worker.
// It runs in every frame: a frame of the page's own site is cleaned on its own, with the
// settings of the tab's site; a frame from elsewhere is left to the page (which may hide the
// frame as an element). Only the top frame answers the popup, sets the badge and logs.
(function () {
  'use strict';
  const S = globalThis.QuietreadSettings;
  const H = globalThis.QuietreadHands;
  const top = window.top === window;
  const host = siteOfTab();
  let mode = null; // 'page' (wasm in this content script) or 'worker'
  let planned = null; // where the last plan was made: 'page' or 'worker'
  let failure = null;
  let cleaner = null;
  let applied = null; // the core settings the running cleaner has, as JSON
  let corePlan = null; // the wasm core's planner in this content script, once it is compiled

  /** The host name of the tab's page, or null in a frame whose top is another site's. */
  function siteOfTab() {
    try {
      return window.top.location.hostname;
    } catch (e) {
      return null;
    }
  }

  /** One line in the console, from the top frame only. */
  function log(message) {
    if (top) console.warn(message);
  }

  async function workerPlanner(snapshot, settings) {
    const answer = await chrome.runtime.sendMessage({ type: 'plan', snapshot, settings });
    if (!answer || answer.error) throw new Error((answer && answer.error) || 'no answer from the service worker');
    planned = 'worker';
    return answer.plan;
  }

  /** Snapshots longer than this (characters of the packed snapshot) are planned in the
   *  service worker, off the page's main thread: the core's one call on a very large page,
   *  while the wasm is still cold, can hold the page longer than a frame budget allows. */
  const WORKER_ABOVE = 300000;
  /** The same for the page's markup, weighed without its scripts' and styles' text (the hands
   *  say how much): the attributes the core does not read still make it, on the corpus, 1.6
   *  times the packed snapshot at the median (1.1 to 5.1 times). */
  const MARKUP_WORKER_ABOVE = 450000;

  /** The core in this content script, or in the worker for a very large page (and here
   *  again if the worker does not answer). */
  function pagePlanner(snapshot, settings, weight) {
    const markup = typeof weight === 'number';
    if ((markup ? weight : snapshot.length) > (markup ? MARKUP_WORKER_ABOVE : WORKER_ABOVE)) {
      return workerPlanner(snapshot, settings).catch(() => inPage(snapshot, settings));
    }
    return Promise.resolve(inPage(snapshot, settings));
  }

  /** The quotations a plan put off, asked of the core that made the plan: it holds them. */
  async function labeler(ticket) {
    if (planned === 'page') return wasm_bindgen.labels(ticket);
    const answer = await chrome.runtime.sendMessage({ type: 'labels', ticket });
    if (!answer || answer.error) throw new Error((answer && answer.error) || 'no answer from the service worker');
    return answer.labels;
  }

  function inPage(snapshot, settings) {
    const plan = corePlan(snapshot, settings);
    planned = 'page';
    return plan;
  }

  let plannerPromise = null;
  function planner() {
    if (!plannerPromise) {
      plannerPromise = (async () => {
        // A frame's snapshot is small, and a page may hold many frames (ads write into blank
        // ones): frames ask the service worker rather than each compiling its own wasm.
        if (!top) {
          mode = 'worker';
          return workerPlanner;
        }
        try {
          const exports = await wasm_bindgen({ module_or_path: chrome.runtime.getURL('quietread_bg.wasm') });
          corePlan = globalThis.QuietreadWasm.planner(wasm_bindgen, exports);
          mode = 'page';
          return pagePlanner;
        } catch (e) {
          // The page's CSP forbids compiling wasm here: the service worker runs the same core.
          mode = 'worker';
          return workerPlanner;
        }
      })();
    }
    return plannerPromise;
  }

  // Refreshes run one after another, so a settings change arriving during the first start
  // cannot start a second cleaner pass on top of it.
  let queue = Promise.resolve();
  function refresh() {
    const next = queue.then(refreshNow);
    queue = next.catch(() => {});
    return next;
  }

  /** What the cleaner is given: the core's settings and the site's own hide selectors. */
  function cleanerSettings(site) {
    return Object.assign(S.forCore(site), { selectors: site.selectors || [] });
  }

  async function refreshNow() {
    let site;
    try {
      site = S.forSite(await S.load(chrome.storage.local), host);
    } catch (e) {
      failure = 'settings unreadable: ' + e.message;
      site = S.forSite(S.defaults(), host);
    }
    if (!site.enabled) {
      if (cleaner) cleaner.stop();
      return;
    }
    const plan = await planner();
    const wanted = cleanerSettings(site);
    if (!cleaner) {
      cleaner = H.Cleaner(document, {
        planner: plan,
        labeler,
        settings: wanted,
        log,
        onUpdate: badge,
      });
      await cleaner.start();
    } else if (!cleaner.isActive()) {
      cleaner.update(wanted);
      await cleaner.start();
    } else if (JSON.stringify(wanted) !== applied) {
      await cleaner.update(wanted);
    }
    applied = JSON.stringify(wanted);
  }

  /** Tell the service worker how many items are hidden, for the toolbar badge, when it
   *  changes. */
  let badgeShown = -1;
  function badge(st) {
    const n = st.active ? st.hidden : 0;
    if (!top || n === badgeShown) return;
    badgeShown = n;
    chrome.runtime.sendMessage({ type: 'badge', hidden: n }).catch(() => {});
  }

  function status() {
    const st = cleaner ? cleaner.status : { active: false, hidden: 0, counts: {}, items: [], ms: 0 };
    return {
      host,
      url: location.href,
      active: st.active,
      hidden: st.active ? st.hidden : 0,
      counts: st.active ? st.counts : {},
      items: st.active ? st.items : [],
      unlocked: !!st.unlocked,
      quoted: st.active ? st.quoted || [] : [],
      ms: st.ms,
      runs: st.runs || 0,
      batches: st.batches || 0,
      batchMs: st.batchMs || 0,
      labelsAgain: st.labelsAgain || 0,
      mode,
      planned,
      error: st.error || failure,
      problem: st.problem || (failure ? { kind: 'other' } : null),
    };
  }

  if (host === null) return;

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[S.KEY]) refresh().catch((e) => log('Quietread: ' + e.message));
  });

  // The element under the pointer when the context menu opened, for "Hide this element".
  let picked = null;
  document.addEventListener('contextmenu', (e) => {
    picked = e.target && e.target.nodeType === 1 ? e.target : null;
  }, true);

  chrome.runtime.onMessage.addListener((msg, sender, reply) => {
    if (msg && msg.type === 'pick' && top) {
      const el = picked && picked.isConnected && picked !== document.body && picked !== document.documentElement ? picked : null;
      reply({ host, selector: el ? H.selectorFor(el) : null });
    } else if (msg && msg.type === 'status' && top) {
      reply(status());
    } else if (msg && msg.type === 'reveal' && top) {
      reply({ ok: !!(cleaner && cleaner.reveal(String(msg.speaker))) });
    }
  });

  refresh().catch((e) => {
    failure = String(e && e.message || e);
    log('Quietread: page left as it was: ' + failure);
  });
})();
