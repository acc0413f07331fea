// End-to-end: Quietread makes no network requests. Every request Chromium makes while the
// extension cleans the demo page, plans a CSP-strict page in its service worker, and while the
// popup, the shortcut's and context menu's handlers and the options page are used, is recorded:
// those of pages and extension pages (context 'request' and 'websocket' events) and those of the
// service worker (playwright-core attaches to service workers and reports their requests with
// request.serviceWorker() set). Before the run, the worker is stopped and started again and its
// start-up fetch must be recorded, and the first test has it fetch from the test server: the
// recorder is proven to see the worker. The test server logs what reached it, as a second
// witness. Every request must go to the test server or to the extension's own files; the
// extension's parts (service worker, popup, options page) never reach the test server; and what
// the web pages ask of the test server is what the same visits ask for without the extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { launch, WWW, EXTENSION } from './browser.mjs';
import { serve } from './server.mjs';

/** The web pages visited, in order, with and without the extension. */
const VISITS = ['/index.html?demo=off&modal=300', '/csp/index.html?demo=off&modal=off'];
/** A request the test itself makes from the service worker, to prove the recorder sees them. */
const PROBE = `/__quietread-privacy-probe__/${process.pid}-${Date.now()}`;

let server;
let browser;
let extensionOrigin;
/** What the server received, by phase. */
const received = { baseline: [], extension: [] };
let phase = 'baseline';
/** Every request recorded in the extension run: { from, page, url, type }. */
const recorded = [];
/** How the recorder was proven to see the service worker's requests (see launchWatched). */
let watched = null;
/** Test-server requests of the web pages in the run without the extension: path -> count. */
let baseline = new Map();
/** Paths the test server answered in that run that its recorder did not see: the browser's
 *  own requests for a page (its favicon). */
let browserOwn = new Set();

/** Where a request comes from: 'worker' (a service worker), 'extension' (an extension page),
 *  'web' (an http page), or 'unknown'. */
function origin(request) {
  if (request.serviceWorker()) return { from: 'worker', page: request.serviceWorker().url() };
  let url = '';
  try {
    url = request.frame().url();
  } catch {
    return { from: 'unknown', page: '' };
  }
  // A navigation's frame still shows the address it comes from: judge it by where it goes.
  const judged = request.isNavigationRequest() ? request.url() : url;
  if (judged.startsWith('chrome-extension://')) return { from: 'extension', page: url };
  if (/^https?:/.test(judged)) return { from: 'web', page: url };
  return { from: 'unknown', page: url };
}

function record(request) {
  recorded.push({ ...origin(request), url: request.url(), type: request.resourceType() });
}

const pathOf = (url) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);

/** Visit the pages in a browser without the extension: what they load themselves. */
async function baselineRun() {
  const plain = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const seen = new Map();
  try {
    const context = await plain.newContext({ viewport: { width: 1200, height: 800 } });
    context.on('request', (r) => {
      if (r.url().startsWith(server.url + '/')) count(seen, pathOf(r.url()));
    });
    for (const visit of VISITS) {
      const page = await context.newPage();
      await page.goto(server.url + visit, { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      await page.close();
    }
  } finally {
    await plain.close();
  }
  return seen;
}

/** Stop the service worker (its DevTools target closed) and wake it with a message from an
 *  extension page; returns whether it started again (its globals are fresh) and what was
 *  recorded from the moment it was stopped. */
async function restartWorker() {
  await browser.worker.evaluate(() => { globalThis.privacyProbe = 'before the restart'; });
  const cdp = await browser.context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === extensionOrigin + 'background.js');
    assert.ok(target, 'the service worker target is found');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    for (let i = 0; i < 50 && (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.targetId === target.targetId); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await cdp.detach();
  }
  const mark = recorded.length;
  const page = await browser.context.newPage();
  await page.goto(`${extensionOrigin}options.html`);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'privacy-test-wake' }).catch(() => null));
  const startUp = () => recorded.slice(mark).some((r) => r.from === 'worker' && r.url === extensionOrigin + 'quietread_bg.wasm');
  for (let i = 0; i < 60 && !startUp(); i++) await new Promise((r) => setTimeout(r, 50));
  await page.close();
  const restarted = (await browser.worker.evaluate(() => globalThis.privacyProbe)) === undefined;
  return { restarted, fetched: startUp(), since: recorded.slice(mark) };
}

