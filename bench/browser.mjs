// Quietread browser benchmark (issue 5): headless Chromium loads every corpus page from
// 127.0.0.1 and, in the same tab, times a plain DOM walk (the floor), Quietread's full pass
// (snapshot, core, apply), Readability on a clone of the page and one late mutation batch;
// then checks for long tasks on the largest page. Prints a table and a summary, writes JSON.
//
//   node bench/browser.mjs PAGES_DIR [--out FILE.json] [--limit N] [--filter SUBSTR]
//                                    [--reps N] [--dist DIR] [--timeout SECONDS]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { pageFigures, summarize, printTable, printSummary, printComparison } from './report.mjs';
import { launchPlain } from './chromium.mjs';
import { extensionLongTasks } from './extension.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const USAGE = 'usage: node bench/browser.mjs PAGES_DIR [--out FILE.json] [--limit N] [--filter SUBSTR] [--reps N] [--dist DIR] [--timeout SECONDS]';
/** The measurements of one repetition; the order turns each repetition to spread drift. */
const MEASURES = ['floor', 'quietread', 'readability'];
/** Repetitions that also time a late batch: each waits for the cleaner's own scheduling delay
 *  (ten times the cost of the pass before it), which makes them the slow part of the run. */
const LATE_REPS = 3;

function parseArgs(argv) {
  const opts = { out: path.join(ROOT, 'target/bench/browser.json'), limit: Infinity, filter: '', reps: 5, dist: path.join(ROOT, 'dist'), timeout: 60 };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--limit') opts.limit = Number(value());
    else if (a === '--filter') opts.filter = value();
    else if (a === '--reps') opts.reps = Number(value());
    else if (a === '--dist') opts.dist = path.resolve(value());
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new Error('one PAGES_DIR is needed');
  if (!(opts.reps >= 1 && opts.limit >= 1 && opts.timeout > 0)) throw new Error('--reps, --limit and --timeout must be positive');
  opts.pagesDir = path.resolve(rest[0]);
  return opts;
}

/** A page folder's page: source.html, else its one HTML file that is not an expected output. */
function pageFile(dir, names) {
  if (names.includes('source.html')) return path.join(dir, 'source.html');
  const html = names.filter((n) => n.endsWith('.html') && !n.startsWith('expected'));
  return html.length === 1 ? path.join(dir, html[0]) : null;
}

/** Every page under `root`, as { page (folder relative to root), file, bytes }, sorted. */
function findPages(root) {
  const out = [];
  const visit = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const file = pageFile(dir, entries.filter((e) => e.isFile()).map((e) => e.name));
    if (file) out.push({ page: path.relative(root, dir), file, bytes: fs.statSync(file).size });
    for (const e of entries) if (e.isDirectory()) visit(path.join(dir, e.name));
  };
  visit(root);
  return out.sort((a, b) => a.page.localeCompare(b.page));
}

/** Copy dist/extension aside, so that a rebuild during the run changes nothing. */
function stageExtension(dist) {
  const source = path.join(dist, 'extension');
  const staged = path.join(ROOT, 'target/bench/extension');
  if (!fs.existsSync(path.join(source, 'quietread_bg.wasm'))) throw new Error(`${source} is not built: run scripts/build.sh`);
  fs.rmSync(staged, { recursive: true, force: true });
  fs.cpSync(source, staged, { recursive: true });
  return staged;
}

/** The scripts injected into every page, as files: the extension's content scripts but
 *  content.js (whose work the benchmark does step by step), Readability, the benchmark's own. */
function scriptFiles(extension) {
  return [
    ...['settings.js', 'overlay.js', 'hands.js', 'quietread.js', 'wasm.js'].map((name) => path.join(extension, name)),
    path.join(ROOT, 'node_modules/@mozilla/readability/Readability.js'),
    path.join(ROOT, 'bench/page.js'),
  ];
}

/** Reject after `seconds`; the caller replaces the tab. */
function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function load(tab, url) {
  await tab.goto(url, { waitUntil: 'load' });
  if (!(await tab.evaluate(() => typeof QuietreadBench === 'object'))) throw new Error('the benchmark script did not load');
}

/** One page: a warm-up round (its Quietread pass kept as the page's first pass), then `reps`
 *  repetitions of every measurement, order turning. */
