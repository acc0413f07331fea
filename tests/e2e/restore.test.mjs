// End-to-end, Chromium: turning a site off puts every page back exactly as it was before
// Quietread ran: document.documentElement.outerHTML (in every frame) and the scroll position.
// Pages: the demo page, every fixture page and the hostile pages where a static page is meaningful.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, ROOT, WWW } from './browser.mjs';
import { serve } from './server.mjs';
import { waitFor } from './wait.mjs';

let browser;
let demo;
let tests;
let page;
let tabId;

/** Every page to check: [server, path]. */
function pages() {
  const fixtures = (dir) => fs.readdirSync(path.join(ROOT, 'tests', dir)).filter((f) => f.endsWith('.html')).sort().map((f) => [tests, `/${dir}/${f}`]);
  return [
    [demo, '/index.html?demo=off&modal=off'],
    [demo, '/index.html?demo=off&modal=0'],
    ...fixtures('fixtures'),
    ...fixtures('fixtures/clutter'),
    ...['markup.html', 'widgets.html', 'spa.html', 'deep.html', 'overlay.html', 'fight.html?fight=strip', 'fight.html?fight=replace']
      .map((p) => [tests, `/e2e/pages/${p}`]),
  ];
}

before(async () => {
  demo = await serve(WWW);
  tests = await serve(path.join(ROOT, 'tests'));
  browser = await launch();
  page = await browser.context.newPage();
});

after(async () => {
  if (browser) await browser.close();
  if (demo) await demo.close();
  if (tests) await tests.close();
});

/** Turn Quietread on or off for 127.0.0.1 (every server of the tests), as the popup does. */
const setEnabled = (enabled) => browser.setSites({ '127.0.0.1': { enabled } });

/** Load `url` in the test's tab; the first time, find the tab's id as the popup would. */
async function goto(url) {
  await page.goto(url);
  tabId ??= await waitFor(() => browser.worker.evaluate(async (url) => {
    for (const t of await chrome.tabs.query({})) {
      const st = await chrome.tabs.sendMessage(t.id, { type: 'status' }).catch(() => null);
      if (st && st.url === url) return t.id;
    }
    return null;
  }, url), 'the page to answer the extension');
}

/** The status of the page's top frame, asked through the service worker. */
function status() {
  return browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'status' }).catch(() => null), tabId);
}

/** outerHTML of the page and of every frame in it, and the top frame's scroll position, read
 *  after two frames so that layout (and scroll anchoring) has settled. */
async function state() {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const html = [];
  for (const frame of page.frames()) html.push(await frame.evaluate(() => document.documentElement.outerHTML));
  const scroll = await page.evaluate(() => [window.scrollX, window.scrollY]);
  return { html, scroll };
}

/** Whether Quietread has left nothing behind in any frame. */
async function clean() {
  for (const frame of page.frames()) {
    const left = await frame.evaluate(() => !!document.querySelector('[data-quietread], [data-quietread-unlock], [data-quietread-style], quietread-labels'));
    if (left) return false;
  }
  return true;
}

test('turning a site off restores outerHTML and the scroll position on every page', async (t) => {
  await setEnabled(false);
  const seen = [];
  for (const [server, file] of pages()) {
    const url = server.url + file;
    await goto(url);
    // Let the page's own scripts settle (the demo's modal, frames loading).
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, Math.floor((document.documentElement.scrollHeight - innerHeight) / 2)));
    const before = await state();

    await setEnabled(true);
    const on = await waitFor(async () => {
      const st = await status();
      return st && st.active && st.runs >= 1 && st.url === page.url() && st;
    }, `the cleaner on ${file}`);
    // Labels are placed in the frame after the run.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    await setEnabled(false);
    await waitFor(async () => !(await status()).active && (await clean()), `the restore of ${file}`);
    const after = await state();
    for (let i = 0; i < before.html.length; i++) {
      assert.equal(after.html[i], before.html[i], `${file}: frame ${i} is exactly as before`);
    }
    assert.ok(Math.abs(after.scroll[0] - before.scroll[0]) <= 1 && Math.abs(after.scroll[1] - before.scroll[1]) <= 1,
      `${file}: scrolled to ${after.scroll} after, ${before.scroll} before`);
    seen.push(file);
    t.diagnostic(`${file}: ${on.hidden} hidden, ${before.html.length} frame(s), scrolled to y ${before.scroll[1]}`);
  }
  assert.ok(seen.length >= 30, `pages checked: ${seen.length}`);
});

/** The first article paragraph whose top is in the window, and where its top is. */
function topParagraph() {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('.article-body > p')];
    const i = all.findIndex((p) => p.getBoundingClientRect().top >= 0);
    return { i, top: all[i].getBoundingClientRect().top, y: window.scrollY };
  });
}

test('the text being read stays put when Quietread comes on, and when it goes off after the reader scrolled', async () => {
  await setEnabled(false);
  await goto(`${demo.url}/index.html?demo=off&modal=off`);
  await page.evaluate(() => window.scrollTo(0, document.querySelectorAll('.article-body > p')[8].offsetTop));
  const reading = await topParagraph();
  await setEnabled(true);
  await waitFor(async () => (await status())?.runs >= 1, 'the cleaner');
  const cleaned = await page.evaluate((i) => document.querySelectorAll('.article-body > p')[i].getBoundingClientRect().top, reading.i);
  assert.ok(Math.abs(cleaned - reading.top) <= 2, `paragraph ${reading.i} moved from ${reading.top} to ${cleaned}`);
  // The reader goes on reading; turning Quietread off keeps the new place, not the old one.
  await page.evaluate(() => window.scrollBy(0, 300));
  const later = await topParagraph();
  await setEnabled(false);
  await waitFor(async () => !(await status()).active && (await clean()), 'the restore');
  const after = await page.evaluate((i) => document.querySelectorAll('.article-body > p')[i].getBoundingClientRect().top, later.i);
  assert.ok(Math.abs(after - later.top) <= 2, `paragraph ${later.i} moved from ${later.top} to ${after}`);
});
