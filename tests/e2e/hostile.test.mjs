// End-to-end, Chromium: hostile pages (tests/e2e/pages/). A page that fights the marks, one of
// 100,000 elements and one 5,000 boxes deep, one that attacks the labels, quotes holding markup,
// comments in a shadow root and in frames, a single-page app; and a core that fails to load or
// throws. Timing bounds leave room for a loaded two-core CI machine; the measured figures are
// printed as test diagnostics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, ROOT, EXTENSION } from './browser.mjs';
import { serve } from './server.mjs';
import { waitFor } from './wait.mjs';

/** Worst heartbeat lag allowed while Quietread works (the pages' 10 ms timer, heartbeat.js).
 *  Idle pages here show up to ~65 ms of lag from the machine alone; the slowest single step
 *  (the core's first call on the 5,000-deep page, the wasm still warming up) 60-130 ms. */
const LAG_MS = 300;
/** The same on a page of 40,000 elements, where sending ~1.5 MB of snapshot to the service
 *  worker and collecting it afterwards each took 50-150 ms (215 ms with the machine loaded). */
const LARGE_LAG_MS = 600;

let browser;
let server;

before(async () => {
  server = await serve(path.join(ROOT, 'tests', 'e2e', 'pages'));
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/** Settings as the popup stores them; Quietread on or off for 127.0.0.1. */
const setEnabled = (b, enabled) => b.setSites({ '127.0.0.1': { enabled } });

/** A page of the tests in a new tab, with Quietread on or off for it, and how to ask its
 *  status (through the service worker, as the popup does). */
async function open(file, { enabled = true, b = browser } = {}) {
  await setEnabled(b, enabled);
  const page = await b.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = `${server.url}/${file}`;
  await page.goto(url);
  const tabId = await waitFor(() => b.worker.evaluate(async (url) => {
    for (const t of await chrome.tabs.query({})) {
      const st = await chrome.tabs.sendMessage(t.id, { type: 'status' }).catch(() => null);
      if (st && st.url === url) return t.id;
    }
    return null;
  }, url), 'the page to answer the extension');
  const status = () => b.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'status' }), tabId);
  return { page, errors, tabId, status };
}


/** Load a page with Quietread off, start its heartbeat afresh, turn Quietread on and wait until
 *  `done(status)`; returns the page, the status and the worst heartbeat lag meanwhile. */
async function turnOn(file, done) {
  const tab = await open(file, { enabled: false });
  await tab.page.waitForTimeout(300);
  await tab.page.evaluate(() => window.qrBeat.reset());
  const t0 = Date.now();
  await setEnabled(browser, true);
  const st = await waitFor(async () => {
    const s = await tab.status();
    return done(s) && s;
  }, `Quietread on ${file}`, 30000);
  const ms = Date.now() - t0;
  await tab.page.waitForTimeout(200);
  const beat = await tab.page.evaluate(() => ({ worst: window.qrBeat.worst, beats: window.qrBeat.beats }));
  return { ...tab, st, ms, beat };
}

/** Speakers of the labels drawn on a page (empty when there is no label layer). */
function speakers(page) {
  return page.evaluate(() => {
    const host = document.querySelector('quietread-labels');
    return host ? [...host.shadowRoot.querySelectorAll('.label')].map((l) => l.dataset.speaker) : [];
  });
}

/** The fighting page's prompt over three seconds once the fight has begun. The cap on batches:
 *  the scheduler alone allows one per 10 ms plus its cost (about 60 a second were measured on
 *  this page before Quietread pinned fought elements); once an element is pinned the page has
 *  nothing left to undo, so the window should see none, and a few is the bound. */
