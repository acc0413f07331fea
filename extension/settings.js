// Quietread settings: stored in chrome.storage.local under one key, read by the content
// script and the popup. Anything invalid in storage reads as the default.
(function (global) {
  'use strict';

  const KEY = 'settings';
  const VERSION = 1;
  const CATEGORIES = ['paywall', 'appeal', 'comments', 'nag'];

  function allOn() {
    const c = {};
    for (const k of CATEGORIES) c[k] = true;
    return c;
  }

  function defaults() {
    return { version: VERSION, defaults: { enabled: true, labels: true, categories: allOn() }, sites: {} };
  }

  function bool(v, fallback) {
    return typeof v === 'boolean' ? v : fallback;
  }

  function categories(raw, fallback) {
    const out = {};
    for (const k of CATEGORIES) out[k] = bool(raw && raw[k], fallback[k]);
    return out;
  }

  /** A valid settings object from whatever storage held. */
  function sanitize(raw) {
    const d = defaults();
    if (!raw || typeof raw !== 'object') return d;
    const base = raw.defaults && typeof raw.defaults === 'object' ? raw.defaults : {};
    d.defaults.enabled = bool(base.enabled, true);
    d.defaults.labels = bool(base.labels, true);
    d.defaults.categories = categories(base.categories, allOn());
    if (raw.sites && typeof raw.sites === 'object') {
      for (const host of Object.keys(raw.sites)) {
        const s = raw.sites[host];
        if (!s || typeof s !== 'object' || typeof host !== 'string' || host.length > 253) continue;
        const site = {};
        if (typeof s.enabled === 'boolean') site.enabled = s.enabled;
        if (typeof s.labels === 'boolean') site.labels = s.labels;
        if (s.categories && typeof s.categories === 'object') {
          site.categories = categories(s.categories, d.defaults.categories);
        }
        d.sites[host] = site;
      }
    }
    return d;
  }

  /** Effective settings for one site: { enabled, labels, categories: { name: bool } }. */
  function forSite(settings, host) {
    const site = settings.sites[host] || {};
    return {
      enabled: bool(site.enabled, settings.defaults.enabled),
      labels: bool(site.labels, settings.defaults.labels),
      categories: categories(site.categories, settings.defaults.categories),
    };
  }

  /** What the core is told: the enabled categories, and whether to find quote speakers. */
  function forCore(site) {
    return { categories: CATEGORIES.filter((k) => site.categories[k]), labels: site.labels };
  }

  async function load(storage) {
    const got = await storage.get(KEY);
    return sanitize(got && got[KEY]);
  }

  /** Change one site's override and store it. */
  async function setSite(storage, host, patch) {
    const settings = await load(storage);
    const current = forSite(settings, host);
    const site = settings.sites[host] || {};
    if (typeof patch.enabled === 'boolean') site.enabled = patch.enabled;
    if (typeof patch.labels === 'boolean') site.labels = patch.labels;
    if (patch.categories) site.categories = Object.assign({}, current.categories, patch.categories);
    settings.sites[host] = site;
    await storage.set({ [KEY]: settings });
    return settings;
  }

  global.QuietreadSettings = { KEY, VERSION, CATEGORIES, defaults, sanitize, forSite, forCore, load, setSite };
})(typeof globalThis !== 'undefined' ? globalThis : this);
