// End-to-end, Chromium: the page read from its markup (one serialization) gives the plan the
// walk gives (the same elements hidden, the same article, the same quotations and speakers),
// and a page whose markup the core cannot place, or that holds an open shadow root, is walked.
// The hands and the core run in the page's own world here, as the benchmark runs them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchPlain } from '../../bench/chromium.mjs';
import { ROOT, EXTENSION } from './browser.mjs';
import { serve } from './server.mjs';

let browser;
let context;
let server;
const wasm = () => [...fs.readFileSync(path.join(EXTENSION, 'quietread_bg.wasm'))];

before(async () => {
  server = await serve(path.join(ROOT, 'tests', 'e2e', 'pages'));
  const scripts = ['settings.js', 'overlay.js', 'hands.js', 'quietread.js', 'wasm.js'].map((n) => path.join(EXTENSION, n));
  ({ browser, context } = await launchPlain([...scripts, path.join(ROOT, 'tests', 'e2e', 'core-global.js')]));
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

async function open(file) {
  const page = await context.newPage();
  await page.goto(`${server.url}/${file}`);
  await page.evaluate(async (bytes) => {
    globalThis.corePlan = QuietreadWasm.planner(QuietreadCore, await QuietreadCore({ module_or_path: new Uint8Array(bytes) }));
  }, wasm());
  return page;
}

/** Both readings of the page in it, planned with labels: what each hides, its article, its
 *  quotations (the text of each range and its speaker); null for the markup where there is no
 *  markup snapshot, and the core's refusal where it refuses one. */
function compare(page) {
  return page.evaluate(() => {
    const H = QuietreadHands;
    const opts = { markAttr: 'data-quietread' };
    const settings = 'labels=1';
    const quoteText = (nodes, q, point) => {
      const a = point(nodes[q.start[0]], q.start[1]);
      const b = point(nodes[q.end[0]], q.end[1]);
      const r = document.createRange();
      r.setStart(a[0], a[1]);
      r.setEnd(b[0], b[1]);
      return r.toString() + ' | ' + q.speaker;
    };
    const read = (plan, nodes, point) => ({
      hide: plan.hide.map((h) => nodes[h.node]),
      categories: plan.hide.map((h) => h.category),
      article: plan.article == null ? null : nodes[plan.article],
      quotes: plan.quotes.map((q) => quoteText(nodes, q, point)),
      unlock: plan.unlock ? plan.unlock.nodes.map((i) => nodes[i]) : [],
    });
    const w = H.snapshot(document, opts);
    const walk = read(JSON.parse(corePlan(w.snapshot, settings)), w.nodes, (n, o) => [n, o]);
    const m = H.snapshotMarkup(document, opts);
    if (!m) return { markup: null };
    const plan = JSON.parse(corePlan(m.snapshot, settings));
    if (plan.error) return { refused: plan.error };
    const markup = read(plan, H.placed(m, plan.at), H.point);
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    return {
      markup: true,
      sameHide: same(walk.hide, markup.hide) && same(walk.categories, markup.categories),
      sameArticle: walk.article === markup.article && walk.article !== null,
      sameUnlock: same(walk.unlock, markup.unlock),
      walkQuotes: walk.quotes,
      markupQuotes: markup.quotes,
      hidden: markup.categories,
    };
  });
}

test('markup and walk plan the same on pages of every kind', async () => {
  let compared = 0;
  for (const file of ['reading.html', 'explainer.html', 'overlay.html', 'markup.html', 'separators.html', 'spa.html']) {
    const page = await open(file);
    const r = await compare(page);
    await page.close();
    if (r.refused) continue; // the walk reads it (see below); nothing to compare
    compared++;
    assert.ok(r.markup, `${file}: a markup snapshot`);
    assert.ok(r.sameHide, `${file}: the same elements hidden`);
    assert.ok(r.sameArticle, `${file}: the same article`);
    assert.ok(r.sameUnlock, `${file}: the same unlock`);
    assert.deepEqual(r.markupQuotes, r.walkQuotes, `${file}: the same quotations`);
  }
  assert.ok(compared >= 5, `${compared} pages compared`);
});

test('the planner writes any string into the core\'s memory, and each call stands alone', async () => {
  const page = await open('reading.html');
  const r = await page.evaluate(() => {
    const settings = 'labels=1';
    const m = QuietreadHands.snapshotMarkup(document, { markAttr: 'data-quietread' });
    // A text of 1-, 2-, 3- and 4-byte UTF-8 characters and a lone surrogate (which reads as
    // U+FFFD), the page's article: 29 visible characters.
    const text = 'qr1\u00023\u0002\u0001-1\u0002div\u0002\u0002story\u00010\u0002p\u0001' +
      '1\u0002#text\u0002caf\u00e9 \u201cok\u201d \ud83d\ude00 \ud800 end and more words here';
    const state = (s) => JSON.parse(corePlan(s, settings)).state;
    return {
      first: corePlan(m.snapshot, settings),
      again: [corePlan('', settings), corePlan('not a snapshot', settings), state(text), corePlan(m.snapshot, settings)],
    };
  });
  await page.close();
  const [empty, foreign, state, again] = r.again;
  assert.ok(JSON.parse(r.first).hide, 'a plan');
  assert.ok(JSON.parse(empty).error && JSON.parse(foreign).error, 'refusals');
  assert.equal(state.article_text, 29);
  assert.equal(again, r.first, 'the same plan after other calls');
});

test('the markup leaves out what is inside <head>, and is whole when <html> holds more than head and body', async () => {
  const page = await open('reading.html');
  const shape = (ownLabels) => page.evaluate((ownLabels) => {
    const own = (el, tag) => ownLabels && tag === 'quietread-labels';
    const m = QuietreadHands.snapshotMarkup(document, { markAttr: 'data-quietread', own });
    const html = m.snapshot.slice(m.snapshot.indexOf('\u0001') + 1);
    return { gap: m.gap, head: /<head[^>]*><\/head>/.test(html), title: html.includes('<title>'), inHead: document.head.getElementsByTagName('*').length };
  }, ownLabels);
  const lean = await shape();
  assert.ok(lean.inHead >= 2, `${lean.inHead} elements in the head`);
  assert.deepEqual(lean, { gap: lean.inHead, head: true, title: false, inHead: lean.inHead });
  let r = await compare(page);
  assert.ok(r.sameHide && r.sameArticle && r.sameUnlock, 'the lean markup plans as the walk');
  assert.deepEqual(r.markupQuotes, r.walkQuotes);
  // Quietread's labels host after the body is left out with the head's insides; anything
  // else there (a box a script put there) makes the markup whole, with no gap.
  await page.evaluate(() => document.documentElement.appendChild(document.createElement('quietread-labels')));
  assert.equal((await shape(true)).gap, lean.gap);
  assert.equal((await shape(false)).gap, 0);
  await page.evaluate(() => document.querySelector('quietread-labels').remove());
  await page.evaluate(() => document.documentElement.appendChild(document.createElement('div')).append('Late box'));
  assert.deepEqual((await shape()).gap, 0);
  r = await compare(page);
  assert.ok(r.sameHide && r.sameArticle && r.sameUnlock, 'the whole markup plans as the walk');
  assert.deepEqual(r.markupQuotes, r.walkQuotes);
  await page.close();
});

test('a page with an open shadow root has no markup snapshot (the walk reads into the root)', async () => {
  const page = await open('widgets.html');
  assert.equal((await compare(page)).markup, null);
  await page.close();
});

test('a quotation over adjacent text nodes, entities, comments and markup-like script text reads right', async () => {
  const page = await open('reading.html');
  const r = await compare(page);
  await page.close();
  assert.deepEqual(r.hidden.slice().sort(), ['comments', 'nag', 'paywall']);
  const quotes = r.markupQuotes.join('\n');
  // The second runs over three text nodes, the third over a comment.
  assert.match(quotes, /^We would sooner be late than wrong, \| Maren Holt$/m);
  assert.match(quotes, /^the ferry is the island’s lifeline\. \| Tobias Wren$/m);
  assert.match(quotes, /^Nothing is settled until the vote is counted, \| Maren Holt$/m);
});

test('the cleaner reads a page from its markup, and walks one it cannot place or with parts kept out', async () => {
  // Each on a fresh copy of the page.
  const run = async (setup) => {
    const page = await open('reading.html');
    const out = await cleanOnce(page, setup);
    await page.close();
    return out;
  };
  const cleanOnce = (page, setup) => page.evaluate(async (setup) => {
    if (setup === 'void-child') {
      // A child inside a void element: the DOM has it, the markup cannot (the core refuses).
      document.querySelector('.masthead').appendChild(document.createElement('img')).appendChild(document.createElement('span'));
    }
    if (setup === 'shadow') document.querySelector('.byline').attachShadow({ mode: 'open' }).innerHTML = '<slot></slot>';
    const cleaner = QuietreadHands.Cleaner(document, {
      planner: (s, settings) => Promise.resolve(corePlan(s, settings)),
      labeler: (t) => Promise.resolve(QuietreadCore.labels(t)),
      settings: {},
      log: (m) => { throw new Error(m); },
      // Parts of the page the caller keeps to itself, as the demo page keeps its switches.
      exclude: setup === 'exclude' ? (node) => node.localName === 'em' : undefined,
    });
    await cleaner.start();
    const marks = [...document.querySelectorAll('[data-quietread]')].map((e) => e.dataset.quietread).sort();
    const st = cleaner.status;
    const out = { read: st.read, marks, error: st.error, people: st.quoted.map((q) => q.speaker).sort() };
    cleaner.stop();
    out.after = document.querySelectorAll('[data-quietread]').length;
    return out;
  }, setup);
  const plain = await run('none');
  assert.equal(plain.read, 'markup');
  assert.deepEqual(plain.marks, ['comments', 'nag', 'paywall']);
  assert.deepEqual(plain.people, ['Maren Holt', 'Tobias Wren']);
  assert.equal(plain.after, 0);
  for (const setup of ['void-child', 'shadow', 'exclude']) {
    const r = await run(setup);
    assert.equal(r.error, null, setup);
    assert.equal(r.read, 'walk', setup);
    assert.deepEqual(r.marks, ['comments', 'nag', 'paywall'], setup);
  }
});
