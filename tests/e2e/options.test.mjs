// End-to-end: the options page of the unpacked extension in Chromium, used by keyboard where
// it matters: a default, a site with custom selectors, export, reset, and refused imports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launch } from './browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
});

const byId = (id) => `[id="${id}"]`;

function stored() {
  return browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? null);
}

/** The stored settings once check(settings) holds (the page writes them asynchronously). */
async function storedWhen(check) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const settings = await stored();
    if (settings && check(settings)) return settings;
    if (Date.now() > deadline) assert.fail(`unexpected settings: ${JSON.stringify(settings)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function openOptions() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

/** Chooses a file through the page's import button, as a person would. */
async function importFile(page, name, text) {
  const before = await page.textContent('#backup-message');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import')]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction((old) => document.querySelector('#backup-message').textContent !== old, before);
  return page.textContent('#backup-message');
}

test('the popup opens the options page', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector('body[data-ready="true"]');
  assert.equal(await popup.textContent('#open-options'), 'Settings');
  const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.click('#open-options')]);
  await options.waitForURL(/\/options\.html$/);
  await options.close();
  await popup.close();
});

test('the options page sets defaults and site selectors, exports, resets and refuses bad imports', async () => {
  await browser.worker.evaluate(() => chrome.storage.local.clear());
  const { page, errors } = await openOptions();
  assert.equal(await page.title(), 'Quietread settings');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const untranslated = await page.$$eval('[data-i18n]', (els) => els.filter((e) => !e.textContent || e.textContent === e.dataset.i18n).map((e) => e.dataset.i18n));
  assert.deepEqual(untranslated, []);

  // A default, by keyboard: comments stay visible on sites without their own settings.
  await page.focus('#default-comments');
  await page.keyboard.press('Space');
  await storedWhen((s) => s.version === 2 && s.defaults.categories.comments === false);

  // A site typed as an address, one override, and custom selectors (an invalid one refused).
  await page.fill('#new-site', 'https://News.Example.com/2024/story');
  await page.press('#new-site', 'Enter');
  await page.waitForSelector(byId('site-news.example.com-title'));
  assert.match(await page.textContent('#add-site-message'), /news\.example\.com added/);
  await page.selectOption(byId('site-news.example.com-enabled'), 'off');
  await storedWhen((s) => s.sites['news.example.com']?.enabled === false);
  assert.equal(await page.textContent(`${byId('site-news.example.com-labels')} option[value=default]`), 'Default (On)');

  const field = byId('site-news.example.com-selector');
  const message = byId('site-news.example.com-selector-message');
  await page.fill(field, 'div[');
  await page.press(field, 'Enter');
  await page.waitForFunction((sel) => document.querySelector(sel).textContent !== '', message);
  assert.equal(await page.textContent(message), 'This is not a valid CSS selector.');
  for (const sel of ['.promo-box', 'a[href$=".pdf"]']) {
    await page.fill(field, sel);
    await page.press(field, 'Enter');
    await page.waitForFunction(([m, s]) => document.querySelector(m).textContent === `${s} added.`, [message, sel]);
  }
  assert.equal(await page.inputValue(field), '');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'site-news.example.com-selector');
  const saved = await storedWhen((s) => s.sites['news.example.com'].selectors?.length === 2);
  assert.deepEqual(saved.sites['news.example.com'], { enabled: false, selectors: ['.promo-box', 'a[href$=".pdf"]'] });

  // Export: a JSON file holding exactly what is stored.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.match(download.suggestedFilename(), /^quietread-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = await fs.readFile(await download.path(), 'utf8');
  assert.deepEqual(JSON.parse(exported), saved);

  // Reset, asked inside the page: Escape cancels, Cancel has the focus, confirming resets.
  await page.focus('#reset');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('#reset-confirm'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset-no');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#reset-confirm'), false);
  assert.deepEqual(await stored(), saved, 'cancelled: nothing changed');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reset-yes');
  await page.keyboard.press('Enter');
  await storedWhen((s) => Object.keys(s.sites).length === 0 && s.defaults.categories.comments === true);
  await page.waitForSelector('#no-sites', { state: 'visible' });
  assert.equal(await page.isChecked('#default-comments'), true);

  // Bad files are refused with a message and change nothing.
  const afterReset = await stored();
  assert.match(await importFile(page, 'notes.json', '{"hello": "world"}'), /^Import refused: the file is not a Quietread settings file\. Nothing was changed\.$/);
  assert.match(await importFile(page, 'broken.json', '{"version": 2,'), /not JSON/);
  const badSelector = JSON.stringify({ ...saved, sites: { 'news.example.com': { selectors: ['div['] } } });
  assert.match(await importFile(page, 'bad-selector.json', badSelector), /invalid value at sites\["news\.example\.com"\]\.selectors\[0\]/);
  assert.deepEqual(await stored(), afterReset);
  assert.equal(await page.isVisible('#no-sites'), true);

  // The exported file brings everything back.
  assert.match(await importFile(page, download.suggestedFilename(), exported), /^Settings imported from quietread-settings-/);
  assert.deepEqual(await stored(), saved);
  await page.waitForSelector(byId('site-news.example.com-title'));
  assert.equal(await page.isChecked('#default-comments'), false);

  // The page follows the system theme.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.notEqual(await background(), light);

  assert.deepEqual(errors, []);
  await page.close();
});
