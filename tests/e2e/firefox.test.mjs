// End-to-end in Firefox ESR: the same unpacked extension (dist/extension) on the demo page
// and on a page whose CSP forbids wasm in the page, served from 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, WWW } from './browser.mjs';
import { launchFirefox, tabShowing } from './firefox.mjs';
import { serve } from './server.mjs';
import { CLUTTER, inspect, canScroll, labelsOf } from './demo.mjs';
import { waitFor } from './wait.mjs';

let firefox;
let server;

before(async () => {
  server = await serve(WWW);
  firefox = await launchFirefox();
});

after(async () => {
  if (firefox) await firefox.close();
  if (server) await server.close();
});

/** Every clutter element hidden with its category, and no article paragraph hidden. */
async function assertCleaned(page) {
  const state = await inspect(page);
  assert.ok(state.paragraphs >= 10, `article paragraphs found: ${state.paragraphs}`);
  assert.deepEqual(state.hiddenParagraphs, [], 'no article paragraph is hidden');
  for (const [sel, category] of Object.entries(CLUTTER)) {
    assert.deepEqual(state.clutter[sel], { visible: false, mark: category }, sel);
  }
}

test('Firefox: the demo page is cleaned, the late modal hidden, scrolling back, quotes labelled', async () => {
  const page = await firefox.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/index.html?demo=off&modal=1200`);
  await page.waitForSelector('.subscribe-modal', { timeout: 10000 });
  await page.waitForFunction(() => {
    const m = document.querySelector('.subscribe-modal');
    const b = document.querySelector('.modal-backdrop');
    return m && b && !m.checkVisibility() && !b.checkVisibility();
  }, { timeout: 10000 });
  await assertCleaned(page);
  assert.equal(await page.evaluate(() => document.querySelector('.subscribe-modal').closest('[data-quietread]').dataset.quietread), 'paywall');
  assert.ok(await canScroll(page), 'the page scrolls again after the modal is hidden');

  await page.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot?.querySelectorAll('.label').length >= 10, { timeout: 10000 });
  const labels = await labelsOf(page);
  const count = (who) => labels.filter((l) => l.speaker === who).length;
  assert.ok(count('Liesl Varga') >= 5, JSON.stringify(labels.map((l) => l.speaker)));
  assert.equal(count('Tomas Andric and Hana Ostrova'), 1, 'a statement by two people names both');
  assert.ok(labels.every((l) => l.box.right > l.box.left && l.box.bottom > l.box.top), 'labels are laid out');
  const tinted = await page.evaluate(() => {
    const h = CSS.highlights.get('quietread-quote');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.ok(tinted.some((t) => t.startsWith('Even so, we will keep working')), JSON.stringify(tinted));
  assert.ok(!tinted.some((t) => t.includes('Tidewater Group')), 'scare quotes are not labelled');
  assert.deepEqual(errors, [], 'nothing is thrown into the page');
  await page.close();
});

test('Firefox: a page whose CSP forbids wasm is cleaned too', async () => {
  const page = await firefox.browser.newPage();
  const response = await page.goto(`${server.url}/csp/index.html?demo=off&modal=off`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'unsafe-inline'/);
  const blocked = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => false, () => true));
  assert.ok(blocked, 'the page CSP really blocks wasm in the page');
  await page.waitForFunction((n) => document.querySelectorAll('[data-quietread]').length >= n, { timeout: 10000 }, 6);
  await assertCleaned(page);
  await page.close();
});

test('Firefox: turning the site off in the popup restores the page exactly', async () => {
  const options = await firefox.openExtensionPage('options.html');
  await options.evaluate(`QuietreadSettings.setSite(chrome.storage.local, '127.0.0.1', { enabled: false })`);
  const page = await firefox.browser.newPage();
  const url = `${server.url}/index.html?demo=off&modal=300`;
  await page.goto(url);
  await page.waitForSelector('.subscribe-modal');
  await new Promise((r) => setTimeout(r, 300));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(await canScroll(page), false, 'the publisher locked scrolling');

  const tab = (await tabShowing(options, url))?.id;
  assert.ok(tab, 'the page answers the extension');
  const popup = await firefox.openExtensionPage(`popup.html?tab=${tab}`);
  await waitFor(() => popup.evaluate(`document.body.dataset.ready === 'true'`), 'the popup');
  assert.equal(await popup.evaluate(`document.querySelector('#site').textContent`), '127.0.0.1');
  await popup.evaluate(`document.querySelector('#site-enabled').click()`);
  await page.waitForFunction(() => !document.querySelector('.subscribe-modal').checkVisibility(), { timeout: 10000 });
  await assertCleaned(page);
  assert.ok(await canScroll(page), 'cleaning unlocks scrolling');
  await waitFor(() => popup.evaluate(`Number(document.body.dataset.hidden) >= 6`), 'the popup count');
  assert.equal(await popup.evaluate(`document.body.dataset.mode`), 'page', 'Firefox runs the core in the content script');

  await popup.evaluate(`document.querySelector('#site-enabled').click()`);
  await page.waitForFunction(() => !document.querySelector('[data-quietread], [data-quietread-unlock], quietread-labels'), { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, 'the DOM is exactly as before');
  assert.equal(await canScroll(page), false, "the publisher's own lock is back");
  await options.evaluate(`QuietreadSettings.removeSite(chrome.storage.local, '127.0.0.1')`);
  await popup.close();
  await options.close();
  await page.close();
});

/** A long page written for this test: an article of `n` paragraphs and a newsletter box. */
function longPage(n) {
  const people = ['Ines Halvorsen', 'Marek Duda', 'Oona Lind', 'Pavel Krantz'];
  const paragraphs = Array.from({ length: n }, (_, i) =>
    `<p>Section ${i}: the harbour council met again on the question of the northern quay, and ` +
    `${people[i % 4]} said the repairs would need another season of careful work before the ferries return.</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long report</title></head><body>
<header><a href="/">The Harbour Post</a></header>
<main><article><h1>A long report on the northern quay</h1><div class="article-body">${paragraphs.join('\n')}</div></article>
<aside class="newsletter-signup"><h2>Get the morning briefing</h2><p>Sign up for our newsletter and get the news in your inbox every morning.</p>
<form><input type="email" placeholder="Your email"><button>Sign up</button></form></aside></main></body></html>`;
}

test('Firefox: a very large page is planned in the background script', async () => {
  const root = fs.mkdtempSync(path.join(ROOT, 'target', 'tmp', 'long-'));
  fs.writeFileSync(path.join(root, 'long.html'), longPage(3000));
  const long = await serve(root);
  try {
    const page = await firefox.browser.newPage();
    const url = `${long.url}/long.html`;
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('.newsletter-signup')?.dataset.quietread === 'nag', { timeout: 20000 });
    const shown = await page.evaluate(() => [...document.querySelectorAll('.article-body > p')].filter((p) => !p.checkVisibility()).length);
    assert.equal(shown, 0, 'no paragraph is hidden');
    const options = await firefox.openExtensionPage('options.html');
    const { status: st } = await tabShowing(options, url);
    assert.equal(st.planned, 'worker', JSON.stringify(st));
    await options.close();
    await page.close();
  } finally {
    await long.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
