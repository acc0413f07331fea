// Quietread's hands: snapshot the DOM, apply a plan from the core, follow mutations, revert.
// They decide nothing: every decision comes from the Rust core through `planner`.
// Shared by the extension's content script and the demo page; no browser-extension APIs here.
(function (global) {
  'use strict';

  /** Elements whose insides are never page text; recorded without their children. */
  const OPAQUE = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'canvas', 'video', 'audio', 'object']);
  /** Attributes carried into the snapshot besides id and class. */
  const KEPT = ['role', 'aria-modal', 'aria-label', 'name', 'type', 'placeholder', 'action', 'src', 'href'];
  const MAX_DATA_ATTRS = 4;
  const MAX_ATTR = 200;
  /** How deep below <body> styles are read for every element (overlays live near the top). */
  const STYLE_DEPTH = 3;
  /** Pages with more elements than this are left alone, and the popup says so: ten times the
   *  largest page of the evaluation corpus, where a full pass would hold a page for seconds. */
  const MAX_ELEMENTS = 50000;
  /** The core is given at most this many nodes (text and shadow roots included); beyond it
   *  the page is left alone too. */
  const MAX_NODES = 200000;
  /** A mutation batch bigger than this share of the page is planned as a whole page again. */
  const BATCH_SHARE = 0.5;
  /** Shortest wait between a mutation and the batch that reads it (mutations come in bursts). */
  const MIN_DELAY_MS = 10;
  /** How often Quietread puts a mark back, at one place of the page, after the page took it
   *  off or swapped the marked element for a copy (a page may re-render a prompt a few times
   *  on its own); after that the place is pinned instead. */
  const MAX_FIGHTS = 5;

  /** A promise that settles in a new task, soon: a message through a channel, an ordinary
   *  task, so the page's own timers and tasks get their turn in between (scheduler.yield's
   *  continuations would go first and starve them; nested timeouts are clamped to 4 ms). */
  function pause() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }

  function clip(v) {
    return v.length > MAX_ATTR ? v.slice(0, MAX_ATTR) : v;
  }

  /** An error that leaves the page alone on purpose; `kind` tells the popup why. */
  function bail(kind, message, count, limit) {
    return Object.assign(new Error(message), { kind, count, limit });
  }

  /** A node's parent in the composed tree: its parent element, or the host of the shadow root
   *  it sits in. */
  function up(node) {
    const p = node.parentNode;
    return p && p.nodeType === 11 ? p.host || null : node.parentElement;
  }

  /** How long one slice of a full snapshot walk may run before it yields to the page. */
  const SLICE_MS = 8;

  /** What a snapshot walk needs: where it writes, how it measures, and where it stands. */
  function walker(doc, opts) {
    return {
      own: opts.own || (() => false),
      measured: opts.measured, // WeakMap element -> style read before Quietread acted
      changedByUs: opts.changedByUs || (() => false), // element -> whether Quietread hid it
      mark: opts.markAttr,
      out: [],
      nodes: [],
      shadows: [], // open shadow roots walked into
      elements: 0,
      vw: doc.documentElement.clientWidth || global.innerWidth || 1,
      vh: global.innerHeight || doc.documentElement.clientHeight || 1,
      view: global.getComputedStyle ? global : null,
      // The walk's stack, as three parallel arrays: node, parent index, depth below <body>.
      stack: [], parents: [], depths: [],
      // A text node of white space alone not sent yet, and its parent's record.
      held: null, heldParent: -1,
      measureRoot: null,
    };
  }

  /*
   * The packed snapshot the core reads (src/packed.rs): one string, records separated by
   * U+0001, their fields by U+0002, parts of a field by U+0003. Building strings as the walk
   * goes costs little more than the walk itself, where arrays and JSON cost twice as much.
   * A text node is `parent, #text, text`; an element `parent, tag, id, class, attributes,
   * style, flags` (k: context node of a batch, a: the article, s: white space before it).
   */
  const RECORD = '\u0001';
  const FIELD = '\u0002';
  const PART = '\u0003';
  const SEPARATORS = /[\u0001-\u0003]/g;
  const HAS_SEPARATOR = /[\u0001-\u0003]/;
  const same = (v) => v;
  /** White space as HTML's parser counts it. */
  const ASCII_BLANK = /^[ \t\n\f\r]*$/;
  /** A text of white space alone, as the core counts white space (Rust's char::is_whitespace:
   *  JavaScript's \s without U+FEFF, with U+0085). */
  const BLANK = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

  /** Text as the core may read it: a record separator inside it becomes a space (the core
   *  would refuse the snapshot otherwise); field separators are allowed in text. */
  function packText(s) {
    return s.indexOf(RECORD) < 0 ? s : s.split(RECORD).join(' ');
  }

  /** A tag, id, class, attribute name or value with every separator made a space. */
  function packValue(s) {
    SEPARATORS.lastIndex = 0;
    return SEPARATORS.test(s) ? s.replace(SEPARATORS, ' ') : s;
  }

  /** A measured style as the record's style field (the area in ten-thousandths). */
  function packStyle(s) {
    return s.position + PART + s.overflow + PART + s.z + PART + (s.covers_center ? 1 : 0) + PART +
      Math.round(Math.min(1, Math.max(0, s.area || 0)) * 10000) + PART + (s.visible ? 1 : 0);
  }

  /** One element's record with its kept attributes. Its style is read when `measureIt`, or
   *  when it is a dialog; `flags` end the record. */
  function record(w, node, parent, measureIt, flags) {
    const tag = node.localName;
    const id = node.getAttribute('id');
    const cls = node.getAttribute('class');
    const all = node.attributes;
    let attrs = '';
    let dialog = tag === 'dialog';
    // Most elements carry nothing but an id and a class: their attributes need no loop.
    if (all.length > (id === null ? 0 : 1) + (cls === null ? 0 : 1)) {
      let data = 0;
      for (let k = 0; k < all.length; k++) {
        const a = all[k];
        const name = a.name;
        let keep = false;
        if (name.startsWith('data-')) {
          keep = !name.startsWith(w.mark) && ++data <= MAX_DATA_ATTRS;
        } else {
          keep = KEPT.indexOf(name) >= 0;
        }
        if (!keep) continue;
        const value = clip(a.value);
        if ((name === 'role' && (value === 'dialog' || value === 'alertdialog')) || (name === 'aria-modal' && value === 'true')) dialog = true;
        attrs += (attrs ? PART : '') + packValue(name) + PART + packValue(value);
      }
    }
    const style = w.view && (measureIt || dialog) ? packStyle(measure(node, w)) : '';
    // The parser lets control characters into tag and attribute names too.
    // One test for the three names: separators in them are rare.
    const clean = !HAS_SEPARATOR.test(id ? (cls ? tag + id + cls : tag + id) : cls ? tag + cls : tag);
    const pv = clean ? same : packValue;
    return parent + FIELD + pv(tag) + FIELD + (id ? pv(id) : '') + FIELD + (cls ? pv(cls) : '') +
      FIELD + attrs + FIELD + style + FIELD + flags;
  }

  /** Start a walk of `root` and everything under it. `bodyDepth` is the root's depth below
   *  <body>, -1 when outside it; `measureRoot` has the root's style read whatever its depth. */
  function begin(w, root, parent, bodyDepth, measureRoot) {
    w.held = null; // white space is only told between nodes of one walk
    w.stack.push(root);
    w.parents.push(parent);
    w.depths.push(bodyDepth);
    if (measureRoot) w.measureRoot = root;
  }

  /** Walk on until the stack is empty (true) or `deadline` (a performance.now() time) has
   *  passed (false). An explicit stack: deep pages cannot overflow the JS stack. Nodes taken
   *  out of the page while the walk was paused are skipped. An open shadow root's children
   *  are walked as the first children of its host, so hiding reaches into it. */
  function walkSome(w, deadline) {
    const { stack, parents, depths } = w;
    let count = 0;
    while (stack.length) {
      if ((++count & 255) === 0 && performance.now() > deadline) return false;
      const node = stack.pop();
      const parentIndex = parents.pop();
      const depth = depths.pop();
      if (w.out.length >= MAX_NODES) {
        throw bail('large', 'page too large (' + MAX_NODES + '+ nodes)', w.out.length, MAX_NODES);
      }
      if (node.nodeType === 3) {
        const data = node.data;
        // White space alone (most text nodes of a page) is not sent: the next element says
        // it had some before it (flag `s`), which is all the core needs of it. Text opening
        // with a printable ASCII character needs no regular expression.
        const first = data.charCodeAt(0); // NaN when empty
        if (!(first > 32 && first < 0x85) && BLANK.test(data)) {
          if (data.length) {
            w.held = node;
            w.heldParent = parentIndex;
          }
          continue;
        }
        if (w.held) {
          // White space right before text (adjacent text nodes, rare) is sent as it is.
          w.out.push(w.heldParent + FIELD + '#text' + FIELD + packText(w.held.data));
          w.nodes.push(w.held);
          w.held = null;
        }
        w.out.push(parentIndex + FIELD + '#text' + FIELD + packText(data));
        w.nodes.push(node);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const tag = node.localName;
      if (w.own(node, tag) || (w.paused && !node.isConnected)) continue;
      const d = tag === 'body' ? 0 : depth;
      const index = w.out.length;
      const flags = w.held ? 's' : '';
      w.held = null;
      w.out.push(record(w, node, parentIndex, tag === 'html' || (d >= 0 && d <= STYLE_DEPTH) || node === w.measureRoot, flags));
      w.nodes.push(node);
      w.elements++;
      if (OPAQUE.has(tag)) continue;
      const next = d >= 0 ? d + 1 : -1;
      pushChildren(w, node, index, next);
      const shadow = node.shadowRoot;
      if (shadow) {
        w.shadows.push(shadow);
        pushChildren(w, shadow, index, next);
      }
    }
    return true;
  }

  /** Put a node's element and text children on the walk's stack, the first one on top. */
  function pushChildren(w, node, index, depth) {
    for (let kid = node.lastChild; kid; kid = kid.previousSibling) {
      const type = kid.nodeType;
      if (type === 1 || type === 3) {
        w.stack.push(kid);
        w.parents.push(index);
        w.depths.push(depth);
      }
    }
  }

  /** The walk's records as a packed snapshot: a header (`qr1`, the node count, the address,
   *  and for a batch the core's state), then the records. */
  function result(w, state) {
    let head = 'qr1' + FIELD + w.out.length + FIELD + packValue(String(global.location && global.location.href || ''));
    if (state) head += FIELD + (Number(state.article_text) || 0) + FIELD + (state.modal ? 1 : 0);
    const snap = w.out.length ? head + RECORD + w.out.join(RECORD) : head;
    return { snapshot: snap, nodes: w.nodes, elements: w.elements, shadows: w.shadows };
  }

  /**
   * Flatten the document into the core's packed snapshot, in one go.
   * Returns { snapshot, nodes, elements, shadows } where nodes[i] is the DOM node of record i.
   */
  function snapshot(doc, opts) {
    const w = walker(doc, opts);
    begin(w, doc.documentElement, -1, -1, false);
    walkSome(w, Infinity);
    return result(w);
  }

  /** The same snapshot, walked in slices of SLICE_MS with `pause()` (a promise) between them,
   *  so a large page never holds the main thread for long. */
  async function snapshotSliced(doc, opts, pause) {
    const w = walker(doc, opts);
    begin(w, doc.documentElement, -1, -1, false);
    while (!walkSome(w, performance.now() + SLICE_MS)) {
      w.paused = true;
      await pause();
    }
    return result(w);
  }

  /** Long markup whose scripts and styles hold more than STRIP_SHARE of it goes to the core
   *  without their text, which the core never reads. Getting a string into the wasm costs
   *  about 4 ns a character and taking the text out about 1.4 ns a character of the whole
   *  (node, the corpus's largest pages: 1.6 MB of markup, 0.7 MB without its scripts, in
   *  2 ms where the copy saved 3.5 ms). */
  const STRIP_ABOVE = 200000;
  const STRIP_SHARE = 0.4;
  /** A script or style element and its text. The serializer writes neither `</script` in a
   *  script's text nor (in current browsers) `>` in an attribute, and markup that comes out
   *  wrong all the same has the core refuse it (the element count, the tags closed). */
  const RAW_TEXT = /(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/g;

  /** A page with more elements than this is walked in slices rather than serialized in one
   *  go, which would hold the main thread for longer than a frame or two (serializing 40,000
   *  elements and reading them took 190 ms in one task). The corpus's largest page has under
   *  7,000 elements. */
  const MARKUP_MAX_ELEMENTS = 6000;

  /** Dialogs, whose style the snapshot carries wherever they are (as `record` tells them). */
  const DIALOGS = 'dialog,[role="dialog"],[role="alertdialog"],[aria-modal="true"]';
  /** Inside one of these, nothing is read (`OPAQUE` as a selector). */
  const OPAQUE_SELECTOR = Array.from(OPAQUE).join(',');

  /**
   * The page as the browser serializes it, for the core to read (src/markup.rs): one native
   * call where the walk makes several from script for every node, so much quicker. The header
   * carries the element count and the styles the walk would read, in document order; the core
   * gives back the places of the nodes its plan names (`plan.at`), found again here in a static
   * list of the elements taken with the markup, which later changes to the page cannot shift.
   * Null where only the walk will do: a caller's exclusions, an open shadow root (whose
   * insides the markup leaves out), a document that is not HTML.
   */
  function snapshotMarkup(doc, opts) {
    if (opts.exclude || doc.contentType !== 'text/html' || !doc.documentElement) return null;
    const root = doc.documentElement;
    const all = doc.querySelectorAll('*');
    if (all.length > MARKUP_MAX_ELEMENTS) return null;
    const own = opts.own || (() => false);
    for (let i = 0; i < all.length; i++) {
      const el = all[i];
      if (el.shadowRoot && !own(el, el.localName)) return null;
    }
    const w = walker(doc, opts);
    // What the walk measures: <html>, the body down to STYLE_DEPTH, and dialogs.
    const styled = [];
    const top = (el, depth) => {
      if (own(el, el.localName)) return;
      styled.push(el);
      if (OPAQUE.has(el.localName) || depth >= STYLE_DEPTH) return;
      for (let kid = el.firstElementChild; kid; kid = kid.nextElementSibling) {
        top(kid, kid.localName === 'body' ? 0 : depth + 1);
      }
    };
    if (!own(root, root.localName)) styled.push(root);
    for (let kid = root.firstElementChild; kid; kid = kid.nextElementSibling) {
      if (kid.localName === 'body') top(kid, 0);
    }
    const measuredHere = new Set(styled);
    let deep = false;
    for (const d of doc.querySelectorAll(DIALOGS)) {
      if (measuredHere.has(d)) continue;
      const p = d.parentElement;
      if (own(d, d.localName) || (p && p.closest(OPAQUE_SELECTOR)) || insideOwnTree(d, own)) continue;
      styled.push(d);
      deep = true;
    }
    if (deep) styled.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1)); // 4: b follows a
    let { html, gap, counted } = pageMarkup(doc, own, all.length);
    let head = 'qm1' + FIELD + packValue(String(global.location && global.location.href || '')) +
      FIELD + w.mark + FIELD + counted;
    for (const el of styled) head += FIELD + el.localName + PART + packStyle(measure(el, w));
    let raw = 0; // characters of script and style text, counted in long markup only
    const weight = html.length;
    if (html.length > STRIP_ABOVE) {
      for (const el of (gap ? doc.body : doc).querySelectorAll('script,style')) raw += el.textContent.length;
      if (raw > STRIP_SHARE * html.length) html = html.replace(RAW_TEXT, '$1$3');
    }
    return { snapshot: head + RECORD + html, all, gap, elements: all.length, shadows: [], weight: weight - raw };
  }

  /**
   * `<html>` as the core reads it (src/markup.rs): nothing inside `<head>` is read, so when
   * `<html>` holds only `<head>`, `<body>`, white space, comments and Quietread's own elements
   * (the labels' host), its start tag, the head's with no content, the white space and the
   * body's `outerHTML` (on the corpus, a sixth less markup at the median, and 0.3 to 0.4 ms less
   * to serialize and read). `gap` is the number of elements that leaves out right after the
   * head (those inside it) and `counted` the number it holds; otherwise the whole
   * `outerHTML`, no gap, and all `total` elements of the document.
   */
  function pageMarkup(doc, own, total) {
    const root = doc.documentElement;
    const whole = () => ({ html: root.outerHTML, gap: 0, counted: total });
    let out = '';
    let seen = 0;
    let after = 0; // Quietread's own elements after the body, and theirs
    for (let n = root.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        if (seen === 2 && own(n, n.localName)) {
          after += 1 + n.getElementsByTagName('*').length;
          continue;
        }
        seen++;
        if (seen === 1 && n === doc.head) out += n.cloneNode(false).outerHTML;
        else if (seen === 2 && n === doc.body && n.localName === 'body') out += n.outerHTML;
        else return whole();
      } else if (n.nodeType === 3) {
        if (!ASCII_BLANK.test(n.data)) return whole();
        out += n.data;
      } else if (n.nodeType !== 8) return whole();
    }
    if (seen !== 2) return whole();
    const shell = root.cloneNode(false).outerHTML;
    const gap = doc.head.getElementsByTagName('*').length;
    return { html: shell.slice(0, shell.length - '</html>'.length) + out + '</html>', gap, counted: total - gap - after };
  }

  /** Whether an element sits inside one of Quietread's own. */
  function insideOwnTree(el, own) {
    for (let a = el.parentElement; a; a = a.parentElement) if (own(a, a.localName)) return true;
    return false;
  }

  /**
   * The nodes a plan of a markup snapshot names, from the places the core gave (`plan.at`:
   * `[index, element position, run of text or 2^32 - 1 for the element itself]`): an array
   * with an element at each index that names one, and for a text the run (its parent and
   * which run of its text); `point` turns a run and an offset in it into a text node and an
   * offset in that node. Positions are among the elements of the markup (`markup.all` less
   * the `markup.gap` elements inside the head, when the markup left them out).
   */
  function placed(markup, at) {
    const { all, gap } = markup;
    const nodes = [];
    for (const [i, pos, run] of at || []) {
      const el = all[pos < 2 || !gap ? pos : pos + gap];
      if (!el) continue;
      nodes[i] = run === 0xffffffff ? el : { parent: el, run };
    }
    return nodes;
  }

  /** A text node and an offset in it for `offset` in the node `n` of a snapshot: `n` itself
   *  when it is a text node, else a run of text (see `placed`): its non-empty text nodes, up
   *  to an element or a comment, counted among its parent's. Null when it is not there. */
  function point(n, offset) {
    if (!n) return null;
    if (n.nodeType === 3) return [n, offset];
    if (!n.parent) return null;
    let k = -1;
    let inRun = false;
    for (let c = n.parent.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 3) {
        if (k >= n.run) break;
        inRun = false;
        continue;
      }
      const len = c.data.length;
      if (!len) continue;
      if (!inRun) { k++; inRun = true; }
      if (k !== n.run) continue;
      if (offset <= len) return [c, offset];
      offset -= len;
    }
    return null;
  }

  /**
   * A mutation batch: each changed subtree whole, under its chain of ancestors given as context
   * nodes, always including <html> and <body>; `article` (the element the core named in
   * the full pass) is flagged; `state` is what the core said last time.
   */
  function snapshotBatch(doc, roots, opts, article, state) {
    const w = walker(doc, opts);
    const index = new Map(); // element -> index of its context record
    function context(el) {
      const chain = [];
      for (let a = el; a && !index.has(a); a = up(a)) chain.push(a);
      for (let k = chain.length - 1; k >= 0; k--) {
        const e = chain[k];
        const parent = up(e);
        const measureIt = e.localName === 'html' || e.localName === 'body';
        index.set(e, w.out.length);
        w.out.push(record(w, e, parent ? index.get(parent) : -1, measureIt, e === article ? 'ka' : 'k'));
        w.nodes.push(e);
      }
      return index.get(el);
    }
    context(doc.body || doc.documentElement);
    for (const root of roots) {
      let body = -1;
      let depth = 0;
      for (let a = up(root); a; a = up(a)) {
        depth++;
        if (a === doc.body) body = depth;
      }
      const parent = context(up(root) || doc.documentElement);
      const first = w.out.length;
      begin(w, root, parent, body, true);
      walkSome(w, Infinity);
      if (root === article && w.out.length > first && !w.out[first].endsWith('a')) w.out[first] += 'a';
    }
    return result(w, state || {});
  }

  /** Read position, overflow, z-index and geometry. Elements Quietread already changed report
   *  what they were before, so a plan stays the same after it has been applied. */
  function measure(el, w) {
    const { measured, vw, vh, mark } = w;
    if (measured && (el.hasAttribute(mark) || el.hasAttribute(mark + '-unlock') || w.changedByUs(el))) {
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

  /** Whether `sel` names `el` and nothing else in its tree (document or shadow root). */
  function namesOnly(el, sel, root) {
    try {
      const found = root.querySelectorAll(sel);
      return found.length === 1 && found[0] === el;
    } catch (e) {
      return false;
    }
  }

  /** What a page's attribute edits cannot tell apart: an element's tag, class and id. */
  function shape(el) {
    return el.localName + '.' + (el.getAttribute('class') || '') + '#' + (el.getAttribute('id') || '');
  }

  /**
   * A cleaner for one document.
   * options: planner(snapshot, coreSettings, weight) -> Promise<planJson> (`weight`, for a
   *          markup snapshot: its length without its scripts' and styles' text, which the
   *          core passes over); labeler(ticket) ->
   *          Promise<quotesJson> (optional: the quotations a plan put off, found after the
   *          cleanup is on the page; without it they come with the plan); settings (the core's
   *          settings, plus `selectors`: the site's own CSS selectors of things to hide);
   *          markAttr (default 'data-quietread'); injectStyle (bool); exclude(node) -> bool
   *          (parts of the page never to read); onUpdate(status); log(msg)
   */
  function Cleaner(doc, options) {
    const mark = options.markAttr || 'data-quietread';
    const unlockAttr = mark + '-unlock';
    const log = options.log || ((m) => global.console && console.warn(m));
    let settings = options.settings || {};
    let active = false;
    let generation = 0; // bumped by stop(): a pass that was waiting then must not go on
    let observer = null;
    let timer = null;
    let running = false;
    let again = false;
    let batchCost = 0; // what the last mutation batch cost, in ms
    let taskStart = 0; // when the current slice of a run began
    let measured = new WeakMap();
    // What the last full pass learnt, for the mutation batches after it.
    let full = true; // the next run plans the whole page
    let article = null;
    let coreState = null;
    let pageElements = 0;
    let walkOnly = false; // the core refused this page's markup once: walk it
    let changed = new Set(); // elements added or changed since the last run
    let rootsTouched = false; // <html> or <body> attributes changed (a scroll lock, perhaps)
    const hidden = new Map(); // element -> { category, reason }
    const pins = new Map(); // element hidden by a rule -> { sel, root }
    let fights = new WeakMap(); // parent node -> Map(shape of a child -> marks undone there)
    let watched = new WeakSet(); // open shadow roots the observer follows
    const sheets = new Map(); // document or shadow root -> Quietread's <style> in it
    const ownStyles = new WeakSet();
    const unlocked = new Set(); // html/body elements we marked
    const classes = new Map(); // element -> { original, removed: [class] , after }
    // The reading position before Quietread changed anything (while the reader has not
    // scrolled since), and where the page was scrolled after Quietread's last change.
    let home = null;
    let landed = null;
    let passes = 0; // full passes so far, so a late frame reading belongs to the latest one
    // read: how the last full pass read the page, 'markup' or 'walk'.
    const status = { read: null, active: false, hidden: 0, counts: {}, items: [], quoted: [], ms: 0, cleanedAt: 0, labelMs: 0, labelsAgain: 0, batchMs: 0, runs: 0, batches: 0, error: null, problem: null, unlocked: false };
    const OBSERVE = {
      childList: true, subtree: true, attributes: true, characterData: true,
      attributeFilter: ['class', 'style', 'id', 'role', 'aria-modal', 'open', 'hidden', mark],
    };

    const exclude = options.exclude || null;
    const Overlay = global.QuietreadOverlay;
    const overlay = Overlay ? Overlay.Overlay(doc) : null;
    /** Whether an element is one of Quietread's own (a stylesheet, the labels' host) or one
     *  the caller excludes. The walk asks of every element: it passes the tag it has read. */
    function own(node, tag) {
      const t = tag || node.localName;
      if (t === 'style') return ownStyles.has(node);
      if (t === 'quietread-labels' && overlay !== null && overlay.isOwn(node)) return true;
      return exclude !== null && exclude(node);
    }
    // `exclude` tells the markup snapshot that parts of the page are the caller's, which only
    // the walk can leave out.
    const walkOptions = () => ({ own, measured, markAttr: mark, changedByUs: (el) => pins.has(el), exclude: exclude !== null });

    /** Whether an element is hidden, or sits inside a hidden element, shadow roots crossed. */
    function insideHidden(el) {
      for (let a = el; a; a = up(a)) if (a.hasAttribute(mark) || pins.has(a)) return true;
      return false;
    }

    /** The changed elements worth a look: connected, outermost, not inside a hidden box. */
    function batchRoots() {
      const roots = new Set();
      for (const el of changed) {
        if (el.isConnected && !insideOwn(el) && !insideHidden(el)) roots.add(el);
      }
      const out = [];
      outer: for (const el of roots) {
        for (let a = up(el); a; a = up(a)) if (roots.has(a)) continue outer;
        out.push(el);
      }
      return out;
    }

    /** Let the page run, then start a new slice. */
    async function rest() {
      await pause();
      taskStart = performance.now();
    }

    /** Let the page run when this task has had the main thread for a slice already. */
    async function breathe() {
      if (performance.now() - taskStart >= SLICE_MS) await rest();
    }

    /** The core's plan for a snapshot; whatever goes wrong there is the core's failure. */
    async function askCore(packed, labelsNow, weight) {
      let plan;
      try {
        plan = JSON.parse(await options.planner(packed, coreSettings(labelsNow), weight));
      } catch (e) {
        throw bail('core', String(e && e.message || e));
      }
      if (!plan || plan.error) throw bail('core', String(plan && plan.error || 'no plan'));
      return plan;
    }

    /** A full pass's quotations: with the plan, or put off under its ticket. A ticket the
     *  core no longer holds (it holds a few, for every page it plans) means planning again
     *  with the quotations in. The cleanup is on the page already: if the quotations cannot
     *  be had, the page goes without labels this pass, and the cleanup stays. */
    async function quotesOf(plan, packed) {
      if (plan.quotes_ticket == null || !options.labeler) return plan.quotes;
      try {
        const later = JSON.parse(await options.labeler(plan.quotes_ticket));
        if (Array.isArray(later)) return later;
        status.labelsAgain++;
        return (await askCore(packed, true)).quotes;
      } catch (e) {
        log('Quietread: no labels this time: ' + String(e && e.message || e));
        return [];
      }
    }

    async function run() {
      if (!active) return;
      if (running) { again = true; return; }
      running = true;
      const t0 = performance.now();
      const gen = generation;
      /** Whether this pass may go on after waiting: not stopped since it began. */
      const live = () => active && gen === generation;
      taskStart = t0;
      let batch = false;
      let planned = false;
      try {
        let snap;
        if (!full) {
          const roots = batchRoots();
          const size = roots.reduce((n, r) => n + 1 + r.getElementsByTagName('*').length, 0);
          if (size > BATCH_SHARE * pageElements) {
            full = true;
          } else if (!roots.length && !rootsTouched) {
            changed.clear();
            return;
          } else {
            batch = true;
            snap = snapshotBatch(doc, roots, walkOptions(), article, coreState);
          }
        }
        changed.clear();
        rootsTouched = false;
        if (!batch) {
          // A full pass is taken now: a settings change while it runs asks for another.
          full = false;
          const count = doc.getElementsByTagName('*').length;
          if (count > MAX_ELEMENTS) throw bail('large', 'page too large (' + count + ' elements)', count, MAX_ELEMENTS);
          snap = (!walkOnly && snapshotMarkup(doc, walkOptions())) || await snapshotSliced(doc, walkOptions(), rest);
          if (!live()) return;
        }
        if (!batch) await breathe();
        if (!live()) return;
        let plan = null;
        if (snap.all) {
          // Markup the core refuses (or a plan that does not place what it names) is no
          // failure: the page is walked instead, from now on. A core that fails is one.
          plan = await askCore(snap.snapshot, false, snap.weight).catch((e) => {
            if (e.kind === 'core' && /^bad snapshot/.test(e.message)) return null;
            throw e;
          });
          if (!live()) return;
          if (plan && plan.at) {
            snap.nodes = placed(snap, plan.at);
            status.read = 'markup';
          } else {
            walkOnly = true;
            snap = await snapshotSliced(doc, walkOptions(), rest);
            if (!live()) return;
            plan = null;
          }
        }
        if (!plan) {
          plan = await askCore(snap.snapshot);
          if (!batch) status.read = 'walk';
        }
        if (!live()) return;
        if (!batch) await breathe();
        if (!live()) return;
        planned = true;
        if (!batch) article = typeof plan.article === 'number' ? snap.nodes[plan.article] || null : null;
        // The reading position, for turning off: read in full passes only and before our
        // writes (reading it after them, or in a batch right after the page's own changes,
        // would force a layout), and where the page settled read in the next frame.
        if (!batch) {
          const here = scrolled();
          if (!hidden.size && !unlocked.size && !classes.size) home = here;
          else if (!landed || here.x !== landed.x || here.y !== landed.y) home = null;
          landed = here;
        }
        apply(plan, snap.nodes, batch);
        if (!batch) {
          const pass = ++passes;
          global.requestAnimationFrame(() => { if (pass === passes && active) landed = scrolled(); });
        }
        watch(snap.shadows);
        if (!batch) status.cleanedAt = performance.now();
        if (overlay && !batch) {
          // Labels come in a task of their own: the clutter is gone first.
          await rest();
          if (!live()) return;
          const l0 = performance.now();
          const quotes = await quotesOf(plan, snap.snapshot);
          if (!live()) return;
          overlay.update(quotes, snap.nodes, point);
          status.labelMs = Math.round((performance.now() - l0) * 100) / 100;
        }
        status.quoted = overlay ? overlay.people() : [];
        coreState = plan.state || null;
        // New article text arrived in a batch: its quotes need the whole article.
        if (batch && plan.rescan) { full = true; again = true; }
        if (!batch) pageElements = snap.elements;
        status.error = null;
        status.problem = null;
      } catch (e) {
        // One line, once: the page goes back to how it was and Quietread stops watching it.
        status.error = String(e && e.message || e);
        status.problem = { kind: (e && e.kind) || 'other', count: (e && e.count) || 0, limit: (e && e.limit) || 0 };
        log('Quietread: page left as it was: ' + status.error);
        revertMarks();
        if (overlay) overlay.remove();
        halt();
        active = false;
        status.active = false;
      } finally {
        running = false;
        const cost = performance.now() - t0;
        if (batch) batchCost = cost;
        const ms = Math.round(cost * 100) / 100;
        if (planned && batch) { status.batchMs = ms; status.batches++; } else if (planned) { status.ms = ms; status.runs++; }
        if (observer) onMutations(observer.takeRecords());
        if (options.onUpdate) options.onUpdate(status);
        if (again && active && observer) { again = false; schedule(); }
      }
    }

    /** Follow changes inside open shadow roots the walk went into (the observer on the
     *  document does not see them). */
    function watch(shadows) {
      for (const root of shadows) {
        if (watched.has(root) || !observer) continue;
        watched.add(root);
        observer.observe(root, OBSERVE);
      }
    }

    /** The settings the core reads, in its fields form (`categories=paywall,nag&labels=1`);
     *  the site's selectors are the hands' business. */
    function coreSettings(labelsNow) {
      const cats = Array.isArray(settings.categories) ? settings.categories : null;
      let out = 'labels=' + (settings.labels === false ? 0 : 1);
      // settings.js stores category names only; anything else is left out rather than let
      // its characters read as more fields.
      if (cats) out += '&categories=' + cats.filter((c) => /^[a-z]+$/.test(c)).join(',');
      // Put off only what will be asked for: labels are drawn where there is an overlay.
      if (options.labeler && overlay && !labelsNow) out += '&labels_later=1';
      return out;
    }

    /** Add what the site's own selectors name to `want`, except the page's root, its body,
     *  the article's box and Quietread's own parts. A selector the browser refuses is skipped. */
    function custom(want) {
      const list = Array.isArray(settings.selectors) ? settings.selectors : [];
      for (const sel of list) {
        let found;
        try {
          found = doc.querySelectorAll(sel);
        } catch (e) {
          continue;
        }
        for (const el of found) {
          if (el === doc.documentElement || el === doc.body || want.has(el)) continue;
          if ((article && el.contains(article)) || insideOwn(el)) continue;
          want.set(el, { category: 'custom', reason: 'your selector: ' + sel });
        }
      }
    }

    /** Write Quietread's own <style> in a root: in a shadow root, which no document stylesheet
     *  reaches, the rules that hide marks; in the document only when asked (the extension's
     *  manifest brings them); in both, a rule per pinned element. No rules, no element. */
    function restyle(root) {
      let text = root !== doc || options.injectStyle ? css(mark) : '';
      for (const p of pins.values()) if (p.root === root) text += p.sel + '{display:none!important}';
      let style = sheets.get(root);
      if (!text) {
        if (style) { style.remove(); sheets.delete(root); }
        return;
      }
      if (!style) {
        style = doc.createElement('style');
        style.setAttribute('data-quietread-style', '');
        ownStyles.add(style);
        sheets.set(root, style);
      }
      if (style.textContent !== text) style.textContent = text;
      if (!style.isConnected) (root === doc ? doc.head || doc.documentElement : root).appendChild(style);
    }

    /** Count one mark undone at `el`'s place (its parent, and its tag, class and id: a fresh
     *  copy put in its stead is the same place); returns the count so far. */
    function fought(parent, el) {
      let places = fights.get(parent);
      if (!places) { places = new Map(); fights.set(parent, places); }
      const n = (places.get(shape(el)) || 0) + 1;
      places.set(shape(el), n);
      return n;
    }

    function fightsAt(el) {
      const places = el.parentNode && fights.get(el.parentNode);
      return places ? places.get(shape(el)) || 0 : 0;
    }

    /** Hide an element by a rule in Quietread's own stylesheet, naming it by its place, where
     *  the page's attribute edits cannot undo it; its mark goes. False when no selector names
     *  it alone. */
    function pin(el) {
      const root = el.getRootNode();
      const sel = selectorFor(el);
      if (!namesOnly(el, sel, root)) return false;
      pins.set(el, { sel, root });
      if (el.hasAttribute(mark)) el.removeAttribute(mark);
      restyle(root);
      return true;
    }

    /** Keep every pin naming its element alone: a pin whose element has left goes, one whose
     *  selector now names something else is written again, or dropped when it cannot be. */
    function checkPins() {
      const roots = new Set();
      for (const [el, p] of pins) {
        if (el.isConnected && namesOnly(el, p.sel, p.root)) continue;
        roots.add(p.root);
        pins.delete(el);
        if (el.isConnected && el.getRootNode() === p.root) {
          const sel = selectorFor(el);
          if (namesOnly(el, sel, p.root)) { pins.set(el, { sel, root: p.root }); continue; }
        }
        hidden.delete(el);
      }
      for (const root of roots) restyle(root);
    }

    function setMark(el, info) {
      hidden.set(el, info);
      if (pins.has(el) || (fightsAt(el) > MAX_FIGHTS && pin(el))) return;
      if (el.getAttribute(mark) !== info.category) el.setAttribute(mark, info.category);
      const root = el.getRootNode();
      if (root !== doc && !sheets.has(root)) restyle(root);
    }

    function unhide(el) {
      hidden.delete(el);
      const p = pins.get(el);
      if (!p) { el.removeAttribute(mark); return; }
      pins.delete(el);
      restyle(p.root);
    }

    function apply(plan, nodes, batch) {
      const want = new Map();
      for (const h of plan.hide || []) {
        const el = nodes[h.node];
        if (el && el.nodeType === 1) want.set(el, { category: h.category, reason: h.reason });
      }
      custom(want);
      for (const el of Array.from(hidden.keys())) {
        // A full plan says all there is to hide: drop marks it no longer wants.
        if (!el.isConnected) hidden.delete(el);
        else if (!batch && !want.has(el)) unhide(el);
      }
      for (const [el, info] of want) setMark(el, info);
      if (pins.size) checkPins();
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
      count();
    }

    /** Status of what is hidden: counts per category and one item per element. */
    function count() {
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

    function scrolled() {
      return { x: global.scrollX, y: global.scrollY };
    }

    /** Take every mark, pin, unlock and Quietread stylesheet off the page. A reader who has not
     *  scrolled since Quietread's last change is taken back to where they were before it (a
     *  page that got shorter than the window had lost that position). */
    function revertMarks() {
      const here = scrolled();
      const back = home && landed && here.x === landed.x && here.y === landed.y ? home : null;
      home = landed = null;
      for (const el of hidden.keys()) if (!pins.has(el)) el.removeAttribute(mark);
      hidden.clear();
      pins.clear();
      for (const style of sheets.values()) style.remove();
      sheets.clear();
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
      count();
      status.unlocked = false;
      if (back && (back.x !== global.scrollX || back.y !== global.scrollY)) global.scrollTo(back.x, back.y);
    }

    function halt() {
      if (timer !== null) { clearTimeout(timer); timer = null; }
      if (observer) { observer.disconnect(); observer = null; }
      watched = new WeakSet();
      again = false;
      changed = new Set();
      rootsTouched = false;
    }

    function schedule() {
      if (timer !== null || !active || !observer) return;
      // Wait ten times what the last batch cost, so a page that mutates without end cannot
      // take more than a tenth of the CPU; a cheap batch runs within a frame or two.
      const delay = Math.min(1000, Math.max(MIN_DELAY_MS, batchCost * 10));
      timer = setTimeout(() => { timer = null; run(); }, delay);
    }

    /** Whether a node is, or sits inside, a part of the page Quietread never reads (shadow
     *  roots crossed). `memo` (a Map) remembers the answer for every ancestor seen, so many
     *  records under one parent walk up once. */
    function insideOwn(node, memo) {
      const path = [];
      let inside = false;
      for (let n = node; n; n = n.nodeType === 11 ? n.host : n.parentNode) {
        if (memo && memo.has(n)) { inside = memo.get(n); break; }
        if (n.nodeType === 1 && own(n)) { inside = true; break; }
        path.push(n);
      }
      if (memo) for (const n of path) memo.set(n, inside);
      return inside;
    }

    /** The page took a mark off an element (or changed it): put it back, MAX_FIGHTS times at
     *  one place; after that, pin the element (or, when nothing names it alone, let it be). */
    function remark(el) {
      const info = hidden.get(el);
      if (!info || pins.has(el) || el.getAttribute(mark) === info.category || !el.parentNode) return;
      if (fought(el.parentNode, el) <= MAX_FIGHTS) el.setAttribute(mark, info.category);
      else if (!pin(el)) { hidden.delete(el); count(); }
    }

    function onMutations(records) {
      let wake = false;
      const memo = new Map();
      for (const r of records) {
        const t = r.target;
        if (insideOwn(t, memo)) continue;
        if (r.type === 'attributes') {
          if (r.attributeName === mark) { remark(t); continue; }
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
        // New text, or nodes added straight into an element: that element is read again.
        const el = t.nodeType === 11 ? t.host : r.type === 'characterData' ? up(t) : t;
        const reread = el && el.nodeType === 1 && el !== doc.documentElement && el !== doc.body;
        if (r.type === 'characterData') {
          if (reread) { changed.add(el); wake = true; }
          continue;
        }
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && !own(n)) { changed.add(n); wake = true; }
          else if (n.nodeType === 3 && reread) { changed.add(el); wake = true; }
        }
        // A marked element taken out: if a copy comes back in its place, that is a fight.
        for (const n of r.removedNodes) if (hidden.has(n) && !pins.has(n)) fought(t, n);
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
        status.problem = null;
        status.active = true;
        if (options.injectStyle) restyle(doc);
        if (observer) observer.disconnect();
        observer = new MutationObserver(onMutations);
        observer.observe(doc.documentElement, OBSERVE);
        return run();
      },
      /** Put the page back exactly as it was. */
      stop() {
        active = false;
        generation++;
        status.active = false;
        status.error = null;
        status.problem = null;
        halt();
        revertMarks();
        measured = new WeakMap();
        fights = new WeakMap();
        article = null;
        coreState = null;
        if (overlay) overlay.remove();
        status.quoted = [];
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

  /** A CSS selector naming `el` alone in its tree (the document, or the shadow root it sits
   *  in) as it is now: the nearest unique id, then a path of tags, up to two classes each and
   *  :nth-of-type where siblings share the tag. */
  function selectorFor(el) {
    const doc = el.ownerDocument;
    const root = el.getRootNode();
    const unique = (sel) => {
      try {
        return root.querySelectorAll(sel).length === 1;
      } catch (e) {
        return false;
      }
    };
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && n !== doc.documentElement; n = n.parentElement) {
      if (n.id && unique('#' + CSS.escape(n.id))) {
        parts.unshift('#' + CSS.escape(n.id));
        break;
      }
      if (n === doc.body) {
        parts.unshift('body');
        break;
      }
      let part = CSS.escape(n.localName);
      for (const c of Array.from(n.classList).slice(0, 2)) part += '.' + CSS.escape(c);
      const siblings = n.parentNode && n.parentNode.children;
      const same = siblings ? Array.from(siblings).filter((c) => c.localName === n.localName) : [];
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(n) + 1) + ')';
      parts.unshift(part);
      if (unique(parts.join(' > '))) break;
    }
    return parts.join(' > ');
  }

  global.QuietreadHands = { snapshot, snapshotSliced, snapshotMarkup, snapshotBatch, placed, point, Cleaner, css, pause, selectorFor };
})(typeof globalThis !== 'undefined' ? globalThis : this);
