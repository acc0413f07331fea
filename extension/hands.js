// Quietread's hands: snapshot the DOM, apply a plan from the core, follow mutations, revert.
// They decide nothing: every decision comes from the Rust core through `planner`.
// Shared by the extension's content script and the demo page; no browser-extension APIs here.
(function (global) {
  'use strict';

  /** Elements whose insides are never page text; recorded without their children. */
  const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'canvas', 'video', 'audio', 'object']);
  /** Attributes carried into the snapshot besides id and class. */
  const KEPT = ['role', 'aria-modal', 'aria-label', 'name', 'type', 'placeholder', 'action', 'src', 'href'];
  const MAX_DATA_ATTRS = 4;
  const MAX_ATTR = 200;
  /** How deep below <body> styles are read for every element (overlays live near the top). */
  const STYLE_DEPTH = 3;
  /** The core is given at most this many nodes; beyond it the page is left alone. */
  const MAX_NODES = 200000;
  /** A mutation batch bigger than this share of the page is planned as a whole page again. */
  const BATCH_SHARE = 0.5;
  /** How often Quietread puts back a mark the page took off one element before giving up. */
  const MAX_REASSERT = 20;

  function clip(v) {
    return v.length > MAX_ATTR ? v.slice(0, MAX_ATTR) : v;
  }

  /** What a snapshot walk needs: where it writes, and how it measures. */
  function walker(doc, opts) {
    return {
      own: opts.own || (() => false),
      measured: opts.measured, // WeakMap element -> style read before Quietread acted
      mark: opts.markAttr,
      out: [],
      nodes: [],
      vw: doc.documentElement.clientWidth || global.innerWidth || 1,
      vh: global.innerHeight || doc.documentElement.clientHeight || 1,
      view: global.getComputedStyle ? global : null,
    };
  }

  /** One element's record: tag, id, class and the kept attributes. */
  function record(w, node, parent) {
    const rec = { p: parent, t: node.localName };
    const id = node.getAttribute('id');
    if (id) rec.i = id;
    const cls = node.getAttribute('class');
    if (cls) rec.c = cls;
    let attrs = null;
    let data = 0;
    for (const a of node.attributes) {
      const name = a.name;
      let keep = false;
      if (name.startsWith('data-')) {
        keep = !name.startsWith(w.mark) && ++data <= MAX_DATA_ATTRS;
      } else {
        keep = KEPT.indexOf(name) >= 0;
      }
      if (keep) (attrs || (attrs = [])).push([name, clip(a.value)]);
    }
    if (attrs) rec.a = attrs;
    return rec;
  }

  /** Add `root` and everything under it, with an explicit stack (deep pages must not overflow
   *  the JS stack). `bodyDepth` is the root's depth below <body>, -1 when outside it. */
  function walk(w, root, parent, bodyDepth, measureRoot) {
    const stack = [[root, parent, bodyDepth]];
    while (stack.length) {
      const [node, parentIndex, depth] = stack.pop();
      if (w.out.length >= MAX_NODES) {
        throw new Error('page too large (' + MAX_NODES + '+ nodes)');
      }
      if (node.nodeType === 3) {
        w.out.push({ p: parentIndex, t: '#text', x: node.data });
        w.nodes.push(node);
        continue;
      }
      if (node.nodeType !== 1 || w.own(node)) continue;
      const tag = node.localName;
      const rec = record(w, node, parentIndex);
      const d = tag === 'body' ? 0 : depth;
      if (w.view && (tag === 'html' || (d >= 0 && d <= STYLE_DEPTH) || isDialog(node, rec.a) || (measureRoot && node === root))) {
        rec.s = measure(node, w.measured, w.vw, w.vh, w.mark);
      }
      const index = w.out.length;
      w.out.push(rec);
      w.nodes.push(node);
      if (OPAQUE.has(tag)) continue;
      const kids = node.childNodes;
      const next = d >= 0 ? d + 1 : -1;
      for (let k = kids.length - 1; k >= 0; k--) {
        const kid = kids[k];
        if (kid.nodeType === 1 || kid.nodeType === 3) stack.push([kid, index, next]);
      }
    }
  }

  function result(w, extra) {
    const snap = Object.assign({ url: String(global.location && global.location.href || ''), nodes: w.out }, extra || {});
    return { snapshot: snap, nodes: w.nodes };
  }

  /**
   * Flatten the document into the core's snapshot format.
   * Returns { snapshot, nodes } where nodes[i] is the DOM node of snapshot.nodes[i].
   */
  function snapshot(doc, opts) {
    const w = walker(doc, opts);
    walk(w, doc.documentElement, -1, -1, false);
    return result(w);
  }

  /**
   * A mutation batch: each changed subtree whole, under its chain of ancestors given as context
   * nodes (`k`), always including <html> and <body>; `article` (the element the core named in
   * the full pass) is flagged `ar`; `state` is what the core said last time.
   */
  function snapshotBatch(doc, roots, opts, article, state) {
    const w = walker(doc, opts);
    const index = new Map(); // element -> index of its context record
    function context(el) {
      const chain = [];
      for (let a = el; a && !index.has(a); a = a.parentElement) chain.push(a);
      for (let k = chain.length - 1; k >= 0; k--) {
        const e = chain[k];
        const rec = record(w, e, e.parentElement ? index.get(e.parentElement) : -1);
        rec.k = true;
        if (e === article) rec.ar = true;
        if (w.view && (e.localName === 'html' || e.localName === 'body')) {
          rec.s = measure(e, w.measured, w.vw, w.vh, w.mark);
        }
        index.set(e, w.out.length);
        w.out.push(rec);
        w.nodes.push(e);
      }
      return index.get(el);
    }
    context(doc.body || doc.documentElement);
    for (const root of roots) {
      const chain = [];
      for (let a = root.parentElement; a; a = a.parentElement) chain.push(a);
      const parent = context(root.parentElement || doc.documentElement);
      const body = chain.indexOf(doc.body);
      walk(w, root, parent, body >= 0 ? body + 1 : -1, true);
      if (root === article) w.out[w.out.length - 1].ar = true;
    }
    return result(w, { partial: state || {} });
  }

  function isDialog(el, attrs) {
    if (el.localName === 'dialog') return true;
    if (!attrs) return false;
    for (const [n, v] of attrs) {
      if ((n === 'role' && (v === 'dialog' || v === 'alertdialog')) || (n === 'aria-modal' && v === 'true')) return true;
    }
    return false;
  }

  /** Read position, overflow, z-index and geometry. Elements Quietread already changed report
   *  what they were before, so a plan stays the same after it has been applied. */
  function measure(el, measured, vw, vh, mark) {
    if (measured && (el.hasAttribute(mark) || el.hasAttribute(mark + '-unlock'))) {
      const before = measured.get(el);
      if (before) return before;
    }
    const cs = global.getComputedStyle(el);
    const s = {
      position: cs.position,
      overflow: cs.overflowY === 'visible' ? cs.overflow : cs.overflowY,
      z: parseInt(cs.zIndex, 10) || 0,
      covers_center: false,
      area: 0,
      visible: cs.display !== 'none' && cs.visibility !== 'hidden',
    };
    if (s.visible && (s.position === 'fixed' || s.position === 'sticky')) {
      const r = el.getBoundingClientRect();
      s.covers_center = r.left <= vw / 2 && r.right >= vw / 2 && r.top <= vh / 2 && r.bottom >= vh / 2;
      const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
      const h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
      s.area = (w * h) / (vw * vh);
    }
    if (measured) measured.set(el, s);
    return s;
  }

  /** The stylesheet that does the hiding; selectors only match Quietread's own attributes. */
  function css(mark) {
    return '::highlight(quietread-quote){background-color:rgba(255,196,61,.32)}' +
      '[' + mark + ']{display:none!important}' +
      'html[' + mark + '-unlock]{overflow:auto!important}' +
      'body[' + mark + '-unlock]{overflow:visible!important}' +
      'body[' + mark + '-unlock="position"]{position:static!important;top:auto!important}';
  }

  /**
   * A cleaner for one document.
   * options: planner(snapshotJson, settingsJson) -> Promise<planJson>; settings (object);
   *          markAttr (default 'data-quietread'); injectStyle (bool); exclude(node) -> bool
   *          (parts of the page never to read); onUpdate(status); log(msg)
   */
  function Cleaner(doc, options) {
    const mark = options.markAttr || 'data-quietread';
    const unlockAttr = mark + '-unlock';
    const log = options.log || ((m) => global.console && console.warn(m));
    let settings = options.settings || {};
    let active = false;
    let observer = null;
    let styleEl = null;
    let timer = null;
    let running = false;
    let again = false;
    let lastCost = 0;
    let measured = new WeakMap();
    // What the last full pass learnt, for the mutation batches after it.
    let full = true; // the next run plans the whole page
    let article = null;
    let coreState = null;
    let pageNodes = 0;
    let changed = new Set(); // elements added or changed since the last run
    let rootsTouched = false; // <html> or <body> attributes changed (a scroll lock, perhaps)
    const hidden = new Map(); // element -> { category, reason }
    const reasserted = new WeakMap(); // element -> times its mark was put back
    const unlocked = new Set(); // html/body elements we marked
    const classes = new Map(); // element -> { original, removed: [class] , after }
    const status = { active: false, hidden: 0, counts: {}, items: [], quoted: [], ms: 0, batchMs: 0, runs: 0, batches: 0, error: null, unlocked: false };

    const exclude = options.exclude || (() => false);
    const Overlay = global.QuietreadOverlay;
    const overlay = Overlay ? Overlay.Overlay(doc) : null;
    function own(node) {
      return node === styleEl || exclude(node) || (overlay !== null && overlay.isOwn(node));
    }

    /** The changed elements worth a look: connected, outermost, not inside a hidden box. */
    function batchRoots() {
      const roots = [];
      for (const el of changed) {
        if (el.isConnected && !insideOwn(el) && !el.closest('[' + mark + ']')) roots.push(el);
      }
      roots.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
      const out = [];
      for (const el of roots) {
        if (!out.length || !out[out.length - 1].contains(el)) out.push(el);
      }
      return out;
    }

    async function run() {
      if (!active) return;
      if (running) { again = true; return; }
      running = true;
      const t0 = performance.now();
      let batch = false;
      let planned = false;
      try {
        let snap;
        if (!full) {
          const roots = batchRoots();
          const size = roots.reduce((n, r) => n + 1 + r.getElementsByTagName('*').length, 0);
          if (size > BATCH_SHARE * pageNodes) {
            full = true;
          } else if (!roots.length && !rootsTouched) {
            changed.clear();
            return;
          } else {
            batch = true;
            snap = snapshotBatch(doc, roots, { own, measured, markAttr: mark }, article, coreState);
          }
        }
        changed.clear();
        rootsTouched = false;
        if (!batch) snap = snapshot(doc, { own, measured, markAttr: mark });
        const planJson = await options.planner(JSON.stringify(snap.snapshot), JSON.stringify(settings));
        if (!active) return;
        const plan = JSON.parse(planJson);
        if (plan.error) throw new Error(plan.error);
        planned = true;
        apply(plan, snap.nodes, batch);
        if (overlay && !batch) overlay.update(plan.quotes, snap.nodes);
        status.quoted = overlay ? overlay.people() : [];
        coreState = plan.state || null;
        // New article text arrived in a batch: its quotes need the whole article.
        if (batch && plan.rescan) { full = true; again = true; }
        if (!batch) {
          article = typeof plan.article === 'number' ? snap.nodes[plan.article] || null : null;
          pageNodes = snap.nodes.length;
          full = false;
        }
        status.error = null;
      } catch (e) {
        // One line, once: the page goes back to how it was and Quietread stops watching it.
        status.error = String(e && e.message || e);
        log('Quietread: page left as it was: ' + status.error);
        revertMarks();
        if (overlay) overlay.remove();
        halt();
      } finally {
        running = false;
        lastCost = performance.now() - t0;
        const ms = Math.round(lastCost * 100) / 100;
        if (planned && batch) { status.batchMs = ms; status.batches++; } else if (planned) { status.ms = ms; status.runs++; }
        if (observer) onMutations(observer.takeRecords());
        if (options.onUpdate) options.onUpdate(status);
        if (again && active && observer) { again = false; schedule(); }
      }
    }

    function setMark(el, info) {
      if (el.getAttribute(mark) !== info.category) el.setAttribute(mark, info.category);
      hidden.set(el, info);
    }

    function apply(plan, nodes, batch) {
      const want = new Map();
      for (const h of plan.hide || []) {
        const el = nodes[h.node];
        if (el && el.nodeType === 1) want.set(el, { category: h.category, reason: h.reason });
      }
      if (!batch) {
        // A full plan says all there is to hide: drop marks it no longer wants.
        for (const el of Array.from(hidden.keys())) {
          if (!want.has(el) && el.isConnected) { el.removeAttribute(mark); hidden.delete(el); }
          else if (!el.isConnected) hidden.delete(el);
        }
      } else {
        for (const el of Array.from(hidden.keys())) if (!el.isConnected) hidden.delete(el);
      }
      for (const [el, info] of want) setMark(el, info);
      const u = plan.unlock;
      if (u) {
        for (const i of u.nodes) {
          const el = nodes[i];
          if (!el) continue;
          const value = u.position && el.localName === 'body' ? 'position' : 'overflow';
          if (el.getAttribute(unlockAttr) !== value) el.setAttribute(unlockAttr, value);
          unlocked.add(el);
        }
        for (const [i, cls] of u.classes || []) {
          const el = nodes[i];
          if (!el || !el.classList.contains(cls)) continue;
          let rec = classes.get(el);
          if (!rec) { rec = { original: el.getAttribute('class'), removed: [] }; classes.set(el, rec); }
          el.classList.remove(cls);
          if (rec.removed.indexOf(cls) < 0) rec.removed.push(cls);
          rec.after = el.getAttribute('class');
        }
      }
      status.unlocked = unlocked.size > 0;
      const counts = {};
      const items = [];
      for (const [el, info] of hidden) {
        counts[info.category] = (counts[info.category] || 0) + 1;
        items.push({ category: info.category, reason: info.reason, tag: el.localName });
      }
      status.counts = counts;
      status.items = items;
      status.hidden = hidden.size;
    }

    function injectStyle() {
      if (styleEl) return;
      styleEl = doc.createElement('style');
      styleEl.setAttribute('data-quietread-style', '');
      styleEl.textContent = css(mark);
      (doc.head || doc.documentElement).appendChild(styleEl);
    }

    function revertMarks() {
      for (const el of hidden.keys()) el.removeAttribute(mark);
      hidden.clear();
      for (const el of unlocked) el.removeAttribute(unlockAttr);
      unlocked.clear();
      for (const [el, rec] of classes) {
        if (el.getAttribute('class') === rec.after) {
          if (rec.original === null) el.removeAttribute('class');
          else el.setAttribute('class', rec.original);
        } else {
          for (const c of rec.removed) el.classList.add(c);
        }
      }
      classes.clear();
      status.hidden = 0;
      status.counts = {};
      status.items = [];
      status.unlocked = false;
    }

    function halt() {
      if (timer !== null) { clearTimeout(timer); timer = null; }
      if (observer) { observer.disconnect(); observer = null; }
      again = false;
      changed = new Set();
      rootsTouched = false;
    }

    function schedule() {
      if (timer !== null || !active || !observer) return;
      // Wait longer when a run was costly, so a page that mutates without end cannot hog the CPU.
      const delay = Math.min(1000, Math.max(30, lastCost * 10));
      timer = setTimeout(() => { timer = null; run(); }, delay);
    }

    function insideOwn(node) {
      for (let n = node; n; n = n.parentNode) if (n.nodeType === 1 && own(n)) return true;
      return false;
    }

    function onMutations(records) {
      let wake = false;
      for (const r of records) {
        const t = r.target;
        if (insideOwn(t)) continue;
        if (r.type === 'attributes') {
          if (r.attributeName === mark) {
            // The page took a mark off (or changed it): put it back, a bounded number of times.
            const info = hidden.get(t);
            if (info && t.getAttribute(mark) !== info.category) {
              const n = (reasserted.get(t) || 0) + 1;
              reasserted.set(t, n);
              if (n <= MAX_REASSERT) t.setAttribute(mark, info.category);
            }
            continue;
          }
          if (r.attributeName === unlockAttr) continue;
          if (t === doc.documentElement || t === doc.body) {
            // Quietread's own removal of a lock class is no news.
            const rec = classes.get(t);
            if (r.attributeName === 'class' && rec && rec.after === t.getAttribute('class')) continue;
            rootsTouched = true;
          }
          else changed.add(t);
          wake = true;
          continue;
        }
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && !own(n)) { changed.add(n); wake = true; }
        }
      }
      if (wake) schedule();
    }

    const api = {
      status,
      /** Start cleaning and following mutations. */
      start() {
        if (active && observer) { full = true; return run(); }
        active = true;
        full = true;
        status.error = null;
        status.active = true;
        if (options.injectStyle) injectStyle();
        if (observer) observer.disconnect();
        observer = new MutationObserver(onMutations);
        observer.observe(doc.documentElement, {
          childList: true, subtree: true, attributes: true,
          attributeFilter: ['class', 'style', 'id', 'role', 'aria-modal', 'open', 'hidden', mark],
        });
        return run();
      },
      /** Put the page back exactly as it was. */
      stop() {
        active = false;
        status.active = false;
        halt();
        revertMarks();
        measured = new WeakMap();
        article = null;
        coreState = null;
        if (overlay) overlay.remove();
        status.quoted = [];
        if (styleEl) { styleEl.remove(); styleEl = null; }
        if (options.onUpdate) options.onUpdate(status);
      },
      /** New settings: re-plan the whole page with them at once. */
      update(next) {
        settings = next;
        if (active) return api.start();
      },
      isActive() { return active; },
      /** Scroll to the first quote of a speaker; false when there is none. */
      reveal(speaker) { return overlay ? overlay.reveal(speaker) : false; },
    };
    return api;
  }

  global.QuietreadHands = { snapshot, snapshotBatch, Cleaner, css };
})(typeof globalThis !== 'undefined' ? globalThis : this);
