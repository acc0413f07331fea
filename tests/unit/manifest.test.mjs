// Least privilege, read from the manifest and the code: the permissions are exactly those the
// extension's scripts use; no host permissions and nothing broad; content scripts only on
// http(s) pages; only the core's wasm is exposed to pages; extension pages under a strict CSP.
// Firefox keys (background.scripts, browser_specific_settings.gecko) are accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { stripJsComments } from './jsscan.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const EXT = path.join(ROOT, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
/** Files the build adds to extension/ (scripts/build.sh). */
const GENERATED = new Set(['quietread.js', 'quietread_bg.wasm', 'quietread.css']);
const exists = (file) => GENERATED.has(file) || fs.existsSync(path.join(EXT, file));

/**
 * Each extension API namespace the code may use, and the permission it needs (null: none).
 * A namespace not listed fails the test: look up what it needs, then add it here.
 */
const API_PERMISSION = {
  runtime: null, // messages between the extension's own parts, getURL, openOptionsPage
  i18n: null,
  tabs: null, // query (ids only) and sendMessage need no permission; URLs and titles need "tabs"
  action: null, // the badge; needs the manifest's "action" key
  commands: null, // the shortcut; needs the manifest's "commands" key
  extension: null,
  storage: 'storage',
  contextMenus: 'contextMenus',
  menus: 'menus', // Firefox's name for contextMenus
  alarms: 'alarms',
  notifications: 'notifications',
  scripting: 'scripting',
  webRequest: 'webRequest',
  declarativeNetRequest: 'declarativeNetRequest',
  cookies: 'cookies',
  history: 'history',
  bookmarks: 'bookmarks',
  downloads: 'downloads',
  tabGroups: 'tabGroups',
  offscreen: 'offscreen',
  sidePanel: 'sidePanel',
  idle: 'idle',
  webNavigation: 'webNavigation',
  management: 'management',
};
/** Members that need a permission of their own. */
const MEMBER_PERMISSION = { 'runtime.connectNative': 'nativeMessaging', 'runtime.sendNativeMessage': 'nativeMessaging' };
/** Namespaces that need a manifest key rather than a permission. */
const API_KEY = { action: 'action', commands: 'commands' };

/** Permissions Quietread must never ask for, whatever the code does. */
const NEVER = ['tabs', 'scripting', 'webRequest', 'webRequestBlocking', 'cookies', 'history', 'activeTab', 'debugger',
  'nativeMessaging', 'management', 'proxy', 'privacy', 'browsingData', 'downloads', 'bookmarks', 'topSites',
  'clipboardRead', 'geolocation', 'unlimitedStorage', 'webNavigation', 'declarativeNetRequestWithHostAccess', '<all_urls>'];

const ALLOWED_KEYS = new Set(['manifest_version', 'name', 'short_name', 'version', 'version_name', 'description', 'default_locale',
  'icons', 'permissions', 'background', 'browser_specific_settings', 'action', 'commands', 'options_ui', 'content_scripts',
  'web_accessible_resources', 'content_security_policy', 'author', 'homepage_url', 'minimum_chrome_version']);

const HTTP_MATCHES = new Set(['http://*/*', 'https://*/*']);

/** The extension's scripts, without comments. */
function scripts() {
  return fs.readdirSync(EXT).filter((f) => f.endsWith('.js')).map((f) => ({
    file: f,
    code: stripJsComments(fs.readFileSync(path.join(EXT, f), 'utf8')),
  }));
}

/** Namespaces (and namespace.member) of chrome.* and browser.* the code uses, with where. */
function apiUse() {
  const used = new Map();
  for (const { file, code } of scripts()) {
    for (const m of code.matchAll(/\b(?:chrome|browser)\s*\.\s*(\w+)(?:\s*\.\s*(\w+))?/g)) {
      const line = code.slice(0, m.index).split('\n').length;
      for (const key of [m[1], m[2] ? `${m[1]}.${m[2]}` : null]) {
        if (!key) continue;
        if (!used.has(key)) used.set(key, []);
        used.get(key).push(`${file}:${line}`);
      }
    }
  }
  return used;
}

/** A CSP string as { directive: [tokens] }. */
function parseCsp(csp) {
  const out = {};
  for (const part of String(csp).split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...tokens] = part.split(/\s+/);
    out[name.toLowerCase()] = (out[name.toLowerCase()] || []).concat(tokens);
  }
  return out;
}