/**
 * Launch Chromium with the extension and the recorder, and prove the recorder sees the service
 * worker's requests: the worker is stopped and woken, and its start-up fetch of the core must
 * be recorded. A stop that did not take is tried again. playwright-core enables network events
 * for a worker when it attaches to it and ignores a failure to do so; when that happened (the
 * restart's fetch is not seen), the browser is launched again, at most three times.
 */
async function launchWatched() {
  const failures = [];
  for (let launches = 1; launches <= 3; launches++) {
    recorded.length = 0;
    received.extension.length = 0;
    browser = await launch();
    extensionOrigin = `chrome-extension://${browser.extensionId}/`;
    browser.context.on('request', record);
    browser.context.on('page', (page) => page.on('websocket', (ws) => recorded.push({ from: 'websocket', page: page.url(), url: ws.url(), type: 'websocket' })));
    let got;
    let stops = 0;
    while (stops < 3) {
      stops++;
      got = await restartWorker();
      if (got.restarted) break;
    }
    if (got.restarted && got.fetched) return { launches, stops, failures };
    failures.push(got.restarted ? `launch ${launches}: the restarted worker's fetch was not recorded: ${JSON.stringify(got.since)}`
      : `launch ${launches}: the worker did not restart after ${stops} stops`);
    await browser.close();
    browser = null;
  }
  return { failures };
}

before(async () => {
  // A witness independent of the browser: the test server logs every request it answers.
  const create = http.createServer;
  http.createServer = (handler) => create.call(http, (req, res) => {
    received[phase].push(req.url);
    return handler(req, res);
  });
  try {
    server = await serve(WWW);
  } finally {
    http.createServer = create;
  }
  baseline = await baselineRun();
  browserOwn = new Set(received.baseline.filter((p) => !baseline.has(p)));
  phase = 'extension';
  watched = await launchWatched();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

async function openPopup(page) {
  const id = await browser.activeTabId(page);
  assert.ok(id, 'the page tab is found');
  return browser.popupFor(id);
}

const marks = (page) => page.evaluate(() => document.querySelectorAll('[data-quietread]').length);

test('the recorder sees the service worker start and fetch', async (t) => {
  assert.ok(watched && watched.launches, `the recorder saw the service worker's start-up fetch: ${watched && watched.failures.join('; ')}`);
  t.diagnostic(`recorder proven on launch ${watched.launches}, the worker restarted after ${watched.stops} stop(s)` +
    (watched.failures.length ? `; earlier: ${watched.failures.join('; ')}` : ''));

  // A fetch the service worker makes to the test server is recorded, and reaches the server.
  await browser.worker.evaluate((url) => fetch(url).then(() => true, () => false), server.url + PROBE);
  for (let i = 0; i < 50 && !recorded.some((r) => r.url.endsWith(PROBE)); i++) await new Promise((r) => setTimeout(r, 50));
  const probe = recorded.find((r) => r.url.endsWith(PROBE));
  assert.ok(probe, 'a fetch made by the service worker is recorded');
  assert.equal(probe.from, 'worker');
  assert.ok(received.extension.includes(PROBE), 'and reached the test server');
});

test('the demo page is cleaned and labelled by the content script', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + VISITS[0]);
  await page.waitForFunction(() => {
    const m = document.querySelector('.subscribe-modal');
    return m && !m.checkVisibility() && document.querySelectorAll('[data-quietread]').length >= 6
      && document.querySelector('quietread-labels')?.shadowRoot?.querySelectorAll('.label').length >= 10;
  }, null, { timeout: 15000 });
  const popup = await openPopup(page);
  await popup.waitForFunction(() => document.body.dataset.mode === 'page' && Number(document.body.dataset.hidden) >= 6);

  // The site off and on from the popup, then from the shortcut's handler.
  await popup.click('#site-enabled');
  await page.waitForFunction(() => !document.querySelector('[data-quietread], [data-quietread-unlock], quietread-labels'), null, { timeout: 5000 });
  await popup.click('#site-enabled');
  await page.waitForFunction(() => document.querySelectorAll('[data-quietread]').length >= 6, null, { timeout: 5000 });
  await popup.close();
  const tabId = await browser.activeTabId(page);
  assert.deepEqual(await browser.worker.evaluate((id) => globalThis.toggleSite(id), tabId), { host: '127.0.0.1', enabled: false });
  await page.waitForFunction(() => !document.querySelector('[data-quietread]'), null, { timeout: 5000 });
  assert.deepEqual(await browser.worker.evaluate((id) => globalThis.toggleSite(id), tabId), { host: '127.0.0.1', enabled: true });
  await page.waitForFunction(() => document.querySelectorAll('[data-quietread]').length >= 6, null, { timeout: 5000 });

  // "Hide this element on this site", as the context menu's handler does it.
  await page.click('.kicker', { button: 'right' });
  await page.keyboard.press('Escape');
  const got = await browser.worker.evaluate((id) => globalThis.hideElement(id), tabId);
  assert.equal(got && got.host, '127.0.0.1');
  await page.waitForFunction(() => document.querySelector('.kicker').getAttribute('data-quietread') === 'custom', null, { timeout: 5000 });
  assert.ok((await marks(page)) >= 7);
  await page.close();
});

