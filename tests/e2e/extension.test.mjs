// End-to-end: Debian's Chromium with the unpacked extension, on pages served from 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, WWW } from './browser.mjs';
import { serve } from './server.mjs';
import { CLUTTER, inspect, canScroll, labelsOf } from './demo.mjs';

let browser;
let server;

before(async () => {
  server = await serve(WWW);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

const setSites = (sites) => browser.setSites(sites);
const tabIdOf = (page) => browser.activeTabId(page);

/** The content script's status of the page's tab, as the popup asks for it. */
async function statusOf(page) {
  const id = await tabIdOf(page);
  return browser.worker.evaluate((tab) => chrome.tabs.sendMessage(tab, { type: 'status' }), id);
}

async function openPopup(page) {
  const id = await tabIdOf(page);
  assert.ok(id, 'the page tab is found');
  return browser.popupFor(id);
}


/** The demo page, without its own cleaner or modal, once the extension (on by default) has
 *  cleaned it. */
async function openCleanedDemo() {
  await setSites({});
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/index.html?demo=off&modal=off`);
  await page.waitForFunction(() => document.querySelectorAll('[data-quietread]').length >= 6, null, { timeout: 10000 });
  return page;
}


test('the demo page is cleaned: clutter hidden, article intact, late modal hidden, scrolling back', async () => {
  await setSites({});
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/index.html?demo=off&modal=1200`);
  await page.waitForSelector('.subscribe-modal', { state: 'attached', timeout: 10000 });
  await page.waitForFunction(() => {
    const m = document.querySelector('.subscribe-modal');
    const b = document.querySelector('.modal-backdrop');
    return m && b && !m.checkVisibility() && !b.checkVisibility();
  }, null, { timeout: 10000 });
  const state = await inspect(page, CLUTTER);
  assert.ok(state.paragraphs >= 10, `article paragraphs found: ${state.paragraphs}`);
  assert.deepEqual(state.hiddenParagraphs, [], 'no article paragraph is hidden');
  for (const [sel, category] of Object.entries(CLUTTER)) {
    assert.deepEqual(state.clutter[sel], { visible: false, mark: category }, sel);
  }
  const modal = await page.evaluate(() => document.querySelector('.subscribe-modal').closest('[data-quietread]').dataset.quietread);
  assert.equal(modal, 'paywall');
  assert.ok(await canScroll(page), 'the page scrolls again after the modal is hidden');
  await page.close();
});

