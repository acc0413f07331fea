// Quietread options page: the defaults for sites, each site's overrides and custom hide
// selectors, export, import and reset. The page is built with createElement and textContent.
(function () {
  'use strict';
  const S = globalThis.QuietreadSettings;
  const { t } = globalThis.QuietreadI18n;
  const storage = chrome.storage.local;
  const $ = (id) => document.getElementById(id);
  const CATEGORY_LABELS = { paywall: 'categoryPaywall', appeal: 'categoryAppeal', comments: 'categoryComments', nag: 'categoryNag' };
  let shown = ''; // the settings on screen, as JSON

  /** An element with attributes (true: present, false or null: absent) and children. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === true) node.setAttribute(k, '');
      else if (v !== false && v != null) node.setAttribute(k, String(v));
    }
    node.append(...children);
    return node;
  }

  /** Whether the browser's own selector parser takes sel. */
  function parses(sel) {
    try {
      document.createDocumentFragment().querySelector(sel);
      return true;
    } catch (e) {
      return false;
    }
  }

  function say(node, text, isError) {
    node.textContent = text;
    node.classList.toggle('error', Boolean(isError));
  }

  /** What to tell about an error: settings.js errors carry the key of their message. */
  function explain(e) {
    return e && e.code ? t(e.code, e.subs) : String((e && e.message) || e);
  }

  const siteId = (host, part) => `site-${host}-${part}`;

  // Rendering

  /** Shows settings. Focus goes to the first of focusIds that exists, else stays where it was;
   * text typed into a site's selector field is kept. */
  function render(settings, ...focusIds) {
    shown = JSON.stringify(settings);
    const active = document.activeElement && document.activeElement.id;
    const drafts = [...$('sites').querySelectorAll('input')].map((input) => [input.id, input.value]);
    renderDefaults(settings.defaults);
    const hosts = Object.keys(settings.sites).sort();
    $('sites').replaceChildren(...hosts.map((host) => siteItem(host, settings)));
    $('no-sites').hidden = hosts.length > 0;
    for (const [id, value] of drafts) if ($(id)) $(id).value = value;
    const target = [...focusIds, active].map((id) => id && $(id)).find(Boolean);
    if (target && target !== document.activeElement) target.focus();
  }

  function renderDefaults(d) {
    for (const box of document.querySelectorAll('#defaults input')) {
      box.checked = box.dataset.category ? d.categories[box.dataset.category] : d[box.dataset.switch];
    }
  }

  function siteItem(host, settings) {
    const site = settings.sites[host];
    const own = site.categories || {};
    return el('li', { class: 'site' },
      el('section', { 'aria-labelledby': siteId(host, 'title') },
        el('h3', { id: siteId(host, 'title') }, host),
        el('div', { class: 'overrides' },
          choice(host, 'enabled', t('cleanUp'), site.enabled, settings.defaults.enabled),
          choice(host, 'labels', t('labelQuotes'), site.labels, settings.defaults.labels)),
        el('fieldset', { class: 'overrides' },
          el('legend', {}, t('hideLegend')),
          ...S.CATEGORIES.map((k) => choice(host, k, t(CATEGORY_LABELS[k]), own[k], settings.defaults.categories[k]))),
        el('h4', {}, t('selectorsTitle')),
        selectorList(host, site.selectors || []),
        selectorForm(host),
        el('button', {
          type: 'button', class: 'danger', id: siteId(host, 'remove'), 'data-action': 'remove-site', 'data-host': host,
          'aria-label': t('removeSiteLabel', [host]),
        }, t('removeSite'))));
  }

  /** A select for one override: the default (named with its state), on or off. */
  function choice(host, key, label, value, fallback) {
    const id = siteId(host, key);
    const current = value === undefined ? 'default' : value ? 'on' : 'off';
    const option = (v, text) => el('option', { value: v, selected: v === current }, text);
    return el('div', { class: 'choice' },
      el('label', { for: id }, label),
      el('select', { id, 'data-host': host, 'data-key': key },
        option('default', t('followDefault', [t(fallback ? 'on' : 'off')])),
        option('on', t('on')),
        option('off', t('off'))));
  }

  function selectorList(host, selectors) {
    if (!selectors.length) return el('p', { class: 'hint' }, t('selectorsNone'));
    return el('ul', { class: 'selectors' }, ...selectors.map((sel, i) => el('li', {},
      el('code', {}, sel),
      el('button', {
        type: 'button', id: siteId(host, `remove-${i}`), 'data-action': 'remove-selector', 'data-host': host,
        'data-selector': sel, 'aria-label': t('removeSelectorLabel', [sel]),
      }, t('remove')))));
  }

  function selectorForm(host) {
    const input = siteId(host, 'selector');
    return el('form', { class: 'inline-form', 'data-host': host, novalidate: true },
      el('label', { for: input }, t('selectorAddLabel')),
      el('input', {
        type: 'text', id: input, class: 'code', autocomplete: 'off', spellcheck: 'false', placeholder: '.promo-box',
        'aria-describedby': siteId(host, 'selector-message'),
      }),
      el('button', { type: 'submit', id: siteId(host, 'selector-add') }, t('add')),
      el('p', { id: siteId(host, 'selector-message'), class: 'message', role: 'status' }));
  }

  // Changes

  async function changeDefault(box) {
    const change = box.dataset.category ? { categories: { [box.dataset.category]: box.checked } } : { [box.dataset.switch]: box.checked };
    render(await S.setDefaults(storage, change));
  }

  async function changeSite(select) {
    const value = { default: null, on: true, off: false }[select.value];
    const key = select.dataset.key;
    const change = S.CATEGORIES.includes(key) ? { categories: { [key]: value } } : { [key]: value };
    render(await S.setSite(storage, select.dataset.host, change));
  }

  async function addSite() {
    const input = $('new-site');
    const message = $('add-site-message');
    const host = S.siteHost(input.value);
    if (!host) return say(message, t('siteInvalid'), true);
    if (Object.prototype.hasOwnProperty.call(JSON.parse(shown).sites, host)) {
      say(message, t('siteExists', [host]));
      return $(siteId(host, 'selector')).focus();
    }
    const settings = await S.setSite(storage, host, {});
    input.value = '';
    render(settings);
    say(message, t('siteAdded', [host]));
  }

  async function addSelector(form) {
    const host = form.dataset.host;
    const input = $(siteId(host, 'selector'));
    const sel = input.value.trim();
    const problem = S.selectorProblem(sel) || (parses(sel) ? '' : 'selectorInvalid');
    if (problem) return say($(siteId(host, 'selector-message')), t(problem), true);
    // Emptied before the write: the storage event may redraw the form, keeping what it holds.
    input.value = '';
    try {
      render(await S.addSelector(storage, host, sel), input.id);
      say($(siteId(host, 'selector-message')), t('selectorAdded', [sel]));
    } catch (e) {
      $(input.id).value = sel;
      say($(siteId(host, 'selector-message')), explain(e), true);
    }
  }

  async function removeSelector(button) {
    const host = button.dataset.host;
    // Focus moves to the next selector's button (it takes this one's id), else to the field.
    render(await S.removeSelector(storage, host, button.dataset.selector), button.id, siteId(host, 'selector'));
  }

  async function removeSite(button) {
    render(await S.removeSite(storage, button.dataset.host), 'sites-title');
  }

  // Backup and reset

  async function exportSettings() {
    const name = `quietread-settings-${new Date().toISOString().slice(0, 10)}.json`;
    const url = URL.createObjectURL(new Blob([S.exportJson(await S.load(storage))], { type: 'application/json' }));
    const link = el('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    // The download may read the Blob after click() returns (Firefox does): revoke it later.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say($('backup-message'), t('exported', [name]));
  }

  async function importSettings(input) {
    const file = input.files[0];
    if (!file) return;
    const message = $('backup-message');
    try {
      if (file.size > S.MAX_IMPORT_BYTES) return say(message, t('importTooLarge'), true);
      render(await S.importJson(storage, await file.text(), parses));
      say(message, t('imported', [file.name]));
    } catch (e) {
      say(message, explain(e), true);
    } finally {
      input.value = ''; // so that the same file can be chosen again
    }
  }

  /** Shows or hides the reset question; focus goes to Cancel, or back to the reset button. */
  function askReset(open) {
    $('reset-confirm').hidden = !open;
    $('reset').setAttribute('aria-expanded', String(open));
    (open ? $('reset-no') : $('reset')).focus();
  }

  async function reset() {
    render(await S.reset(storage));
    askReset(false);
    say($('reset-message'), t('resetDone'));
  }

  function wire() {
    for (const box of document.querySelectorAll('#defaults input')) box.addEventListener('change', () => changeDefault(box));
    $('add-site').addEventListener('submit', (e) => {
      e.preventDefault();
      addSite();
    });
    $('sites').addEventListener('change', (e) => {
      if (e.target.matches('select[data-key]')) changeSite(e.target);
    });
    $('sites').addEventListener('submit', (e) => {
      e.preventDefault();
      addSelector(e.target);
    });
    $('sites').addEventListener('click', (e) => {
      const button = e.target.closest('button[data-action]');
      if (button && button.dataset.action === 'remove-selector') removeSelector(button);
      if (button && button.dataset.action === 'remove-site') removeSite(button);
    });
    $('export').addEventListener('click', exportSettings);
    $('import').addEventListener('click', () => $('import-file').click());
    $('import-file').addEventListener('change', (e) => importSettings(e.target));
    $('reset').addEventListener('click', () => {
      say($('reset-message'), '');
      askReset(true);
    });
    $('reset-no').addEventListener('click', () => askReset(false));
    $('reset-yes').addEventListener('click', reset);
    $('reset-confirm').addEventListener('keydown', (e) => {
      if (e.key === 'Escape') askReset(false);
    });
    // Changes made elsewhere (the popup, another options tab) show up here.
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !changes[S.KEY]) return;
      const next = S.sanitize(changes[S.KEY].newValue);
      if (JSON.stringify(next) !== shown) render(next);
    });
  }

  async function init() {
    wire();
    render(await S.load(storage));
    document.body.dataset.ready = 'true';
  }

  init();
})();
