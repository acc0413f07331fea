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

  function clip(v) {
    return v.length > MAX_ATTR ? v.slice(0, MAX_ATTR) : v;
  }

  /**
   * Flatten the document into the core's snapshot format.
   * Returns { snapshot, nodes } where nodes[i] is the DOM node of snapshot.nodes[i].
   */
  function snapshot(doc, opts) {
    const own = opts.own || (() => false);
    const measured = opts.measured; // WeakMap element -> style read before Quietread acted
    const mark = opts.markAttr;
    const out = [];
    const nodes = [];
    const vw = doc.documentElement.clientWidth || global.innerWidth || 1;
    const vh = global.innerHeight || doc.documentElement.clientHeight || 1;
    const view = global.getComputedStyle ? global : null;
    // Explicit stack: deep pages must not overflow the JS stack.
    const stack = [[doc.documentElement, -1, -1]];
    while (stack.length) {
      const [node, parent, bodyDepth] = stack.pop();
      if (out.length >= MAX_NODES) {
        throw new Error('page too large (' + MAX_NODES + '+ nodes)');
      }
      if (node.nodeType === 3) {
        out.push({ p: parent, t: '#text', x: node.data });
        nodes.push(node);
        continue;
      }
      if (node.nodeType !== 1 || own(node)) continue;
      const tag = node.localName;
      const rec = { p: parent, t: tag };
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
          keep = !name.startsWith(mark) && ++data <= MAX_DATA_ATTRS;
        } else {
          keep = KEPT.indexOf(name) >= 0;
        }
        if (keep) (attrs || (attrs = [])).push([name, clip(a.value)]);
      }
      if (attrs) rec.a = attrs;
      const depth = tag === 'body' ? 0 : bodyDepth >= 0 ? bodyDepth + 1 : -1;
      if (view && (tag === 'html' || (depth >= 0 && depth <= STYLE_DEPTH) || isDialog(node, attrs))) {
        rec.s = measure(node, measured, vw, vh, mark);
      }
      const index = out.length;
      out.push(rec);
      nodes.push(node);
      if (OPAQUE.has(tag)) continue;
      const kids = node.childNodes;
      for (let k = kids.length - 1; k >= 0; k--) {
        const kid = kids[k];
        if (kid.nodeType === 1 || kid.nodeType === 3) stack.push([kid, index, depth]);
      }
    }
    return { snapshot: { url: String(global.location && global.location.href || ''), nodes: out }, nodes };
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
    if (measured && el.hasAttribute(mark) || measured && el.hasAttribute(mark + '-unlock')) {
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
    return '[' + mark + ']{display:none!important}' +
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
    const hidden = new Map(); // element -> { category, reason }
    const unlocked = new Set(); // html/body elements we marked
    const classes = new Map(); // element -> { original, removed: [class] , after }
    const status = { active: false, hidden: 0, counts: {}, items: [], ms: 0, runs: 0, error: null, unlocked: false };

    const exclude = options.exclude || (() => false);
    function own(node) {
      return node === styleEl || exclude(node);
    }

    async function run() {
      if (!active) return;
      if (running) { again = true; return; }
      running = true;
      const t0 = performance.now();
      try {
        const snap = snapshot(doc, { own, measured, markAttr: mark });
        const planJson = await options.planner(JSON.stringify(snap.snapshot), JSON.stringify(settings));
        if (!active) return;
        const plan = JSON.parse(planJson);
        if (plan.error) throw new Error(plan.error);
        apply(plan, snap.nodes);
        status.error = null;
      } catch (e) {
        // One line, once: the page goes back to how it was and Quietread stops watching it.
        status.error = String(e && e.message || e);
        log('Quietread: page left as it was: ' + status.error);
        revertMarks();
        halt();
      } finally {
        running = false;
        lastCost = performance.now() - t0;
        status.ms = Math.round(lastCost * 100) / 100;
        status.runs++;
        if (observer) observer.takeRecords();
        if (options.onUpdate) options.onUpdate(status);
        if (again && active && observer) { again = false; schedule(); }
      }
    }

    function apply(plan, nodes) {
      const want = new Map();
      for (const h of plan.hide || []) {
        const el = nodes[h.node];
        if (el && el.nodeType === 1) want.set(el, { category: h.category, reason: h.reason });
      }
      for (const el of Array.from(hidden.keys())) {
        // Keep elements that left the snapshot because they were removed; drop the rest.
        if (!want.has(el) && el.isConnected) { el.removeAttribute(mark); hidden.delete(el); }
        else if (!el.isConnected) hidden.delete(el);
      }
      for (const [el, info] of want) {
        if (el.getAttribute(mark) !== info.category) el.setAttribute(mark, info.category);
        hidden.set(el, info);
      }
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
          rec.removed.push(cls);
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
      for (const r of records) {
        if (insideOwn(r.target)) continue;
        if (r.type === 'attributes') { schedule(); return; }
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && !own(n)) { schedule(); return; }
        }
      }
    }

    const api = {
      status,
      /** Start cleaning and following mutations. */
      start() {
        if (active && observer) return run();
        active = true;
        status.error = null;
        status.active = true;
        if (options.injectStyle) injectStyle();
        if (observer) observer.disconnect();
        observer = new MutationObserver(onMutations);
        observer.observe(doc.documentElement, {
          childList: true, subtree: true, attributes: true,
          attributeFilter: ['class', 'style', 'id', 'role', 'aria-modal', 'open', 'hidden'],
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
        if (styleEl) { styleEl.remove(); styleEl = null; }
        if (options.onUpdate) options.onUpdate(status);
      },
      /** New settings: re-plan with them at once. */
      update(next) {
        settings = next;
        if (active) return api.start();
      },
      isActive() { return active; },
    };
    return api;
  }

  global.QuietreadHands = { snapshot, Cleaner, css };
})(typeof globalThis !== 'undefined' ? globalThis : this);