test('turning the site off in the popup restores the page exactly', async () => {
  await setSites({ '127.0.0.1': { enabled: false } });
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/index.html?demo=off&modal=300`);
  await page.waitForSelector('.subscribe-modal', { state: 'attached' });
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(await canScroll(page), false, 'the publisher locked scrolling');

  const popup = await openPopup(page);
  assert.equal(await popup.textContent('#site'), '127.0.0.1');
  assert.equal(await popup.isChecked('#site-enabled'), false);
  await popup.click('#site-enabled');
  await page.waitForFunction(() => !document.querySelector('.subscribe-modal').checkVisibility(), null, { timeout: 10000 });
  assert.ok(await canScroll(page), 'cleaning unlocks scrolling');
  await popup.waitForFunction(() => Number(document.body.dataset.hidden) >= 6, null, { timeout: 5000 });
  assert.match(await popup.textContent('#summary'), /items? hidden on this page/);
  assert.equal(await popup.textContent('output[data-count="comments"]'), '2');

  // One category off: comments come back, the rest stay hidden.
  await popup.click('input[data-category="comments"]');
  await page.waitForFunction(() => document.querySelector('#comments').checkVisibility(), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.querySelector('.support-epic').checkVisibility()), false);
  await popup.click('input[data-category="comments"]');
  await page.waitForFunction(() => !document.querySelector('#comments').checkVisibility(), null, { timeout: 5000 });

  await popup.click('#site-enabled');
  await page.waitForFunction(() => !document.querySelector('[data-quietread], [data-quietread-unlock]'), null, { timeout: 5000 });
  const after = await page.evaluate(() => document.documentElement.outerHTML);
  assert.equal(after, before, 'the DOM is exactly as before');
  assert.equal(await canScroll(page), false, "the publisher's own lock is back");
  await popup.close();
  await page.close();
});

test('late content is handled in batches that read only what changed', async () => {
  const page = await openCleanedDemo();

  // A newsletter prompt injected into the article after load.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.className = 'x9f2';
    const h = document.createElement('h3');
    h.textContent = 'Sign up to our newsletter';
    const p = document.createElement('p');
    p.textContent = 'The morning briefing, in your inbox by seven.';
    box.append(h, p);
    document.querySelectorAll('.article-body > p')[4].after(box);
  });
  await page.waitForFunction(() => document.querySelector('.x9f2')?.getAttribute('data-quietread') === 'nag', null, { timeout: 5000 });

  // A prompt the page puts back, as a new element, each time it is hidden.
  await page.evaluate(() => {
    window.reinserted = 0;
    const make = () => {
      const d = document.createElement('div');
      d.className = 'give-box';
      d.textContent = 'Your support helps us keep reporting. Donate now.';
      document.querySelector('.article-body').append(d);
      new MutationObserver((_, obs) => {
        if (d.hasAttribute('data-quietread') && window.reinserted < 5) {
          obs.disconnect();
          d.remove();
          window.reinserted++;
          make();
        }
      }).observe(d, { attributes: true });
    };
    make();
  });
  await page.waitForFunction(() => window.reinserted === 5 && document.querySelectorAll('.give-box').length === 1
    && document.querySelector('.give-box').getAttribute('data-quietread') === 'appeal', null, { timeout: 10000 });

  // A page that takes Quietread's mark off an element gets it back.
  await page.evaluate(() => document.querySelector('.support-epic').removeAttribute('data-quietread'));
  await page.waitForFunction(() => document.querySelector('.support-epic').getAttribute('data-quietread') === 'appeal', null, { timeout: 5000 });

  // More comments loaded into the hidden section need no work at all, and stay hidden.
  await page.evaluate(() => {
    const li = document.createElement('li');
    li.textContent = 'A late comment';
    document.querySelector('.comments__list').append(li);
  });
  assert.equal(await page.evaluate(() => document.querySelector('.comments__list li:last-child').checkVisibility()), false);

  const popup = await openPopup(page);
  await popup.waitForFunction(() => Number(document.body.dataset.batches) >= 7);
  assert.equal(await popup.getAttribute('body', 'data-runs'), '1', 'one full pass; everything later was a batch');
  assert.match(await popup.textContent('#summary'), /later changes followed/);
  await popup.close();
  const state = await inspect(page, CLUTTER);
  assert.deepEqual(state.hiddenParagraphs, []);
  await page.close();
});


test('quote labels name the speakers beside the quotes, without touching the article', async () => {
  await setSites({});
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/index.html?demo=off&modal=off`);
  const articleBefore = await page.evaluate(() => document.querySelector('.article-body').innerHTML.replace(/ data-quietread="[a-z]+"/g, ''));
  await page.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot?.querySelectorAll('.label').length >= 10, null, { timeout: 10000 });
  const labels = await labelsOf(page);
  const count = (who) => labels.filter((l) => l.speaker === who).length;
  assert.ok(count('Liesl Varga') >= 5, JSON.stringify(labels.map((l) => l.speaker)));
  assert.ok(count('Tomas Andric') >= 2);
  assert.ok(count('Tomas Andric and Hana Ostrova') === 1, 'a statement by two people names both');
  assert.ok(labels.every((l) => l.tabindex === 0 && /^Quote by /.test(l.aria)), 'labels are reachable and described');
  // The quotations came after the cleanup, from the core that planned it, without a second plan.
  const st = await statusOf(page);
  assert.equal(st.planned, 'page');
  assert.equal(st.labelsAgain, 0);
  // Scare quotes get no highlight; real quotes do (CSS Custom Highlight API).
  const tinted = await page.evaluate(() => {
    const h = CSS.highlights.get('quietread-quote');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.ok(tinted.some((t) => t.startsWith('Even so, we will keep working')), JSON.stringify(tinted));
  assert.ok(!tinted.some((t) => t.includes('Tidewater Group')), 'scare quotes are not labelled');
  // Labels sit beside the text, never over an article paragraph.
  const overlaps = await page.evaluate((boxes) => {
    const hits = [];
    for (const p of document.querySelectorAll('.article-body > p')) {
      for (const r of p.getClientRects()) {
        for (const b of boxes) {
          if (b.left < r.right && b.right > r.left && b.top < r.bottom && b.bottom > r.top) hits.push(p.textContent.slice(0, 40));
        }
      }
    }
    return hits;
  }, labels.map((l) => l.box));
  assert.deepEqual(overlaps, []);
  // The article's own nodes are not rewritten.
  const articleAfter = await page.evaluate(() => document.querySelector('.article-body').innerHTML.replace(/ data-quietread="[a-z]+"/g, ''));
  assert.equal(articleAfter, articleBefore);
  // Labels follow the layout: a narrower window moves them with the text.
  const before = (await labelsOf(page))[0].box;
  await page.setViewportSize({ width: 900, height: 800 });
  await page.waitForFunction((top) => {
    const l = document.querySelector('quietread-labels').shadowRoot.querySelector('.label');
    return Math.abs(l.getBoundingClientRect().top - top) > 2 || l.getBoundingClientRect().left < 700;
  }, before.top, { timeout: 5000 });
  await page.setViewportSize({ width: 1200, height: 800 });

  // The popup lists who is quoted; a name scrolls to the first quote.
  const popup = await openPopup(page);
  await popup.waitForSelector('#quoted button[data-speaker="Liesl Varga"]');
  assert.match(await popup.textContent('#quoted button[data-speaker="Liesl Varga"] .count'), /^[5-9]$/);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await popup.click('#quoted button[data-speaker="Jonas Brekke"]');
  await page.waitForFunction(() => {
    const h = CSS.highlights.get('quietread-quote');
    const r = [...h].find((x) => x.toString().startsWith('Our captains')).getBoundingClientRect();
    return r.top > 0 && r.bottom < window.innerHeight;
  }, null, { timeout: 5000 });
  // Labels off for the site: they go, the cleanup stays.
  await popup.click('#site-labels');
  await page.waitForFunction(() => !document.querySelector('quietread-labels') && !CSS.highlights.has('quietread-quote'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.querySelector('.support-epic').checkVisibility()), false);
  await popup.close();
  await page.close();
});

