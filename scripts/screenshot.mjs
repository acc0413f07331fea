// Take docs/demo-before-after.png: the demo page as the publisher sends it (left) and cleaned
// by Quietread's core (right), both after the late subscription modal appeared.
// Usage: node scripts/screenshot.mjs   (after scripts/build.sh)
import { chromium } from 'playwright-core';
import path from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { ROOT, WWW } from '../tests/e2e/browser.mjs';

const server = await serve(WWW);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1700, height: 1000 } });
await page.setContent(`<!doctype html><style>
  body{margin:0;display:flex;gap:16px;background:#444;padding:16px;font:600 18px system-ui;color:#fff}
  figure{margin:0;flex:1} figcaption{margin:0 0 8px} iframe{width:100%;height:900px;border:0;background:#fff}
</style>
<figure><figcaption>Before: as the publisher sends it</figcaption><iframe id="before" src="${server.url}/index.html?demo=off&modal=800"></iframe></figure>
<figure><figcaption>After: Quietread</figcaption><iframe id="after" src="${server.url}/index.html?modal=800"></iframe></figure>`);
await page.waitForTimeout(3000);
const out = path.join(ROOT, 'docs', 'demo-before-after.png');
await page.screenshot({ path: out });
console.log('wrote ' + out);
await browser.close();
await server.close();

// docs/popup.png and docs/options.png: the extension's popup over the cleaned demo page, and
// its options page, in Chromium with the unpacked extension from dist/extension.
const { launch } = await import('../tests/e2e/browser.mjs');
const server2 = await serve(WWW);
const ext = await launch();
const demo = await ext.context.newPage();
await demo.goto(`${server2.url}/index.html?demo=off&modal=off`);
await demo.waitForFunction(() => document.querySelector('quietread-labels')?.shadowRoot?.querySelectorAll('.label').length >= 10);
const tab = await ext.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
const popup = await ext.context.newPage();
await popup.setViewportSize({ width: 340, height: 640 });
await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
await popup.waitForSelector('body[data-ready="true"]');
await popup.waitForTimeout(500);
const box = await popup.evaluate(() => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }));
await popup.screenshot({ path: path.join(ROOT, 'docs', 'popup.png'), clip: { x: 0, y: 0, width: Math.min(box.width, 340), height: Math.min(box.height, 640) } });
const options = await ext.context.newPage();
await options.setViewportSize({ width: 900, height: 900 });
await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
await options.waitForTimeout(500);
await options.screenshot({ path: path.join(ROOT, 'docs', 'options.png'), fullPage: true });
console.log('wrote docs/popup.png and docs/options.png');
await ext.close();
await server2.close();
