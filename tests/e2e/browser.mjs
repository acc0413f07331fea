// Launch Debian's Chromium with the unpacked extension from dist/extension
// (QUIETREAD_EXTENSION_DIR points elsewhere, e.g. at a copy with changed pages).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const EXTENSION = path.resolve(process.env.QUIETREAD_EXTENSION_DIR || path.join(ROOT, 'dist', 'extension'));
export const WWW = path.join(ROOT, 'dist', 'www');

export async function launch() {
  for (const need of [path.join(EXTENSION, 'manifest.json'), path.join(EXTENSION, 'quietread_bg.wasm')]) {
    if (!fs.existsSync(need)) throw new Error(`${need} is missing: run scripts/build.sh first`);
  }
  const tmp = path.join(ROOT, 'target', 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const profile = fs.mkdtempSync(path.join(tmp, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`,
    ],
    viewport: { width: 1200, height: 800 },
  });
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    /** Store settings as the popup and options page do: every default on, `sites` as given
     *  (e.g. { '127.0.0.1': { enabled: false } }). */
    async setSites(sites) {
      await worker.evaluate((settings) => chrome.storage.local.set({ settings }), {
        version: 2,
        defaults: { enabled: true, labels: true, categories: { paywall: true, appeal: true, comments: true, nag: true } },
        sites,
      });
    },
    /** The tab id of a page, found as the popup finds it: the active tab of the focused window. */
    async activeTabId(page) {
      await page.bringToFront();
      return worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab ? tab.id : null;
      });
    },
    /** The popup for a tab, open and rendered. */
    async popupFor(tabId) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('body[data-ready="true"]');
      return popup;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