async function fight(t, mode) {
  const { page, status, errors } = await open(`fight.html?fight=${mode}`);
  await waitFor(async () => (await status()).runs >= 1, 'the first pass');
  await page.waitForFunction(() => !document.querySelector('.newsletter-box').checkVisibility(), null, { timeout: 10000 });
  const start = await status();
  await page.evaluate(() => { window.qrBeat.reset(); window.qrShown = [0, 0]; window.qrBefore = window.qrFights; });
  await page.waitForTimeout(3000);
  const end = await status();
  const seen = await page.evaluate(() => ({
    shown: window.qrShown, fights: window.qrFights, fightsInWindow: window.qrFights - window.qrBefore,
    worst: window.qrBeat.worst, hidden: !document.querySelector('.newsletter-box').checkVisibility(),
    comments: !document.querySelector('#comments').checkVisibility(),
  }));
  t.diagnostic(`${mode}: batches ${start.batches} before the window, ${end.batches - start.batches} in it; ` +
    `page moves ${seen.fights} (${seen.fightsInWindow} in the window); prompt seen in ${seen.shown[1]} of ${seen.shown[0]} samples; worst lag ${seen.worst.toFixed(1)} ms`);
  assert.ok(end.batches - start.batches <= 3, `batches in 3 s: ${end.batches - start.batches}`);
  assert.ok(start.batches <= 10, `batches before the window: ${start.batches}`);
  // Each hidden element is fought over at most MAX_FIGHTS (5) + 1 times.
  assert.ok(seen.fights <= 12, `the page's moves: ${seen.fights}`);
  assert.ok(seen.shown[0] >= 50, 'the page sampled the prompt');
  assert.ok(seen.shown[1] <= seen.shown[0] * 0.02, `the prompt was seen in ${seen.shown[1]} of ${seen.shown[0]} samples`);
  assert.ok(seen.hidden && seen.comments, 'the prompt and the comments are hidden at the end');
  assert.ok(seen.worst < LAG_MS, `worst heartbeat lag ${seen.worst} ms`);
  assert.equal(end.hidden, 2);
  assert.deepEqual(errors, []);
  return page;
}

test('a page that takes the mark off every hidden element: the fight ends, the prompt stays hidden', async (t) => {
  const page = await fight(t, 'strip');
  // Pinned elements carry no mark; turning the site off takes the pins away too.
  await setEnabled(browser, false);
  await page.waitForFunction(() => document.querySelector('.newsletter-box').checkVisibility() && !document.querySelector('[data-quietread-style]'), null, { timeout: 5000 });
  await page.close();
});

test('a page that swaps the marked prompt for a fresh copy: the fight ends, the copy stays hidden', async (t) => {
  const page = await fight(t, 'replace');
  await page.close();
});

test('100,000 elements: Quietread leaves the page alone, says why in the popup, and the page never freezes', async (t) => {
  const { page, st, ms, beat, tabId, errors } = await turnOn('huge.html', (s) => s.error);
  t.diagnostic(`${st.error}, reported ${ms} ms after the switch; worst lag ${beat.worst.toFixed(1)} ms over ${beat.beats} beats`);
  assert.equal(st.problem.kind, 'large');
  assert.ok(st.problem.count > 100000, JSON.stringify(st.problem));
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-quietread], quietread-labels').length), 0);
  assert.ok(beat.worst < LAG_MS, `worst heartbeat lag ${beat.worst} ms`);
  const popup = await browser.popupFor(tabId);
  await popup.waitForFunction(() => document.body.dataset.problem === 'large');
  assert.match(await popup.textContent('#summary'), /too large to clean \(100,0\d\d elements; Quietread stops at 50,000\)/);
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test('40,000 elements: the page is cleaned in slices without freezing', async (t) => {
  const { page, st, ms, beat } = await turnOn('huge.html?n=40000', (s) => s.runs >= 1);
  t.diagnostic(`cleaned in ${st.ms} ms (${ms} ms to the status), planned in the ${st.planned}; worst lag ${beat.worst.toFixed(1)} ms`);
  assert.equal(await page.evaluate(() => document.querySelector('.newsletter-box').dataset.quietread), 'nag');
  assert.ok(beat.worst < LARGE_LAG_MS, `worst heartbeat lag ${beat.worst} ms`);
  await page.close();
});

test('5,000 nested boxes: cleaned and labelled without a stack overflow or a freeze', async (t) => {
  const { page, st, beat, errors } = await turnOn('deep.html', (s) => s.runs >= 1);
  t.diagnostic(`cleaned in ${st.ms} ms; worst lag ${beat.worst.toFixed(1)} ms`);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.box').length), 5000);
  assert.equal(await page.evaluate(() => document.querySelector('.newsletter-box').dataset.quietread), 'nag');
  await page.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot.querySelectorAll('.label').length >= 3, null, { timeout: 5000 });
  assert.deepEqual([...new Set(await speakers(page))], ['Teodor Salminen']);
  assert.ok(beat.worst < LAG_MS, `worst heartbeat lag ${beat.worst} ms`);
  assert.equal(st.error, null);
  assert.deepEqual(errors, []);
  // Later boxes deep down are read in batches (their ancestors are context, not recursion).
  await page.evaluate(() => {
    const deepest = document.querySelector('.story').parentElement;
    const box = document.createElement('div');
    box.className = 'comments';
    const h = document.createElement('h2');
    h.textContent = 'Comments (8)';
    const p = document.createElement('p');
    p.textContent = 'Join the discussion: add a comment below.';
    box.append(h, p);
    deepest.append(box);
  });
  await page.waitForFunction(() => document.querySelector('.comments').dataset.quietread === 'comments', null, { timeout: 5000 });
  await page.close();
});

