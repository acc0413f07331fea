// Quietread browser benchmark, the in-page half: the measurements themselves, run inside the
// benchmarked page (injected before the page loads, next to settings.js, overlay.js, hands.js,
// the wasm-bindgen glue and Readability.js). bench/browser.mjs calls these one at a time and
// keeps the numbers. Nothing here writes page text anywhere: the only element it adds is the
// late modal, whose text is a constant set with textContent.
(function (global) {
  'use strict';

  const H = global.QuietreadHands;
  const S = global.QuietreadSettings;
  const MARK = 'data-quietread';
  /** The settings content.js gives the core on a site nobody configured. */
  const SETTINGS = S.forCore(S.forSite(S.defaults(), location.hostname));
  /** What hands.js reads, copied from it so the floor walk reads exactly the same fields. */
  const OPAQUE = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'canvas', 'video', 'audio', 'object']);
  const KEPT = ['role', 'aria-modal', 'aria-label', 'name', 'type', 'placeholder', 'action', 'src', 'href'];
  const STYLE_DEPTH = 3;
  /** How long the late modal may take to be hidden before it counts as missed. */
  const LATE_TIMEOUT_MS = 3000;

  const now = () => performance.now();

  /** Start every measurement from the same state: no garbage pending (when the browser exposes
   *  gc()) and style and layout up to date. */
  function settle() {
    if (typeof global.gc === 'function') global.gc();
    void document.documentElement.getBoundingClientRect();
  }

  /** The stylesheet the extension's manifest injects (quietread.css), adopted rather than
   *  inserted so that it is not a node of the page. */
  function adoptStyle() {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(H.css(MARK));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  /** The core's planner, as content.js makes it once the wasm is instantiated. */
  let corePlan = null;

  /** Instantiate the wasm core the way content.js does; milliseconds. */
  async function init(wasmUrl) {
    adoptStyle();
    const t0 = now();
    corePlan = global.QuietreadWasm.planner(wasm_bindgen, await wasm_bindgen({ module_or_path: wasmUrl }));
    return now() - t0;
  }

  /** Read the styles hands.js's measure() reads. */
  function readStyle(el, vw, vh) {
    const cs = getComputedStyle(el);
    let sum = cs.position.length + cs.overflowY.length + cs.overflow.length + (parseInt(cs.zIndex, 10) || 0);
    const visible = cs.display !== 'none' && cs.visibility !== 'hidden';
    if (visible && (cs.position === 'fixed' || cs.position === 'sticky')) {
      const r = el.getBoundingClientRect();
      sum += Math.min(r.right, vw) - Math.max(r.left, 0) + Math.min(r.bottom, vh) - Math.max(r.top, 0);
    }
    return sum;
  }

  function isDialog(el) {
    if (el.localName === 'dialog') return true;
    const role = el.getAttribute('role');
    return role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true';
  }

  /** Read one element's tag, id, class and kept attributes (the attribute list only when it
   *  holds more than an id and a class, as hands.js does); returns a number so the reads
   *  cannot be optimised away. */
  function readElement(el) {
    let sum = el.localName.length;
    const id = el.getAttribute('id');
    if (id) sum += id.length;
    const cls = el.getAttribute('class');
    if (cls) sum += cls.length;
    const all = el.attributes;
    if (all.length > (id === null ? 0 : 1) + (cls === null ? 0 : 1)) {
      for (let k = 0; k < all.length; k++) {
        const a = all[k];
        const name = a.name;
        if (name.startsWith('data-') || KEPT.indexOf(name) >= 0) sum += a.value.length;
      }
    }
    return sum;
  }

  /**
   * The floor: a plain walk of the whole DOM reading what the snapshot reads (every element's
   * tag, id, class and kept attributes, every text node's text, styles on <html>, near the top
   * of <body> and on dialogs), building nothing. It walks as hands.js walks: an explicit stack
   * in parallel arrays, children pushed from the last sibling back.
   */
  function floor() {
    settle();
    const t0 = now();
    const vw = document.documentElement.clientWidth || innerWidth || 1;
    const vh = innerHeight || document.documentElement.clientHeight || 1;
    const nodes = [document.documentElement];
    const depths = [-1];
    let count = 0;
    let sum = 0;
    while (nodes.length) {
      const node = nodes.pop();
      const depth = depths.pop();
      count++;
      if (node.nodeType === 3) {
        sum += node.data.length;
        continue;
      }
      const tag = node.localName;
      const d = tag === 'body' ? 0 : depth;
      sum += readElement(node);
      if (tag === 'html' || (d >= 0 && d <= STYLE_DEPTH) || isDialog(node)) sum += readStyle(node, vw, vh);
      if (OPAQUE.has(tag)) continue;
      const next = d >= 0 ? d + 1 : -1;
      for (let kid = node.lastChild; kid; kid = kid.previousSibling) {
        const type = kid.nodeType;
        if (type === 1 || type === 3) {
          nodes.push(kid);
          depths.push(next);
        }
      }
    }
    return { ms: now() - t0, nodes: count, checksum: sum };
  }

  /** The core, as content.js's planner calls it, timing each call. */
  function timedPlanner(calls) {
    return (snapshot, settings) => {
      const t0 = now();
      const plan = corePlan(snapshot, settings);
      calls.push({ start: t0, end: now() });
      return Promise.resolve(plan);
    };
  }

  /** The quotations a plan put off, as content.js's labeler asks for them. */
  function labeler(ticket) {
    return Promise.resolve(wasm_bindgen.labels(ticket));
  }

  /** A cleaner set up as content.js sets it up, with the planner timed and its updates seen. */
  function cleanerFor(calls, listeners) {
    const errors = [];
    const cleaner = H.Cleaner(document, {
      planner: timedPlanner(calls),
      labeler,
      settings: SETTINGS,
      log: (message) => errors.push(message),
      onUpdate: (status) => listeners.forEach((f) => f(status)),
    });
    return { cleaner, errors };
  }

  /** A subscription modal as a paywall injects it: fixed, over the whole viewport. */
  function makeModal() {
    const modal = document.createElement('div');
    modal.className = 'tp-modal';
    modal.style.cssText = 'position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483000;background:#fff';
    modal.textContent = 'Subscribe to keep reading';
    return modal;
  }

  /**
   * One late mutation batch: a modal appended after the full pass, followed until the cleaner
   * has hidden it through its MutationObserver. `ms` is the cost of the batch run (hands.js's
   * own measure, from taking the batch to the end of apply), `core` its wasm call, `latency`
   * insertion to hidden including the cleaner's scheduling delay.
   */
  function lateBatch(cleaner, calls, listeners) {
    const modal = makeModal();
    const batchesBefore = cleaner.status.batches;
    return new Promise((resolve) => {
      let t0 = 0;
      const timer = setTimeout(() => finish(null), LATE_TIMEOUT_MS);
      function finish(result) {
        clearTimeout(timer);
        listeners.length = 0;
        modal.remove();
        resolve(result);
      }
      listeners.push((status) => {
        if (!modal.closest('[' + MARK + ']')) return;
        const latency = now() - t0;
        const batch = status.batches > batchesBefore;
        const call = calls[calls.length - 1];
        finish({ ms: batch ? status.batchMs : null, core: batch ? call.end - call.start : null, latency, batch });
      });
      settle();
      t0 = now();
      document.body.appendChild(modal);
    });
  }

  /**
   * Quietread's full pass, exactly as content.js starts it, split at the planner call:
   * snapshot (walk and serialisation), core (the wasm call), apply (parsing the plan,
   * marking), their total (the clutter is gone); then labels, which come in a task of their
   * own after that (the put-off quotations from the core, and drawing them), and `all`, from
   * the start to the labels drawn. Then, when `late` is true, one late batch; then the page
   * is put back.
   */
  async function quietread(late) {
    const calls = [];
    const listeners = [];
    const { cleaner, errors } = cleanerFor(calls, listeners);
    try {
      settle();
      const t0 = now();
      await cleaner.start();
      const t1 = now();
      if (errors.length || !calls.length) throw new Error(errors[0] || 'the core was not called');
      // One plan a pass: a second one means the put-off quotations were lost and planned again.
      if (calls.length > 1 || cleaner.status.labelsAgain) throw new Error('the pass planned the page twice');
      const call = calls[0];
      const cleaned = cleaner.status.cleanedAt;
      if (!(cleaned >= call.end && cleaned <= t1)) throw new Error('the pass did not say when the clutter was gone');
      const out = {
        snapshot: call.start - t0,
        core: call.end - call.start,
        apply: cleaned - call.end,
        total: cleaned - t0,
        labels: cleaner.status.labelMs,
        all: t1 - t0,
        hidden: cleaner.status.hidden,
        quotes: cleaner.status.quoted.reduce((n, q) => n + q.count, 0),
        read: cleaner.status.read,
      };
      if (late) out.late = await lateBatch(cleaner, calls, listeners);
      return out;
    } finally {
      cleaner.stop();
    }
  }

  /** The peer: Readability on a clone of the document, the clone timed on its own too. */
  function readability() {
    settle();
    const t0 = now();
    const clone = document.cloneNode(true);
    const t1 = now();
    const article = new Readability(clone).parse();
    const t2 = now();
    return { clone: t1 - t0, parse: t2 - t1, total: t2 - t0, found: !!article };
  }

  /**
   * Long tasks of a first pass as content.js runs it (wasm instantiation, then the cleaner,
   * left running): every main-thread task of 50 ms or more that ended once Quietread started.
   */
  async function longTasks(wasmUrl) {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
    adoptStyle();
    settle();
    const { cleaner, errors } = cleanerFor([], []);
    const t0 = now();
    corePlan = global.QuietreadWasm.planner(wasm_bindgen, await wasm_bindgen({ module_or_path: wasmUrl }));
    await cleaner.start();
    const total = now() - t0;
    // Entries are delivered after their task ends: let a few frames pass.
    await new Promise((resolve) => setTimeout(resolve, 500));
    observer.disconnect();
    const pass = cleaner.status.ms;
    cleaner.stop();
    if (errors.length) throw new Error(errors[0]);
    const ours = tasks.filter((t) => t.startTime + t.duration >= t0).map((t) => t.duration);
    return { ms: total, pass, count: ours.length, longest: ours.length ? Math.max(...ours) : 0 };
  }

  global.QuietreadBench = {
    init, floor, quietread, readability, longTasks,
    isolated: () => global.crossOriginIsolated === true,
  };
})(globalThis);
