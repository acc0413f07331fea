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
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