test('a page whose CSP forbids wasm is cleaned through the service worker', async () => {
  await setSites({});
  const page = await browser.context.newPage();
  const response = await page.goto(`${server.url}/csp/index.html?demo=off&modal=off`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'unsafe-inline'/);
  const blocked = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => false, () => true));
  assert.ok(blocked, 'the page CSP really blocks wasm');
  await page.waitForFunction((n) => document.querySelectorAll('[data-quietread]').length >= n, 6, { timeout: 10000 });
  // The quotations the worker's plan put off come from the worker too.
  await page.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot?.querySelectorAll('.label').length >= 10, null, { timeout: 10000 });
  const st = await statusOf(page);
  assert.equal(st.planned, 'worker');
  assert.equal(st.labelsAgain, 0);
  const state = await inspect(page, CLUTTER);
  assert.deepEqual(state.hiddenParagraphs, []);
  for (const [sel, category] of Object.entries(CLUTTER)) {
    assert.deepEqual(state.clutter[sel], { visible: false, mark: category }, sel);
  }
  const popup = await openPopup(page);
  await popup.waitForFunction(() => document.body.dataset.mode === 'worker');
  assert.match(await popup.textContent('#summary'), /service worker/);
  await popup.close();
  await page.close();
});

test('the demo page runs the core itself, with its own switches', async () => {
  await setSites({ '127.0.0.1': { enabled: false } });
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/index.html?modal=500`);
  await page.waitForSelector('#qr-demo-strip[data-ready="true"]');
  await page.waitForFunction(() => {
    const m = document.querySelector('.subscribe-modal');
    return m && !m.checkVisibility();
  }, null, { timeout: 10000 });
  const hidden = Number(await page.getAttribute('#qr-demo-strip', 'data-hidden'));
  assert.ok(hidden >= 8, `demo hid ${hidden}`);
  assert.match(await page.textContent('#qr-result'), /hidden in [\d.]+ ms/);
  assert.ok(await canScroll(page));
  await page.click('#qr-enabled');
  await page.waitForFunction(() => !document.querySelector('[data-quietread-demo]'));
  assert.equal(await page.evaluate(() => document.querySelector('.support-epic').checkVisibility()), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a site's own selectors hide what they name, never the page or the article, and come back off", async () => {
  await setSites({ '127.0.0.1': { selectors: ['.story__figure', 'body', '.layout', '.kicker, .byline__name'] } });
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/index.html?demo=off&modal=off`);
  const marks = () => page.evaluate(() => ['.story__figure', '.kicker', '.byline__name', 'body', '.layout', '.article-body']
    .map((sel) => document.querySelector(sel).getAttribute('data-quietread')));
  await page.waitForFunction(() => document.querySelector('.story__figure').getAttribute('data-quietread') === 'custom', null, { timeout: 10000 });
  // body and the box around the article are refused; a list of selectors works.
  assert.deepEqual(await marks(), ['custom', 'custom', 'custom', null, null, null]);
  const state = await inspect(page, CLUTTER);
  assert.deepEqual(state.hiddenParagraphs, []);
  // A figure added later that the selector names is hidden too.
  await page.evaluate(() => {
    const fig = document.createElement('figure');
    fig.className = 'story__figure late';
    document.querySelector('.article-body').append(fig);
  });
  await page.waitForFunction(() => document.querySelector('.story__figure.late').getAttribute('data-quietread') === 'custom', null, { timeout: 5000 });
  await setSites({ '127.0.0.1': { enabled: false } });
  await page.waitForFunction(() => !document.querySelector('[data-quietread]'), null, { timeout: 5000 });
  await page.close();
});

