// Quietread popup: the current site, its switch, a switch per category, what was hidden, and
// a way to the options page.
(function () {
  'use strict';
  const S = globalThis.QuietreadSettings;
  const { t } = globalThis.QuietreadI18n;
  const $ = (id) => document.getElementById(id);
  let tabId = null;
  let host = null;

  async function findTab() {
    const param = new URLSearchParams(location.search).get('tab');
    if (param) return Number(param);
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return tab ? tab.id : null;
  }

  async function pageStatus() {
    try {
      return await chrome.tabs.sendMessage(tabId, { type: 'status' });
    } catch (e) {
      return null;
    }
  }

  /** Why Quietread left the page as it was. */
  function problem(st) {
    const p = st.problem || {};
    const n = (x) => Number(x).toLocaleString(t('lang'));
    if (p.kind === 'large') return t('summaryTooLarge', [n(p.count), n(p.limit)]);
    if (p.kind === 'core') return t('summaryCoreFailed', [st.error]);
    return t('summaryError', [st.error]);
  }

  function describe(st) {
    if (st.error) return problem(st);
    if (!st.active) return t('summaryOff');
    const parts = [st.hidden === 1 ? t('summaryHiddenOne', [st.ms]) : t('summaryHiddenMany', [st.hidden, st.ms])];
    if (st.mode === 'worker') parts.push(t('summaryWorker'));
    if (st.unlocked) parts.push(t('summaryUnlocked'));
    if (st.batches) {
      parts.push(st.batches === 1 ? t('summaryBatchesOne', [st.batchMs]) : t('summaryBatchesMany', [st.batches, st.batchMs]));
    }
    return parts.join(' ');
  }

  async function render() {
    const st = await pageStatus();
    if (!st) {
      $('panel').hidden = true;
      $('unavailable').hidden = false;
      $('site').textContent = '';
      return;
    }
    host = st.host;
    const site = S.forSite(await S.load(chrome.storage.local), host);
    $('site').textContent = host;
    $('panel').hidden = false;
    $('unavailable').hidden = true;
    $('site-enabled').checked = site.enabled;
    $('site-labels').checked = site.labels;
    $('site-labels').disabled = !site.enabled;
    renderQuoted(st.quoted || []);
    renderCustom(site.selectors);
    $('categories').disabled = !site.enabled;
    for (const box of document.querySelectorAll('[data-category]')) {
      box.checked = site.categories[box.dataset.category];
    }
    for (const out of document.querySelectorAll('[data-count]')) {
      const n = (st.counts || {})[out.dataset.count] || 0;
      out.textContent = st.active && n ? String(n) : '';
    }
    $('summary').textContent = describe(st);
    document.body.dataset.hidden = String(st.hidden);
    document.body.dataset.mode = st.mode || '';
    document.body.dataset.runs = String(st.runs || 0);
    document.body.dataset.batches = String(st.batches || 0);
    document.body.dataset.problem = st.error ? (st.problem && st.problem.kind) || 'other' : '';
  }

  const shownLists = {};
  /** Fill the list `id` (in the section `id-section`, hidden when empty) with one item per
   *  entry, only when the entries changed since last time. */
  function renderList(id, entries, item) {
    const key = JSON.stringify(entries);
    if (shownLists[id] === key) return;
    shownLists[id] = key;
    $(id + '-section').hidden = entries.length === 0;
    $(id).replaceChildren(...entries.map(item));
  }

  /** The site's own hide rules (from the context menu or the options page), each with a
   *  button that takes it back. */
  function renderCustom(selectors) {
    renderList('custom', selectors, (sel) => {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = sel;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t('customRemove');
      b.dataset.selector = sel;
      b.addEventListener('click', async () => {
        await S.removeSelector(chrome.storage.local, host, sel);
        await render();
      });
      li.append(code, ' ', b);
      return li;
    });
  }

  /** Who is quoted on the page and how often; a name scrolls to the first quote. */
  function renderQuoted(quoted) {
    renderList('quoted', quoted, (q) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.speaker = q.speaker;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = q.speaker;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(q.count);
      b.setAttribute('aria-label', q.count === 1 ? t('quotedButtonOne', [q.speaker]) : t('quotedButtonMany', [q.speaker, q.count]));
      b.append(name, count);
      b.addEventListener('click', () => chrome.tabs.sendMessage(tabId, { type: 'reveal', speaker: q.speaker }).catch(() => {}));
      li.append(b);
      return li;
    });
  }

  let pending = null;
  function renderSoon() {
    clearTimeout(pending);
    pending = setTimeout(render, 150);
  }

  async function init() {
    $('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
    tabId = await findTab();
    await render();
    $('site-enabled').addEventListener('change', async (e) => {
      await S.setSite(chrome.storage.local, host, { enabled: e.target.checked });
      renderSoon();
    });
    $('site-labels').addEventListener('change', async (e) => {
      await S.setSite(chrome.storage.local, host, { labels: e.target.checked });
      renderSoon();
    });
    for (const box of document.querySelectorAll('[data-category]')) {
      box.addEventListener('change', async (e) => {
        await S.setSite(chrome.storage.local, host, { categories: { [box.dataset.category]: e.target.checked } });
        renderSoon();
      });
    }
    // Late items (a modal injected after load) show up while the popup is open.
    setInterval(render, 1000);
    document.body.dataset.ready = 'true';
  }

  init();
})();