async function measurePage(tab, url, wasmUrl, reps) {
  await load(tab, url);
  const wasm = await tab.evaluate((u) => QuietreadBench.init(u), wasmUrl);
  const run = {
    floor: () => tab.evaluate(() => QuietreadBench.floor()),
    quietread: (late) => tab.evaluate((l) => QuietreadBench.quietread(l), late),
    readability: () => tab.evaluate(() => QuietreadBench.readability()),
  };
  const first = await run.quietread(false);
  await run.floor();
  await run.readability();
  const samples = [];
  for (let r = 0; r < reps; r++) {
    const sample = {};
    for (let k = 0; k < MEASURES.length; k++) {
      const name = MEASURES[(r + k) % MEASURES.length];
      sample[name] = await run[name](r < LATE_REPS);
    }
    samples.push(sample);
  }
  return { wasm, first: first.total, isolated: await tab.evaluate(() => QuietreadBench.isolated()), ...pageFigures(samples) };
}

/** The long tasks of a first pass on the largest page, measured in the page itself. */
async function pageLongTasks(context, url, wasmUrl, seconds) {
  const tab = await context.newPage();
  try {
    return await withTimeout((async () => {
      await load(tab, url);
      return tab.evaluate((u) => QuietreadBench.longTasks(u), wasmUrl);
    })(), seconds, 'the long-task check');
  } finally {
    await tab.close();
  }
}

function readPrevious(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = findPages(opts.pagesDir).filter((p) => p.page.includes(opts.filter)).slice(0, opts.limit);
  if (!pages.length) throw new Error(`no pages under ${opts.pagesDir}`);
  const extension = stageExtension(opts.dist);
  const server = await serve(pages.map((p) => p.file), { 'quietread_bg.wasm': path.join(extension, 'quietread_bg.wasm') });
  const wasmUrl = `${server.url}/bench/quietread_bg.wasm`;
  const { browser, context, version } = await launchPlain(scriptFiles(extension));
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const results = [];
  const failures = [];
  let tab = await context.newPage();
  try {
    for (const [i, p] of pages.entries()) {
      try {
        const figures = await withTimeout(measurePage(tab, `${server.url}/page/${i}/`, wasmUrl, opts.reps), opts.timeout, 'the page');
        results.push({ page: p.page, bytes: p.bytes, ...figures });
      } catch (e) {
        failures.push({ page: p.page, error: String(e.message || e).split('\n')[0] });
        // The tab may be stuck in the page: start the next page in a fresh one.
        await tab.close().catch(() => {});
        tab = await context.newPage();
      }
      process.stderr.write(`\r${i + 1}/${pages.length} pages`);
    }
    process.stderr.write('\n');
    const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const url = `${server.url}/page/${pages.indexOf(largest)}/`;
    const longTasks = {};
    longTasks.page = await check(largest, () => pageLongTasks(context, url, wasmUrl, opts.timeout));
    longTasks.extension = await check(largest, () => extensionLongTasks(extension, url, opts.timeout));
    const run = { seconds: (Date.now() - started) / 1000, load: [loadBefore, os.loadavg()[0]], chromium: version };
    report(opts, results, failures, longTasks, run);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Run one long-task check; a failure is reported, not thrown. */
async function check(largest, f) {
  try {
    return { page: largest.page, bytes: largest.bytes, ...(await f()) };
  } catch (e) {
    return { page: largest.page, error: String(e.message || e).split('\n')[0] };
  }
}

/** What the JSON's figures mean. 2: `total` ends when the clutter is gone; the labels come
 *  after it (`labels`, `all`). 1 (no `format` field): `total` included the labels. */
const FORMAT = 2;

function report(opts, results, failures, longTasks, run) {
  const summary = summarize(results, results.map((r) => r.wasm), longTasks);
  const width = Math.min(44, Math.max(4, ...results.map((r) => r.page.length)));
  printTable(results, width);
  printSummary(summary, failures);
  const json = {
    format: FORMAT,
    date: new Date().toISOString(),
    chromium: run.chromium,
    corpus: opts.pagesDir,
    reps: opts.reps,
    seconds: run.seconds,
    // Other work on the machine skews every figure: compare runs made under similar load
    // (one-minute load average at the start and at the end).
    loadAverage: run.load,
    crossOriginIsolated: results.every((r) => r.isolated),
    summary,
    failures,
    pages: results,
  };
  const previous = readPrevious(opts.out);
  if (previous && previous.summary) printComparison(previous, json);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(json, null, 1) + '\n');
  console.log(`\n${results.length} pages in ${run.seconds.toFixed(0)} s (load average ${run.load.map((l) => l.toFixed(1)).join(' -> ')}); summary written to ${path.relative(process.cwd(), opts.out)}`);
}

main().catch((e) => {
  console.error(e.message === undefined ? e : `bench: ${e.message}`);
  if (e.message && /needed|unknown option|needs a value|must be/.test(e.message)) console.error(USAGE);
  process.exit(2);
});