const looseToken = (t) => /^'unsafe-(inline|eval|hashes)'$/.test(t) || t === '*' || /^(https?|data|blob|filesystem|ws|wss):/.test(t) || /[.*]|:\/\//.test(t);

/**
 * Everything wrong with a manifest, given the API use of the code, as [area, message] pairs.
 * Areas: permissions, broad, content, war, csp, pages.
 */
function review(m, used) {
  const out = [];
  const bad = (area, message) => out.push([area, message]);

  // Permissions: exactly what the code uses.
  const namespaces = [...used.keys()].filter((k) => !k.includes('.'));
  for (const n of namespaces.filter((n) => !(n in API_PERMISSION))) {
    bad('permissions', `chrome.${n} (${used.get(n)[0]}) has no entry in API_PERMISSION: find what it needs, then add it`);
  }
  const needed = new Set();
  for (const n of namespaces) if (API_PERMISSION[n]) needed.add(API_PERMISSION[n]);
  for (const [member, permission] of Object.entries(MEMBER_PERMISSION)) if (used.has(member)) needed.add(permission);
  const asked = m.permissions || [];
  if (new Set(asked).size !== asked.length) bad('permissions', 'a permission is listed twice');
  for (const p of asked.filter((p) => !needed.has(p))) bad('permissions', `"${p}" is asked for but no code uses it`);
  for (const p of [...needed].filter((p) => !asked.includes(p))) bad('permissions', `the code uses an API that needs "${p}", which is not asked for`);
  for (const [n, key] of Object.entries(API_KEY)) {
    if (used.has(n) && !(key in m)) bad('permissions', `chrome.${n} is used (${used.get(n)[0]}): the manifest needs "${key}"`);
    // The popup needs "action" whether or not the badge is used; a shortcut needs a handler.
    if (!used.has(n) && key in m && n === 'commands') bad('permissions', `the manifest has "${key}" but no code uses chrome.${n}`);
  }

  // Nothing broad.
  for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'externally_connectable']) {
    if (key in m) bad('broad', `"${key}" is there`);
  }
  // Other extensions may message any extension that has no externally_connectable: Quietread
  // does not listen to them.
  for (const member of ['runtime.onMessageExternal', 'runtime.onConnectExternal', 'runtime.connectNative', 'runtime.sendNativeMessage']) {
    if (used.has(member)) bad('broad', `chrome.${member} (${used.get(member)[0]}): Quietread talks only to its own parts`);
  }
  const text = JSON.stringify(m);
  if (text.includes('<all_urls>') || text.includes('*://*/*') || /"file:/.test(text)) bad('broad', '<all_urls>, *://*/* or a file: pattern');
  for (const p of NEVER) if (asked.includes(p)) bad('broad', `"${p}" is never asked for`);
  for (const k of Object.keys(m).filter((k) => !ALLOWED_KEYS.has(k))) bad('broad', `manifest key "${k}" not reviewed for least privilege (review it, then add it to ALLOWED_KEYS)`);
  if (m.manifest_version !== 3) bad('broad', 'not manifest version 3');

  // Content scripts: http(s) pages only, in the isolated world, local files.
  const scriptsIn = m.content_scripts || [];
  if (!scriptsIn.length) bad('content', 'no content script');
  for (const cs of scriptsIn) {
    if (!(cs.matches || []).length || !cs.matches.every((x) => HTTP_MATCHES.has(x))) bad('content', `matches ${cs.matches}: only http://*/* and https://*/*`);
    for (const x of cs.exclude_matches || []) if (!/^https?:\/\//.test(x)) bad('content', `exclude_matches ${x}`);
    // match_about_blank and match_origin_as_fallback add only frames (about:, data:, blob:)
    // that a matched http(s) page made itself: accepted with http(s) matches only.
    if (cs.world && cs.world !== 'ISOLATED') bad('content', `world ${cs.world}: content scripts run isolated from the page's own scripts`);
    for (const f of [...(cs.js || []), ...(cs.css || [])]) if (!exists(f)) bad('content', `content script file ${f} does not exist`);
  }

  // Web-accessible resources: the core's wasm, to http(s) pages, nothing else.
  const war = m.web_accessible_resources || [];
  if (war.length !== 1) bad('war', `${war.length} web_accessible_resources entries, not 1`);
  for (const entry of war) {
    if (JSON.stringify(entry.resources) !== '["quietread_bg.wasm"]') bad('war', `resources ${JSON.stringify(entry.resources)}: only quietread_bg.wasm`);
    if (!(entry.matches || []).every((x) => HTTP_MATCHES.has(x))) bad('war', `matches ${entry.matches}`);
    for (const k of Object.keys(entry).filter((k) => !['resources', 'matches', 'use_dynamic_url'].includes(k))) bad('war', `key ${k}`);
  }

  // CSP of extension pages.
  const csp = m.content_security_policy;
  if (!csp || typeof csp !== 'object') bad('csp', 'no content_security_policy object');
  else {
    if (JSON.stringify(Object.keys(csp)) !== '["extension_pages"]') bad('csp', `keys ${Object.keys(csp)}: only extension_pages (no sandbox pages)`);
    const d = parseCsp(csp.extension_pages || '');
    if (JSON.stringify([...(d['script-src'] || [])].sort()) !== JSON.stringify(["'self'", "'wasm-unsafe-eval'"])) {
      bad('csp', `script-src ${d['script-src']}: exactly 'self' 'wasm-unsafe-eval'`);
    }
    if (!d['object-src'] || d['object-src'].length !== 1 || !["'self'", "'none'"].includes(d['object-src'][0])) bad('csp', `object-src ${d['object-src']}: 'self' (or 'none')`);
    for (const [name, tokens] of Object.entries(d)) for (const t of tokens) if (looseToken(t)) bad('csp', `${name} ${t} is looser than 'self'`);
    for (const name of ['default-src', 'script-src-elem', 'script-src-attr', 'worker-src', 'connect-src']) {
      if (d[name] && !d[name].every((t) => ["'self'", "'none'", "'wasm-unsafe-eval'"].includes(t))) bad('csp', `${name} ${d[name]}`);
    }
  }

  // The background, popup and options page: the extension's own files; Firefox keys reviewed.
  const bg = m.background || {};
  if (!bg.service_worker && !bg.scripts) bad('pages', 'no background');
  if (bg.service_worker && bg.service_worker !== 'background.js') bad('pages', `service_worker ${bg.service_worker}`);
  if (bg.scripts) {
    if (bg.scripts[bg.scripts.length - 1] !== 'background.js') bad('pages', 'background scripts do not end with background.js');
    for (const f of bg.scripts) if (!exists(f)) bad('pages', `background script ${f} does not exist`);
  }
  if (bg.persistent) bad('pages', 'a persistent background page');
  for (const page of [m.action && m.action.default_popup, m.options_ui && m.options_ui.page]) {
    if (page && (/[:]|^\/\//.test(page) || !exists(page))) bad('pages', `${page} is not a local file`);
  }
  const bss = m.browser_specific_settings;
  if (bss) {
    for (const k of Object.keys(bss).filter((k) => k !== 'gecko')) bad('pages', `browser_specific_settings.${k}`);
    const g = bss.gecko || {};
    for (const k of Object.keys(g).filter((k) => !['id', 'strict_min_version', 'strict_max_version', 'data_collection_permissions'].includes(k))) {
      bad('pages', `gecko.${k} not reviewed`);
    }
    const dc = g.data_collection_permissions;
    if (dc && (JSON.stringify(dc.required) !== '["none"]' || (dc.optional && dc.optional.length))) {
      bad('pages', `data_collection_permissions ${JSON.stringify(dc)}: Quietread collects nothing ({"required": ["none"]})`);
    }
  }
  return out;
}

const USED = apiUse();
const problems = (area) => review(manifest, USED).filter(([a]) => a === area).map(([, message]) => message);

test('the permissions are exactly the ones the code uses', () => {
  const namespaces = [...USED.keys()].filter((k) => !k.includes('.'));
  // Not vacuous: the code's use of storage and the context menu is found.
  assert.ok(namespaces.includes('runtime') && namespaces.includes('storage') && namespaces.includes('contextMenus'), `API use found: ${namespaces.join(', ')}`);
  assert.deepEqual(problems('permissions'), []);
  // Without the "tabs" permission a tab's address and title are not there: the code never
  // reads them (the content script names its site itself).
  for (const { file, code } of scripts()) {
    const m = /\b\w*[tT]ab\w*\s*\.\s*(url|title|favIconUrl|pendingUrl)\b/.exec(code);
    assert.equal(m, null, `${file}: reads ${m && m[0]}, which needs the "tabs" permission`);
  }
});

test('nothing broad: no host permissions, no optional ones, none of the powerful permissions', () => {
  assert.deepEqual(problems('broad'), []);
});

test('content scripts run only on http and https pages, in their own world', () => {
  assert.deepEqual(problems('content'), []);
});

test('pages can load only the core\'s wasm from the extension', () => {
  assert.deepEqual(problems('war'), []);
});

test("extension pages run under a strict CSP: script-src 'self' 'wasm-unsafe-eval', object-src 'self'", () => {
  assert.deepEqual(problems('csp'), []);
});

test('the background, the popup and the options page are the extension\'s own files; Firefox settings collect nothing', () => {
  assert.deepEqual(problems('pages'), []);
});

test('the review bites: each way of asking for more is caught', () => {
  assert.deepEqual(review(manifest, USED), [], 'the real manifest passes');
  const worse = {
    'the "tabs" permission': (m) => m.permissions.push('tabs'),
    'an unused permission': (m) => m.permissions.push('alarms'),
    'storage used without its permission': (m) => { m.permissions = m.permissions.filter((p) => p !== 'storage'); },
    'host permissions': (m) => { m.host_permissions = ['https://*/*']; },
    '<all_urls> content scripts': (m) => { m.content_scripts[0].matches = ['<all_urls>']; },
    'content scripts in file: pages': (m) => { m.content_scripts[0].matches.push('file:///*'); },
    'content scripts in the main world': (m) => { m.content_scripts[0].world = 'MAIN'; },
    'about:blank frames of every origin': (m) => { m.content_scripts[0].match_about_blank = true; m.content_scripts[0].matches = ['*://*/*']; },
    'another web-accessible file': (m) => { m.web_accessible_resources[0].resources.push('content.js'); },
    'web-accessible to every origin': (m) => { m.web_accessible_resources[0].matches = ['<all_urls>']; },
    "'unsafe-eval'": (m) => { m.content_security_policy.extension_pages = "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; object-src 'self'"; },
    'a remote script host': (m) => { m.content_security_policy.extension_pages = "script-src 'self' 'wasm-unsafe-eval' https://cdn.example; object-src 'self'"; },
    'no object-src': (m) => { m.content_security_policy.extension_pages = "script-src 'self' 'wasm-unsafe-eval'"; },
    'a loose connect-src': (m) => { m.content_security_policy.extension_pages += '; connect-src *'; },
    'sandbox pages': (m) => { m.content_security_policy.sandbox = "sandbox allow-scripts; script-src 'self' 'unsafe-eval'"; },
    'externally_connectable': (m) => { m.externally_connectable = { matches: ['https://example.com/*'] }; },
    'an unreviewed key': (m) => { m.declarative_net_request = {}; },
    'data collection in Firefox': (m) => { m.browser_specific_settings.gecko.data_collection_permissions = { required: ['browsingActivity'] }; },
    'a remote background': (m) => { m.background.service_worker = 'https://example.com/bg.js'; },
  };
  for (const [what, change] of Object.entries(worse)) {
    const m = structuredClone(manifest);
    if (!m.browser_specific_settings) m.browser_specific_settings = { gecko: {} };
    change(m);
    assert.ok(review(m, USED).length > 0, `caught: ${what}`);
  }
  // Code that starts using an API the manifest does not grant, or an unknown one.
  const more = new Map(USED);
  more.set('alarms', ['x.js:1']);
  assert.ok(review(manifest, more).some(([, msg]) => msg.includes('"alarms"')), 'caught: chrome.alarms used without its permission');
  more.set('fooBar', ['x.js:2']);
  assert.ok(review(manifest, more).some(([, msg]) => msg.includes('chrome.fooBar')), 'caught: an API not in the table');
  const listening = new Map(USED);
  listening.set('runtime.onMessageExternal', ['x.js:3']);
  assert.ok(review(manifest, listening).some(([, msg]) => msg.includes('onMessageExternal')), 'caught: listening to other extensions');
  const less = new Map(USED);
  less.delete('commands');
  assert.ok(review(manifest, less).length > 0, 'caught: a "commands" key no code uses');
});