test('the badge counts hidden items and the shortcut turns the site off and on', async () => {
  const page = await openCleanedDemo();
  const tabId = await tabIdOf(page);
  const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const hidden = await page.evaluate(() => document.querySelectorAll('[data-quietread]').length);
  for (let i = 0; i < 50 && (await badge()) !== String(hidden); i++) await page.waitForTimeout(100);
  assert.equal(await badge(), String(hidden));
  // The keyboard shortcut's handler, called as chrome.commands would call it.
  assert.deepEqual(await browser.worker.evaluate((id) => globalThis.toggleSite(id), tabId), { host: '127.0.0.1', enabled: false });
  await page.waitForFunction(() => !document.querySelector('[data-quietread]'), null, { timeout: 5000 });
  for (let i = 0; i < 50 && (await badge()) !== ''; i++) await page.waitForTimeout(100);
  assert.equal(await badge(), '');
  assert.deepEqual(await browser.worker.evaluate((id) => globalThis.toggleSite(id), tabId), { host: '127.0.0.1', enabled: true });
  await page.waitForFunction(() => document.querySelectorAll('[data-quietread]').length >= 6, null, { timeout: 5000 });
  await page.close();
});

test('"Hide this element on this site" saves a rule for the element under the pointer, undone from the popup', async () => {
  const page = await openCleanedDemo();
  await page.click('.kicker', { button: 'right' });
  await page.keyboard.press('Escape');
  const tabId = await tabIdOf(page);
  // The context menu's handler, called as chrome.contextMenus would call it.
  const got = await browser.worker.evaluate((id) => globalThis.hideElement(id), tabId);
  assert.equal(got.host, '127.0.0.1');
  assert.equal(await page.evaluate((sel) => document.querySelectorAll(sel).length === 1 && document.querySelector(sel).matches('.kicker'), got.selector), true);
  await page.waitForFunction(() => document.querySelector('.kicker').getAttribute('data-quietread') === 'custom', null, { timeout: 5000 });
  const popup = await openPopup(page);
  await popup.waitForSelector('#custom button');
  assert.equal(await popup.textContent('#custom code'), got.selector);
  await popup.click('#custom button');
  await popup.waitForFunction(() => document.querySelector('#custom-section').hidden);
  await popup.close();
  await page.waitForFunction(() => !document.querySelector('.kicker').hasAttribute('data-quietread'), null, { timeout: 5000 });
  await page.close();
});