test('a CSP-strict page is planned in the service worker', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + VISITS[1]);
  await page.waitForFunction(() => document.querySelectorAll('[data-quietread]').length >= 6, null, { timeout: 15000 });
  const popup = await openPopup(page);
  await popup.waitForFunction(() => document.body.dataset.mode === 'worker');
  await popup.close();
  await page.close();
});

test('the options page: a default, a site and a selector changed', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${extensionOrigin}options.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#default-nag');
  await page.fill('#new-site', 'news.example.org');
  await page.press('#new-site', 'Enter');
  const field = '[id="site-news.example.org-selector"]';
  await page.waitForSelector(field);
  await page.fill(field, '.promo');
  await page.press(field, 'Enter');
  await page.waitForSelector('[id="site-news.example.org-remove-0"]');
  await page.click('#default-nag');
  await page.close();
});

test('every request went to the test server (the pages\' own) or to the extension itself', async (t) => {
  // Let late requests (a worker restart, a straggling fetch) arrive.
  await new Promise((r) => setTimeout(r, 500));
  const problems = [];
  const local = server.url + '/';
  const web = new Map();
  const seenByRecorder = new Set(recorded.map((r) => r.url.startsWith(local) ? pathOf(r.url) : null));
  for (const r of recorded) {
    const where = `${r.from} (${r.page || 'no page'}) -> ${r.url} [${r.type}]`;
    if (r.url.endsWith(PROBE) && r.from === 'worker') continue; // the test's own probe
    if (r.from === 'web' && r.url.startsWith(local)) {
      count(web, pathOf(r.url));
    } else if (r.url.startsWith(extensionOrigin)) {
      // Pages load nothing of the extension but the core's wasm (the content script's).
      if (r.from === 'web' && r.url !== extensionOrigin + 'quietread_bg.wasm') problems.push('extension file loaded into a web page: ' + where);
      if (r.from === 'unknown' || r.from === 'websocket') problems.push('unattributed request: ' + where);
    } else if (r.url.startsWith(local)) {
      problems.push('the extension reached the test server: ' + where);
    } else {
      problems.push('request to somewhere else: ' + where);
    }
  }
  // What the web pages asked of the test server is what they ask for without the extension.
  for (const [path, n] of web) {
    const expected = baseline.get(path) || 0;
    if (n > expected) problems.push(`the test server was asked for ${path} ${n} time(s), ${expected} without the extension`);
  }
  // And the server's own log agrees: all it answered was seen, or is the browser's own.
  for (const path of received.extension) {
    if (path === PROBE || seenByRecorder.has(path)) continue;
    if (!browserOwn.has(path)) problems.push(`the test server answered ${path}: not seen by the recorder, and not a request the browser makes without the extension`);
  }
  // The run did what it should: pages, the worker (its restart's wasm and the probe, at least)
  // and extension pages all made requests.
  const from = (kind) => recorded.filter((r) => r.from === kind).length;
  t.diagnostic(`recorded ${recorded.length} requests: web pages ${from('web')}, service worker ${from('worker')}, extension pages ${from('extension')}; the test server answered ${received.extension.length}`);
  if (process.env.QUIETREAD_PRIVACY_LOG) for (const r of recorded) t.diagnostic(`${r.from} ${r.url} [${r.type}]`);
  assert.ok(from('web') >= 10 && from('worker') >= 2 && from('extension') >= 6,
    `requests recorded: web ${from('web')}, worker ${from('worker')}, extension pages ${from('extension')}`);
  for (const visit of VISITS) assert.ok(web.has(visit), `${visit} visited`);
  assert.ok(recorded.some((r) => r.from === 'web' && r.url === extensionOrigin + 'quietread_bg.wasm'), 'the content script loaded the core');
  assert.deepEqual(problems, [], `extension under test: ${EXTENSION}`);
});
