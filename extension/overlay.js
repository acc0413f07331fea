// Quietread's quote labels: drawn over the page, never inside it. Quotations are tinted with
// the CSS Custom Highlight API where the browser has it; each label sits in the margin beside
// its quote, inside a shadow root of Quietread's own, and follows layout changes. Page text is
// only ever set as text. The core decides what is a quote and who said it; this file draws.
(function (global) {
  'use strict';

  const HIGHLIGHT = 'quietread-quote';
  const GAP = 8;
  /** Narrowest gutter, in pixels, that still takes a label of initials. */
  const COMPACT_ROOM = 22;
  /** How many ancestors are looked at for a quote's block or the page's background: enough
   *  for any real layout, and a page of thousands of nested boxes costs no more. */
  const MAX_CLIMB = 32;
  /** How often the labels are put back after the page took them off or restyled them; after
   *  that they stay away (quotes stay tinted, the popup still lists who is quoted). */
  const MAX_FIGHTS = 2;
  /** The host's own style, each declaration !important: no rule of the page outranks it, so
   *  the page's stylesheets cannot make it cover anything. Set through the CSSOM, which a
   *  page's Content-Security-Policy allows (a style attribute it may refuse). */
  const HOST_STYLE = 'all:initial!important;display:block!important;position:absolute!important;' +
    'top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;' +
    'z-index:2147483646!important;';

  /** "Tomas Andric and Hana Ostrova" -> "TA+HO". */
  function initials(name) {
    return name.split(' and ').map((n) => n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('').slice(0, 3)).join('+');
  }

  const STYLE = `
    :host { all: initial; }
    .layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
    .label {
      position: absolute; box-sizing: border-box; max-width: 190px; padding: 2px 7px;
      font: 600 11.5px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; letter-spacing: .01em;
      color: #18302a; background: #e9f5f0; border: 1px solid #8cbfae; border-radius: 10px;
      white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: default;
      pointer-events: auto; box-shadow: 0 1px 2px rgba(0,0,0,.12);
    }
    .label:focus-visible { outline: 2px solid #2f6f5e; outline-offset: 2px; }
    .label.compact { max-width: none; padding: 1px 3px; font-size: 10px; border-radius: 7px; text-align: center; }
    .dark .label { color: #e6f4ee; background: #1f3a33; border-color: #4f8f7c; }
    .tip {
      position: absolute; z-index: 1; display: none; box-sizing: border-box; width: 300px; padding: 8px 10px;
      font: 12.5px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f;
      background: #fff; border: 1px solid #c9d6d1; border-radius: 6px; box-shadow: 0 6px 18px rgba(0,0,0,.18);
      white-space: normal; pointer-events: none;
    }
    .dark .tip { color: #ececef; background: #23262a; border-color: #454a50; }
    .tip b { display: block; margin-bottom: 2px; }
    .tip i { display: block; margin-top: 4px; color: #5d6166; font-style: normal; }
    .dark .tip i { color: #a9adb3; }
    .label:hover + .tip, .label:focus + .tip { display: block; }
    @media (prefers-reduced-motion: no-preference) { .label { transition: opacity .15s; } }
  `;

  function css(highlight) {
    return '::highlight(' + highlight + '){background-color:rgba(255,196,61,.32)}';
  }

  /** Relative luminance of a CSS colour, or null when it is transparent. */
  function luminance(color) {
    const m = /rgba?\(([^)]+)\)/.exec(color || '');
    if (!m) return null;
    const [r, g, b, a] = m[1].split(',').map((x) => parseFloat(x));
    if (a === 0) return null;
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }

  /** Whether the page is dark where the article is: its nearest opaque background. */
  function darkAt(el) {
    let climb = 0;
    for (let n = el; n && n.nodeType === 1 && climb++ < MAX_CLIMB; n = n.parentElement) {
      const l = luminance(global.getComputedStyle(n).backgroundColor);
      if (l !== null) return l < 0.3;
    }
    const l = luminance(global.getComputedStyle(el.ownerDocument.documentElement).backgroundColor);
    return l !== null && l < 0.3;
  }

  function blockOf(node) {
    let el = node.nodeType === 1 ? node : node.parentElement;
    for (let climb = 0; el && el.parentElement && climb < MAX_CLIMB; climb++) {
      const d = global.getComputedStyle(el).display;
      if (d !== 'inline' && d !== 'contents') return el;
      el = el.parentElement;
    }
    return el;
  }

  /**
   * An overlay for one document. `own(el)` is given the host so snapshots can skip it.
   * update(quotes, nodes, point) draws labels for plan.quotes; clear() takes everything away.
   */
  function Overlay(doc, options) {
    const opts = options || {};
    let host = null;
    let layer = null;
    let items = []; // { range, label, tip, block, speaker }
    let toned = false; // whether the labels' light or dark look was chosen for these quotes
    let frame = 0;
    let resize = null;
    let guard = null; // watches the page for what it does to the host
    let fights = 0;
    let worn = null; // HOST_STYLE as the browser writes it back, learnt when first needed
    const hasHighlights = !!(global.CSS && CSS.highlights && global.Highlight);

    /** Give the host its attributes and its style, and no other attribute the page may have
     *  added. */
    function dress() {
      for (const a of Array.from(host.attributes)) {
        if (a.name !== 'data-quietread-overlay' && a.name !== 'style') host.removeAttribute(a.name);
      }
      if (!host.hasAttribute('data-quietread-overlay')) host.setAttribute('data-quietread-overlay', '');
      host.style.cssText = HOST_STYLE;
      // What was just written is ours: the guard need not see it.
      if (guard) guard.takeRecords();
    }

    /** Whether the page left the host as dressed. Its style is read back only when the page
     *  wrote to it (`records`): serialising `all: initial` costs a quarter of a millisecond,
     *  too much for every pass, and a page that writes the same style again is no attack. */
    function dressed(records) {
      if (host.attributes.length !== 2 || !host.hasAttribute('data-quietread-overlay')) return false;
      if (!records.some((r) => r.target === host && r.attributeName === 'style')) return host.hasAttribute('style');
      if (worn === null) {
        const probe = doc.createElement('quietread-labels');
        probe.style.cssText = HOST_STYLE;
        worn = probe.getAttribute('style');
      }
      return host.getAttribute('style') === worn;
    }

    /** The page took the host off or restyled it: put it back, MAX_FIGHTS times; then leave. */
    function defend(records) {
      if (host.isConnected && dressed(records)) return;
      if (++fights > MAX_FIGHTS) {
        guard.disconnect();
        host.remove();
        return;
      }
      dress();
      if (!host.isConnected) {
        doc.documentElement.appendChild(host);
        guard.takeRecords();
      }
      schedule();
    }

    /** The host and its layer, made once; after the page won, they stay off the page. */
    function ensureHost() {
      if (host) return;
      host = doc.createElement('quietread-labels');
      dress();
      const root = host.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = STYLE;
      layer = doc.createElement('div');
      layer.className = 'layer';
      layer.setAttribute('role', 'group');
      layer.setAttribute('aria-label', 'Quietread: who said each quotation');
      root.append(style, layer);
      doc.documentElement.appendChild(host);
      guard = new MutationObserver(defend);
      guard.observe(doc.documentElement, { childList: true });
      guard.observe(host, { attributes: true });
    }

    /** A quotation's range, from its start and end: [text node, offset] pairs. */
    function rangeFor(q, nodes, point) {
      const a = point(nodes[q.start[0]], q.start[1]);
      const b = point(nodes[q.end[0]], q.end[1]);
      if (!a || !b || a[0].nodeType !== 3 || b[0].nodeType !== 3) return null;
      if (a[1] > a[0].data.length || b[1] > b[0].data.length) return null;
      const r = doc.createRange();
      try {
        r.setStart(a[0], a[1]);
        r.setEnd(b[0], b[1]);
      } catch (e) {
        return null;
      }
      return r.collapsed ? null : r;
    }

    function describe(q) {
      return 'Quote by ' + q.speaker + (q.role ? ', ' + q.role : '');
    }

    /** Draw labels for the plan's quotes; `nodes` maps snapshot indices to DOM nodes, and
     *  `point(node, offset)` (optional) gives the text node and offset for a quote's start
     *  or end when a snapshot index stands for more than one text node. */
    function update(quotes, nodes, point) {
      point = point || ((n, offset) => (n ? [n, offset] : null));
      clear();
      if (!quotes || !quotes.length) { remove(); return; }
      ensureHost();
      const ranges = [];
      const drawn = doc.createDocumentFragment();
      for (const q of quotes) {
        const range = rangeFor(q, nodes, point);
        if (!range) continue;
        ranges.push(range);
        const label = doc.createElement('span');
        label.className = 'label';
        label.tabIndex = 0;
        label.setAttribute('role', 'note');
        label.textContent = q.speaker;
        label.setAttribute('aria-label', describe(q) + ': ' + q.quote);
        label.dataset.speaker = q.speaker;
        const tip = doc.createElement('span');
        tip.className = 'tip';
        tip.setAttribute('aria-hidden', 'true');
        const who = doc.createElement('b');
        who.textContent = q.speaker + (q.role ? ' — ' + q.role : '');
        tip.append(who);
        if (q.cue) {
          const cue = doc.createElement('i');
          cue.textContent = q.cue;
          tip.append(cue);
        }
        drawn.append(label, tip);
        // The core names the quote's block; a block it could not name is found in place().
        const block = nodes[q.block];
        items.push({ range, label, tip, block: block && block.nodeType === 1 && block.contains(range.startContainer) ? block : null, speaker: q.speaker });
      }
      layer.append(drawn);
      if (hasHighlights && ranges.length) CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
      toned = false;
      // Placed in the next frame, before it is painted: the styles and layout it reads are
      // the ones the browser makes then anyway, not forced ones in the middle of a task (the
      // page's marks have just changed).
      schedule();
      follow();
    }

    /** Put each label in the margin beside its quote's first line, without overlaps. Run in a
     *  frame: it finds the blocks the core could not name, picks the light or dark look once
     *  per set of quotes, then reads layout for all labels at once and writes it, so the page
     *  lays out once or twice, not once per label. */
    function place() {
      frame = 0;
      if (!items.length || !host || !host.isConnected) return;
      const sx = global.scrollX;
      const sy = global.scrollY;
      const vw = doc.documentElement.clientWidth;
      for (const it of items) {
        if (it.block) continue;
        it.block = blockOf(it.range.startContainer);
        const container = it.block && it.block.parentElement;
        if (resize && container) resize.observe(container);
      }
      const toneFrom = items.find((it) => it.block);
      if (!toned && toneFrom) {
        toned = true;
        layer.classList.toggle('dark', darkAt(toneFrom.block));
      }
      for (const it of items) {
        if (it.label.style.display) it.label.style.display = '';
        compact(it, false);
      }
      const seen = items.map((it) => {
        const rects = it.range.getClientRects();
        if (!rects.length || !it.range.startContainer.isConnected) return null;
        const first = rects[0];
        const boxOf = (el) => (el && el.isConnected ? el.getBoundingClientRect() : first);
        let block = boxOf(it.block);
        // A block the core named may have no box of its own (display: contents): the nearest
        // ancestor that has one.
        if (!block.width && !block.height && it.block) {
          it.block = blockOf(it.range.startContainer);
          block = boxOf(it.block);
        }
        return { first, block, w: Math.min(190, it.label.offsetWidth || 120), h: it.label.offsetHeight || 18 };
      });
      const narrow = [];
      for (let k = 0; k < items.length; k++) {
        const m = seen[k];
        if (!m) continue;
        const { block, w } = m;
        if (block.right + GAP + w <= vw) { m.x = block.right + GAP; m.side = 'right'; }
        else if (block.left - GAP - w >= 0) { m.x = block.left - GAP - w; m.side = 'left'; }
        else if (block.left >= COMPACT_ROOM) { m.side = 'left'; narrow.push(k); }
        else { m.x = Math.max(0, Math.min(m.first.left, vw - w)); m.side = 'above'; }
      }
      // A narrow page: the speaker's initials in the gutter, the full name on hover or focus.
      for (const k of narrow) compact(items[k], true);
      for (const k of narrow) {
        const m = seen[k];
        m.x = Math.max(0, m.block.left - 2 - (items[k].label.offsetWidth || 20));
      }
      let lastBottom = -Infinity;
      let lastSide = null;
      for (let k = 0; k < items.length; k++) {
        const it = items[k];
        const m = seen[k];
        if (!m) {
          it.label.style.display = 'none';
          continue;
        }
        const { first, h, x, side } = m;
        let y = side === 'above' ? first.top - h - 2 : first.top + (first.height - h) / 2;
        if (side === lastSide && y < lastBottom + 4) y = lastBottom + 4;
        lastBottom = y + h;
        lastSide = side;
        it.label.style.left = Math.round(x + sx) + 'px';
        it.label.style.top = Math.round(y + sy) + 'px';
        it.tip.style.left = Math.round(Math.max(0, Math.min(x, vw - 300)) + sx) + 'px';
        it.tip.style.top = Math.round(y + h + 4 + sy) + 'px';
      }
    }

    function schedule() {
      if (!frame) frame = global.requestAnimationFrame(place);
    }

    /** Show a label as the speaker's initials, or in full. */
    function compact(it, on) {
      if (it.label.classList.contains('compact') === on) return;
      it.label.classList.toggle('compact', on);
      it.label.textContent = on ? initials(it.speaker) : it.speaker;
    }

    /** Follow layout changes: resizes of the window and of the quotes' blocks (images
     *  loading, fonts, late paragraphs pushing text down). */
    function follow() {
      global.addEventListener('resize', schedule);
      if (global.ResizeObserver) {
        resize = new ResizeObserver(schedule);
        const seen = new Set();
        for (const it of items) {
          const container = it.block && it.block.parentElement;
          if (container && !seen.has(container)) { seen.add(container); resize.observe(container); }
        }
        resize.observe(doc.documentElement);
      }
    }

    /** Take every label and highlight away. */
    function clear() {
      if (frame) { global.cancelAnimationFrame(frame); frame = 0; }
      global.removeEventListener('resize', schedule);
      if (resize) { resize.disconnect(); resize = null; }
      if (hasHighlights) CSS.highlights.delete(HIGHLIGHT);
      items = [];
      if (layer) layer.replaceChildren();
    }

    function remove() {
      clear();
      if (guard) guard.disconnect();
      if (host) host.remove();
      host = null;
      layer = null;
      guard = null;
      fights = 0;
    }

    /** Who is quoted and how often, in order of first quote. */
    function people() {
      const out = [];
      for (const it of items) {
        const p = out.find((o) => o.speaker === it.speaker);
        if (p) p.count++; else out.push({ speaker: it.speaker, count: 1 });
      }
      return out;
    }

    /** Scroll to the first quote of a speaker and focus its label. */
    function reveal(speaker) {
      const it = items.find((i) => i.speaker === speaker);
      if (!it) return false;
      const r = it.range.getBoundingClientRect();
      global.scrollTo({ top: global.scrollY + r.top - global.innerHeight / 3, behavior: 'smooth' });
      it.label.focus({ preventScroll: true });
      return true;
    }

    return {
      update, clear, remove, people, reveal, place,
      isOwn: (node) => node === host,
      get count() { return items.length; },
    };
  }

  global.QuietreadOverlay = { Overlay, css, HIGHLIGHT };
})(typeof globalThis !== 'undefined' ? globalThis : this);
