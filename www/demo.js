// Demo page driver: runs Quietread's wasm core and hands on this page, without the extension,
// and fills the control strip. Add ?demo=off to leave the page to the extension.
(function () {
  'use strict';
  const CATEGORIES = [
    ['paywall', 'Paywall prompts'],
    ['appeal', 'Support appeals'],
    ['comments', 'Comment sections'],
    ['nag', 'Newsletter and alert nags'],
  ];
  const params = new URLSearchParams(location.search);
  const strip = document.getElementById('qr-demo-strip');
  if (!strip) return;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const enabled = { all: params.get('demo') !== 'off', labels: true };
  for (const [k] of CATEGORIES) enabled[k] = true;

  strip.setAttribute('role', 'toolbar');
  strip.setAttribute('aria-label', 'Quietread demo controls');
  const title = el('strong', { class: 'qr-title' }, 'Quietread demo');
  const master = el('label', { class: 'qr-switch' });
  const masterBox = el('input', { type: 'checkbox', id: 'qr-enabled' });
  masterBox.checked = enabled.all;
  master.append(masterBox, el('span', {}, 'Clean up this page'));
  const boxes = el('span', { class: 'qr-cats' });
  for (const [k, label] of CATEGORIES) {
    const l = el('label', { class: 'qr-switch' });
    const b = el('input', { type: 'checkbox', 'data-category': k });
    b.checked = true;
    l.append(b, el('span', {}, label), el('output', { 'data-count': k }));
    boxes.append(l);
  }
  const labelSwitch = el('label', { class: 'qr-switch' });
  const labelBox = el('input', { type: 'checkbox', id: 'qr-labels' });
  labelBox.checked = true;
  labelSwitch.append(labelBox, el('span', {}, 'Who said it'));
  const result = el('output', { id: 'qr-result', 'aria-live': 'polite' }, 'Loading the core…');
  const details = el('details', { class: 'qr-details' });
  const list = el('ol', { id: 'qr-items' });
  details.append(el('summary', {}, 'What was hidden, and why'), list);
  strip.append(title, master, boxes, labelSwitch, result, details);

  function settings() {
    return { categories: CATEGORIES.map(([k]) => k).filter((k) => enabled[k]), labels: enabled.labels };
  }

  function show(st) {
    strip.dataset.hidden = String(st.active ? st.hidden : 0);
    for (const out of strip.querySelectorAll('[data-count]')) {
      const n = (st.counts || {})[out.dataset.count] || 0;
      out.textContent = st.active && n ? '(' + n + ')' : '';
    }
    list.replaceChildren();
    if (!st.active) {
      result.textContent = 'Cleanup off: the page is as the publisher sent it.';
      return;
    }
    if (st.error) {
      result.textContent = 'Core error, page left as it was: ' + st.error;
      return;
    }
    strip.dataset.batches = String(st.batches || 0);
    const quotes = (st.quoted || []).reduce((n, q) => n + q.count, 0);
    strip.dataset.quotes = String(quotes);
    result.textContent = st.hidden + ' hidden in ' + st.ms + ' ms' + (st.unlocked ? ', scrolling unlocked' : '') +
      (quotes ? '; ' + quotes + ' quotes labelled' : '') +
      (st.batches ? '; ' + st.batches + ' later change' + (st.batches === 1 ? '' : 's') + ', last in ' + st.batchMs + ' ms' : '');
    for (const item of st.items) {
      list.append(el('li', {}, item.category + ' — <' + item.tag + '> — ' + item.reason));
    }
  }

  async function main() {
    const corePlan = QuietreadWasm.planner(wasm_bindgen, await wasm_bindgen({ module_or_path: 'quietread_bg.wasm' }));
    const cleaner = QuietreadHands.Cleaner(document, {
      planner: (snap, set) => Promise.resolve(corePlan(snap, set)),
      labeler: (ticket) => Promise.resolve(wasm_bindgen.labels(ticket)),
      settings: settings(),
      markAttr: 'data-quietread-demo',
      injectStyle: true,
      exclude: (node) => node === strip,
      onUpdate: show,
    });
    masterBox.addEventListener('change', () => {
      enabled.all = masterBox.checked;
      if (enabled.all) cleaner.start(); else cleaner.stop();
    });
    labelBox.addEventListener('change', () => {
      enabled.labels = labelBox.checked;
      cleaner.update(settings());
    });
    for (const b of boxes.querySelectorAll('input')) {
      b.addEventListener('change', () => {
        enabled[b.dataset.category] = b.checked;
        cleaner.update(settings());
      });
    }
    if (enabled.all) await cleaner.start();
    else show(cleaner.status);
    strip.dataset.ready = 'true';
  }

  main().catch((e) => {
    result.textContent = 'Quietread core could not start: ' + (e && e.message || e);
    console.warn('Quietread demo: ' + (e && e.message || e));
  });
})();
