// Launching Debian's Chromium for the benchmark, offline but for 127.0.0.1: plain (the scripts
// under test injected into every page) or with the unpacked extension, as tests/e2e does.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
/** The flags tests/e2e/browser.mjs launches with. */
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const VIEWPORT = { width: 1200, height: 800 };

/** URLs that never leave the machine (the extension's own files among them). */
const LOCAL = new Set(['data:', 'blob:', 'chrome-extension:']);

/** Only 127.0.0.1 is reached; anything else fails at once, so pages load fast and offline. */
async function offline(context) {
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || LOCAL.has(protocol)) return route.continue();
    return route.abort();
  });
}

/** Chromium with `scripts` (file paths, in order) run in every page before the page's own
 *  content, and gc() exposed so measurements can start from a clean heap. The files go in as
 *  one script, so that each sees the top-level declarations of those before it (the glue's
 *  `let wasm_bindgen`). */
export async function launchPlain(scripts) {
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: false,
    args: [...ARGS, '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext({ viewport: VIEWPORT });
  await offline(context);
  await context.addInitScript({ content: scripts.map((file) => fs.readFileSync(file, 'utf8')).join('\n;\n') });
  return { browser, context, version: browser.version() };
}

/** Chromium with the unpacked extension in `extension`, in a throwaway profile. */
export async function launchWithExtension(extension) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'quietread-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: false,
    args: [...ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    viewport: VIEWPORT,
  });
  await offline(context);
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
