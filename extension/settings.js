// Quietread settings: stored in chrome.storage.local under one key, read by the content
// script, the popup and the options page. Anything invalid in storage reads as the default;
// an imported file is refused unless every value in it is valid.
//
// Shape (version 2): { version, defaults: { enabled, labels, categories: { name: bool } },
// sites: { host: { enabled?, labels?, categories?: { name?: bool }, selectors?: [css] } } }.
// A site's missing values follow the defaults.
(function (global) {
  'use strict';

  const KEY = 'settings';
  const VERSION = 2;
  const CATEGORIES = ['paywall', 'appeal', 'comments', 'nag'];
  const SWITCHES = ['enabled', 'labels'];
  const MAX_SELECTORS = 100;
  const MAX_SELECTOR_LENGTH = 500;
  const MAX_HOST_LENGTH = 253;
  const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

  function defaults() {
    const categories = {};
    for (const k of CATEGORIES) categories[k] = true;
    return { version: VERSION, defaults: { enabled: true, labels: true, categories }, sites: {} };
  }

  /** An error whose code is the message key the pages show it with (subs: its substitutions). */
  function failure(code, message, subs) {
    const e = new Error(message);
    e.code = code;
    e.subs = subs || [];
    return e;
  }

  // Each step turns settings of version n into version n + 1.
  const MIGRATIONS = {
    // Version 2 added per-site custom selectors and lets a site override single categories;
    // version 1 sites (all four categories or none) mean the same in version 2.
    1: (v1) => Object.assign({}, v1, { version: 2 }),
  };

  /** Stored settings brought up to VERSION, or null when they are not settings at all.
   * Without a version they are version 1; a newer version is read as far as it is understood. */
  function migrate(raw) {
    if (!isObject(raw)) return null;
    let out = raw.version === undefined ? Object.assign({}, raw, { version: 1 }) : raw;
    if (!Number.isInteger(out.version) || out.version < 1) return null;
    while (out.version < VERSION) out = MIGRATIONS[out.version](out);
    return out;
  }

  /** A host name as location.hostname gives it (lower case, punycode or [IPv6]). */
  function validHost(host) {
    return typeof host === 'string' && host.length <= MAX_HOST_LENGTH && host !== '__proto__'
      && /^[a-z0-9._~!$&'()*+,;=:[\]-]+$/.test(host);
  }

  /** The host of what someone typed (a host name or an address), or '' when it has none. */
  function siteHost(text) {
    const s = String(text).trim();
    if (!s) return '';
    try {
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : 'http://' + s);
      return /^https?:$/.test(url.protocol) && validHost(url.hostname) ? url.hostname : '';
    } catch (e) {
      return '';
    }
  }

  /** Why sel cannot be a custom selector ('' when it can). Needs no DOM: the options page also
   * asks the browser's selector parser. */
  function selectorProblem(sel) {
    if (typeof sel !== 'string' || !sel.trim()) return 'selectorEmpty';
    if (sel.length > MAX_SELECTOR_LENGTH) return 'selectorTooLong';
    // No plain selector needs braces or control characters, and without braces a selector
    // can never end the CSS rule it is put in.
    if (/[{}\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(sel)) return 'selectorInvalid';
    return '';
  }

  // Readers take what storage or a file held; each value they drop or replace goes to
  // ctx.report(path), and ctx.accepts(selector) may refuse selectors beyond selectorProblem.

  /** raw[key] when it is an object, else {}. */
  function objectAt(raw, key, path, ctx) {
    const v = raw[key];
    if (v !== undefined && !isObject(v)) ctx.report(path);
    return isObject(v) ? v : {};
  }

  /** raw[key] when it is a boolean, else undefined. */
  function boolAt(raw, key, path, ctx) {
    const v = raw[key];
    if (v !== undefined && typeof v !== 'boolean') ctx.report(path);
    return typeof v === 'boolean' ? v : undefined;
  }

  function readSelectors(raw, path, ctx) {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      ctx.report(path);
      return [];
    }
    const out = [];
    raw.forEach((sel, i) => {
      const s = typeof sel === 'string' ? sel.trim() : sel;
      if (selectorProblem(s) || !ctx.accepts(s) || out.length >= MAX_SELECTORS) ctx.report(`${path}[${i}]`);
      else if (!out.includes(s)) out.push(s);
    });
    return out;
  }

  function readSite(raw, path, ctx) {
    const site = {};
    for (const k of SWITCHES) {
      const v = boolAt(raw, k, `${path}.${k}`, ctx);
      if (v !== undefined) site[k] = v;
    }
    const given = objectAt(raw, 'categories', `${path}.categories`, ctx);
    const categories = {};
    for (const k of CATEGORIES) {
      const v = boolAt(given, k, `${path}.categories.${k}`, ctx);
      if (v !== undefined) categories[k] = v;
    }
    if (Object.keys(categories).length) site.categories = categories;
    const selectors = readSelectors(raw.selectors, `${path}.selectors`, ctx);
    if (selectors.length) site.selectors = selectors;
    return site;
  }

  function read(raw, ctx) {
    const out = defaults();
    const current = migrate(raw);
    if (!current) {
      ctx.report('version');
      return out;
    }
    const base = objectAt(current, 'defaults', 'defaults', ctx);
    for (const k of SWITCHES) out.defaults[k] = boolAt(base, k, `defaults.${k}`, ctx) ?? true;
    const categories = objectAt(base, 'categories', 'defaults.categories', ctx);
    for (const k of CATEGORIES) {
      out.defaults.categories[k] = boolAt(categories, k, `defaults.categories.${k}`, ctx) ?? true;
    }
    const sites = objectAt(current, 'sites', 'sites', ctx);
    for (const host of Object.keys(sites)) {
      const path = `sites[${JSON.stringify(host)}]`;
      if (validHost(host) && isObject(sites[host])) out.sites[host] = readSite(sites[host], path, ctx);
      else ctx.report(path);
    }
    return out;
  }

  /** A valid settings object from whatever storage held. */
  function sanitize(raw) {
    return read(raw, { report() {}, accepts: () => true });
  }

  /** Effective settings for one site: { enabled, labels, categories: { name: bool }, selectors }. */
  function forSite(settings, host) {
    const site = own(settings.sites, host) ? settings.sites[host] : {};
    return {
      enabled: site.enabled ?? settings.defaults.enabled,
      labels: site.labels ?? settings.defaults.labels,
      categories: Object.assign({}, settings.defaults.categories, site.categories),
      selectors: (site.selectors || []).slice(),
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

  async function store(storage, settings) {
    const clean = sanitize(settings);
    await storage.set({ [KEY]: clean });
    return clean;
  }

  /** Loads the settings, lets change edit them (or throw: then nothing is stored), stores them. */
  async function update(storage, change) {
    const settings = await load(storage);
    change(settings);
    return store(storage, settings);
  }

  function checkHost(host) {
    if (!validHost(host)) throw failure('siteInvalid', `not a site: ${host}`);
  }

  function siteIn(settings, host) {
    if (!own(settings.sites, host)) settings.sites[host] = {};
    return settings.sites[host];
  }

  /** Sets (true or false) or clears (null) the named keys of target. */
  function assign(target, change, keys) {
    for (const k of keys) {
      if (typeof change[k] === 'boolean') target[k] = change[k];
      else if (change[k] === null) delete target[k];
    }
  }

  /** Applies { enabled?, labels?, categories?: { name? } } to target. */
  function patch(target, change) {
    assign(target, change, SWITCHES);
    if (isObject(change.categories)) {
      target.categories = Object.assign({}, target.categories);
      assign(target.categories, change.categories, CATEGORIES);
    }
  }

  /** Change one site's overrides (true/false sets, null goes back to the default) and store
   * them; an empty change just adds the site. */
  async function setSite(storage, host, change) {
    checkHost(host);
    return update(storage, (s) => patch(siteIn(s, host), change));
  }

  /** Change the defaults: { enabled?, labels?, categories?: { name? } }. */
  async function setDefaults(storage, change) {
    return update(storage, (s) => patch(s.defaults, change));
  }

  async function removeSite(storage, host) {
    return update(storage, (s) => {
      delete s.sites[host];
    });
  }

  /** Add a custom hide selector to a site; throws a coded error when it cannot be added. */
  async function addSelector(storage, host, selector) {
    checkHost(host);
    const sel = typeof selector === 'string' ? selector.trim() : selector;
    const problem = selectorProblem(sel);
    if (problem) throw failure(problem, `not a usable selector: ${sel}`);
    return update(storage, (s) => {
      const site = siteIn(s, host);
      const list = site.selectors || [];
      if (list.includes(sel)) throw failure('selectorDuplicate', `${host} already has the selector ${sel}`);
      if (list.length >= MAX_SELECTORS) throw failure('selectorTooMany', `${host} has ${MAX_SELECTORS} selectors already`);
      site.selectors = list.concat(sel);
    });
  }

  async function removeSelector(storage, host, selector) {
    return update(storage, (s) => {
      const site = own(s.sites, host) ? s.sites[host] : {};
      site.selectors = (site.selectors || []).filter((x) => x !== selector);
    });
  }

  /** All settings as the text of an export file. */
  function exportJson(settings) {
    return JSON.stringify(sanitize(settings), null, 2) + '\n';
  }

  /** The settings in an export file's text; throws a coded error, with a message saying why,
   * for anything that is not a valid settings file. accepts(selector) may refuse selectors. */
  function fromJson(text, accepts = () => true) {
    let raw;
    try {
      raw = JSON.parse(String(text).replace(/^\uFEFF/, ''));
    } catch (e) {
      throw failure('importNotJson', 'The file is not JSON.');
    }
    if (!isObject(raw) || !Number.isInteger(raw.version) || raw.version < 1 || !isObject(raw.defaults) || !isObject(raw.sites)) {
      throw failure('importNotSettings', 'The file is not a Quietread settings file.');
    }
    if (raw.version > VERSION) {
      throw failure('importNewer', `The file comes from a newer Quietread (settings version ${raw.version}).`);
    }
    const problems = [];
    const settings = read(raw, { report: (path) => problems.push(path), accepts });
    if (problems.length) {
      throw failure('importInvalid', `The file has an invalid value at ${problems[0]}.`, [problems[0]]);
    }
    return settings;
  }

  /** Replace all settings with an export file's; a refused file changes nothing. */
  async function importJson(storage, text, accepts) {
    return store(storage, fromJson(text, accepts));
  }

  async function reset(storage) {
    return store(storage, defaults());
  }

  global.QuietreadSettings = {
    KEY, VERSION, CATEGORIES, MAX_SELECTORS, MAX_SELECTOR_LENGTH, MAX_IMPORT_BYTES,
    defaults, sanitize, forSite, forCore, load, setSite, setDefaults, removeSite,
    addSelector, removeSelector, selectorProblem, siteHost, exportJson, fromJson, importJson, reset,
  };
})(typeof globalThis !== 'undefined' ? globalThis : this);