/** Whether anything of Quietread's covers the article: the element at the middle of each line
 *  of every paragraph is that paragraph or inside it. */
function covered(page) {
  return page.evaluate(() => {
    const hits = [];
    for (const p of document.querySelectorAll('.story-body p')) {
      for (const r of p.getClientRects()) {
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (y < 0 || y > innerHeight) continue;
        const at = document.elementFromPoint(x, y);
        if (!p.contains(at)) hits.push(`${p.textContent.slice(0, 30)}: ${at && at.localName}`);
      }
    }
    return hits;
  });
}

test('a page that takes the labels off or restyles them once: they come back, beside the text', async () => {
  for (const attack of ['remove', 'restyle']) {
    const { page, errors } = await open(`overlay.html?attack=${attack}&times=1`);
    await page.waitForFunction(() => window.qrAttacks === 1 && document.querySelector('quietread-labels')?.isConnected, null, { timeout: 10000 });
    await page.waitForTimeout(100);
    assert.deepEqual([...new Set(await speakers(page))].sort(), ['Ingrid Sollie', 'Viggo Rasmussen'], attack);
    const box = await page.evaluate(() => {
      const r = document.querySelector('quietread-labels').getBoundingClientRect();
      return [r.width, r.height];
    });
    assert.deepEqual(box, [0, 0], `${attack}: the page's stylesheet does not size the label layer`);
    assert.deepEqual(await covered(page), [], `${attack}: nothing covers the article`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('labels take a dark look on a dark page and a light one on a light page', async () => {
  for (const dark of [true, false]) {
    const { page, errors } = await open(`overlay.html?attack=none${dark ? '&dark=1' : ''}`);
    try {
      await page.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot?.querySelector('.label')?.style.top, null, { timeout: 10000 });
      const look = await page.evaluate(() => {
        const root = document.querySelector('quietread-labels').shadowRoot;
        const label = getComputedStyle(root.querySelector('.label'));
        // Luminance of an rgb() colour, 0 (black) to 1 (white); a transparent one shows the
        // white canvas.
        const lum = (c) => {
          const [r, g, b, a] = c.match(/[\d.]+/g).map(Number);
          return a === 0 ? 1 : (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        };
        return {
          dark: root.querySelector('.layer').classList.contains('dark'),
          text: lum(label.color),
          fill: lum(label.backgroundColor),
          page: lum(getComputedStyle(document.body).backgroundColor),
        };
      });
      assert.equal(look.dark, dark, JSON.stringify(look));
      // The label stands out as the page does: light text on a dark fill on a dark page.
      assert.equal(look.text > look.fill, dark, JSON.stringify(look));
      assert.equal(look.page < 0.5, dark, JSON.stringify(look));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }
});

test('a page that attacks the labels every time: the fight is bounded, nothing covers the article, cleaning goes on', async () => {
  for (const attack of ['remove', 'restyle']) {
    const { page, errors, status } = await open(`overlay.html?attack=${attack}`);
    await waitFor(async () => (await status()).runs >= 1, 'the first pass');
    await page.waitForTimeout(500);
    const attacks = await page.evaluate(() => window.qrAttacks);
    assert.ok(attacks >= 1 && attacks <= 3, `${attack}: the page attacked ${attacks} times`);
    assert.deepEqual(await covered(page), [], `${attack}: nothing covers the article`);
    // Quotes stay tinted and listed; the cleaner still hides what comes later.
    const st = await status();
    assert.deepEqual(st.quoted.map((q) => q.speaker).sort(), ['Ingrid Sollie', 'Viggo Rasmussen']);
    assert.ok(await page.evaluate(() => CSS.highlights.get('quietread-quote').size >= 2));
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.className = 'newsletter-signup';
      const h = document.createElement('h3');
      h.textContent = 'Sign up to our newsletter';
      const p = document.createElement('p');
      p.textContent = 'The morning briefing, in your inbox by seven.';
      box.append(h, p);
      document.querySelector('.story-body').append(box);
    });
    await page.waitForFunction(() => document.querySelector('.newsletter-signup').dataset.quietread === 'nag', null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.qrAttacks), attacks, `${attack}: the fight is over`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('quotes holding markup and script are shown as text, and nothing runs', async () => {
  const { page, tabId, errors } = await open('markup.html');
  await page.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot.querySelectorAll('.label').length >= 2, null, { timeout: 10000 });
  const shown = await page.evaluate(() => {
    const root = document.querySelector('quietread-labels').shadowRoot;
    return {
      aria: [...root.querySelectorAll('.label')].map((l) => l.getAttribute('aria-label')),
      foreign: root.querySelectorAll('script, img, iframe, object').length,
      tinted: [...CSS.highlights.get('quietread-quote')].map((r) => r.toString()),
    };
  });
  assert.ok(shown.aria.some((a) => a.includes('<b>closed</b>')), JSON.stringify(shown.aria));
  assert.ok(shown.aria.some((a) => a.includes('<script>window.qrPwned = 1</script>')), JSON.stringify(shown.aria));
  assert.ok(shown.tinted.some((q) => q.includes('<script>')), 'the quote with the script text is tinted');
  assert.equal(shown.foreign, 0, 'no element is made from the text');
  const popup = await browser.popupFor(tabId);
  await popup.waitForSelector('#quoted button');
  const names = await popup.$$eval('#quoted button .name', (els) => els.map((e) => e.textContent));
  assert.deepEqual(names.sort(), ['Jonte Pikkarainen', 'Wilma Aaltonen']);
  assert.equal(await popup.evaluate(() => document.querySelectorAll('#quoted script, #quoted img, #quoted b').length), 0);
  assert.equal(await page.evaluate(() => window.qrPwned), 0, 'no script from the page text ran');
  assert.deepEqual(errors, []);
  await popup.close();
  await page.close();
});

test('control characters in text, tag and attribute names do not break the packed snapshot', async () => {
  const { page, status, errors } = await open('separators.html');
  const st = await waitFor(async () => {
    const s = await status();
    return s && s.runs > 0 && s.quoted.length >= 2 ? s : null;
  }, 'the page to be cleaned and labelled');
  assert.equal(st.problem, null, JSON.stringify(st.problem));
  assert.equal(st.counts.nag, 1, JSON.stringify(st.counts));
  assert.ok(await page.evaluate(() => document.querySelector('.newsletter-box').hasAttribute('data-quietread')));
  assert.deepEqual(st.quoted.map((q) => q.speaker).sort(), ['Aurelio Benn', 'Ilse Voronova']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('comments in an open shadow root and in frames are hidden, and come back exactly', async () => {
  const { page, errors } = await open('widgets.html', { enabled: false });
  await page.waitForLoadState('load');
  const explainer = () => page.frame({ url: /explainer\.html$/ });
  const shadowHtml = () => page.evaluate(() => document.getElementById('extras').shadowRoot.innerHTML);
  const before = { top: await page.evaluate(() => document.documentElement.outerHTML), shadow: await shadowHtml(), frame: await explainer().evaluate(() => document.documentElement.outerHTML) };
  const seen = () => Promise.all([
    page.evaluate(() => {
      const root = document.getElementById('extras').shadowRoot;
      return {
        shadowComments: root.getElementById('comments').checkVisibility(),
        related: root.querySelector('.related').checkVisibility(),
        commentFrame: document.querySelector('.comments-frame').checkVisibility(),
        article: [...document.querySelectorAll('.story-body p')].every((p) => p.checkVisibility()),
      };
    }),
    explainer().evaluate(() => ({
      frameComments: document.getElementById('explainer-comments').checkVisibility(),
      frameArticle: [...document.querySelectorAll('.explainer-body p')].every((p) => p.checkVisibility()),
    })),
  ]).then(([a, b]) => ({ ...a, ...b }));

  await setEnabled(browser, true);
  await waitFor(async () => {
    const s = await seen();
    return !s.shadowComments && !s.commentFrame && !s.frameComments;
  }, 'the comments to be hidden');
  assert.deepEqual(await seen(), { shadowComments: false, related: true, commentFrame: false, article: true, frameComments: false, frameArticle: true });
  // Comments loaded later into the shadow root are read there too.
  await page.evaluate(() => {
    const root = document.getElementById('extras').shadowRoot;
    const more = document.createElement('section');
    more.className = 'comment-thread';
    const h = document.createElement('h2');
    h.textContent = 'Comments (2 more)';
    const p = document.createElement('p');
    p.textContent = 'Join the discussion and add your comment.';
    more.append(h, p);
    root.append(more);
  });
  await page.waitForFunction(() => !document.getElementById('extras').shadowRoot.querySelector('.comment-thread').checkVisibility(), null, { timeout: 5000 });
  await page.evaluate(() => document.getElementById('extras').shadowRoot.querySelector('.comment-thread').remove());

  await setEnabled(browser, false);
  await waitFor(async () => {
    const s = await seen();
    return s.shadowComments && s.commentFrame && s.frameComments;
  }, 'the comments to come back');
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before.top);
  assert.equal(await shadowHtml(), before.shadow, 'the shadow root is exactly as before');
  assert.equal(await explainer().evaluate(() => document.documentElement.outerHTML), before.frame);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a single-page app: labels and hiding follow articles changed through history.pushState', async () => {
  const { page, status, errors } = await open('spa.html');
  const labelled = (names) => page.waitForFunction((names) => {
    const host = document.querySelector('quietread-labels');
    const labels = host ? [...host.shadowRoot.querySelectorAll('.label')] : [];
    const got = [...new Set(labels.map((l) => l.dataset.speaker))].sort();
    return JSON.stringify(got) === JSON.stringify(names) && labels.every((l) => l.style.display !== 'none' && l.style.top);
  }, names, { timeout: 10000 });
  await labelled(['Agnes Halloran', 'Emil Strand']);
  assert.equal(await page.evaluate(() => document.querySelector('.newsletter-box').dataset.quietread), 'nag');

  await page.click('.next');
  assert.match(page.url(), /\?story=2$/);
  await labelled(['Bertil Asplund', 'Ronja Vesterlund']);
  await page.waitForFunction(() => document.querySelector('.signup-prompt')?.dataset.quietread === 'nag', null, { timeout: 5000 });
  const st = await status();
  assert.deepEqual(st.quoted.map((q) => q.speaker).sort(), ['Bertil Asplund', 'Ronja Vesterlund']);
  assert.match(st.url, /\?story=2$/);
  // Each label sits level with the first line of its quote, in the new article.
  const offsets = await page.evaluate(() => {
    const labels = [...document.querySelector('quietread-labels').shadowRoot.querySelectorAll('.label')];
    const ranges = [...CSS.highlights.get('quietread-quote')];
    return labels.map((l, i) => Math.abs(l.getBoundingClientRect().top - ranges[i].getClientRects()[0].top));
  });
  assert.ok(offsets.length >= 2 && offsets.every((d) => d < 40), JSON.stringify(offsets));

  await page.goBack();
  await labelled(['Agnes Halloran', 'Emil Strand']);
  await page.waitForFunction(() => document.querySelector('.newsletter-box')?.dataset.quietread === 'nag', null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

/** A copy of the extension under test with one file broken by `breakIt(dir)`. */
function brokenCopy(name, breakIt) {
  const dir = fs.mkdtempSync(path.join(ROOT, 'target', 'tmp', `extension-${name}-`));
  fs.cpSync(EXTENSION, dir, { recursive: true });
  breakIt(dir);
  return dir;
}

/** launch() from browser.mjs for another unpacked copy: a module instance of its own reads
 *  QUIETREAD_EXTENSION_DIR when it loads. */
async function launchCopy(dir) {
  const saved = process.env.QUIETREAD_EXTENSION_DIR;
  process.env.QUIETREAD_EXTENSION_DIR = dir;
  try {
    const copy = await import(`./browser.mjs?extension=${encodeURIComponent(dir)}`);
    return await copy.launch();
  } finally {
    if (saved === undefined) delete process.env.QUIETREAD_EXTENSION_DIR;
    else process.env.QUIETREAD_EXTENSION_DIR = saved;
  }
}

const BROKEN = {
  'a corrupt wasm file': (dir) => fs.writeFileSync(path.join(dir, 'quietread_bg.wasm'), Buffer.from('\0asm not a module at all')),
  'a core that throws': (dir) => fs.appendFileSync(path.join(dir, 'quietread.js'),
    "\nwasm_bindgen.plan_input = function () { throw new Error('the core broke on purpose'); };\n"),
};

for (const [name, breakIt] of Object.entries(BROKEN)) {
  test(`failure is quiet with ${name}: the page is untouched, the popup says why, one console line`, async (t) => {
    const dir = brokenCopy(name.replace(/\W+/g, '-'), breakIt);
    const b = await launchCopy(dir);
    try {
      // The page as it is without Quietread.
      const reference = await open('markup.html', { enabled: false, b });
      const untouched = await reference.page.evaluate(() => document.documentElement.outerHTML);
      await reference.page.close();

      await setEnabled(b, true);
      const page = await b.context.newPage();
      const lines = [];
      page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`pageerror: ${e}`));
      await page.goto(`${server.url}/markup.html`);
      const tabId = await waitFor(() => b.worker.evaluate(async (url) => {
        for (const t of await chrome.tabs.query({})) {
          const st = await chrome.tabs.sendMessage(t.id, { type: 'status' }).catch(() => null);
          if (st && st.url === url && st.error) return t.id;
        }
        return null;
      }, page.url()), 'the failure to be reported');
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => document.documentElement.outerHTML), untouched, 'the page is untouched');
      const ours = lines.filter((l) => !/Failed to load resource/.test(l));
      t.diagnostic(`console: ${JSON.stringify(ours)}`);
      assert.equal(ours.length, 1, JSON.stringify(lines));
      assert.match(ours[0], /^warning: Quietread: page left as it was: /);
      const popup = await b.popupFor(tabId);
      await popup.waitForFunction(() => document.body.dataset.problem === 'core');
      const summary = await popup.textContent('#summary');
      t.diagnostic(`popup: ${summary}`);
      assert.match(summary, /^Quietread's core could not run here, so the page was left as it was: /);
      assert.match(summary, name.includes('throws') ? /broke on purpose/ : /CompileError|WebAssembly/);
      await popup.close();
      await page.close();
    } finally {
      await b.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
