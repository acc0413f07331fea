// Static checks of what the stores read: every message the pages and the manifest use exists
// in every locale with the same placeholders, and the manifest's icons are PNGs of their size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const EXT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../extension');
const read = (file) => fs.readFileSync(path.join(EXT, file), 'utf8');
const manifest = JSON.parse(read('manifest.json'));
const LOCALES = fs.readdirSync(path.join(EXT, '_locales'));
const messages = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(read(`_locales/${l}/messages.json`))]));
const all = (text, re) => [...text.matchAll(re)].map((m) => m[1]);

/** Message keys the manifest, the pages and their scripts ask for. */
function usedKeys() {
  const keys = new Set(all(JSON.stringify(manifest), /__MSG_(\w+)__/g));
  for (const page of ['popup.html', 'options.html']) all(read(page), /data-i18n="(\w+)"/g).forEach((k) => keys.add(k));
  for (const script of ['popup.js', 'options.js']) {
    const source = read(script);
    for (const args of all(source, /\bt\(([^()]*)/g)) all(args, /'(\w+)'/g).forEach((k) => keys.add(k));
    all(source, /'(category[A-Z]\w*)'/g).forEach((k) => keys.add(k));
  }
  // Errors from settings.js carry the key of their message.
  const settings = read('settings.js');
  all(settings, /failure\('(\w+)'/g).forEach((k) => keys.add(k));
  all(settings, /return '(selector\w+)'/g).forEach((k) => keys.add(k));
  return [...keys];
}

const placeholders = (m) => Object.keys(m.placeholders || {}).sort().join();

test('every locale has the same messages and placeholders as English', () => {
  assert.equal(manifest.default_locale, 'en');
  assert.deepEqual(LOCALES.sort(), ['de', 'en']);
  const en = messages.en;
  for (const locale of LOCALES) {
    const m = messages[locale];
    assert.deepEqual(Object.keys(m).sort(), Object.keys(en).sort(), locale);
    for (const [key, value] of Object.entries(m)) {
      assert.ok(value.message.trim(), `${locale}/${key} is empty`);
      assert.equal(placeholders(value), placeholders(en[key]), `${locale}/${key} placeholders`);
      for (const name of all(value.message, /\$(\w+)\$/g)) {
        assert.ok(value.placeholders?.[name.toLowerCase()], `${locale}/${key} uses $${name}$ without defining it`);
      }
    }
    assert.ok(m.extDescription.message.length <= 132, `${locale} description too long for the stores`);
    assert.ok(m.extName.message.length <= 45, `${locale} name too long`);
  }
  assert.equal(messages.de.lang.message, 'de');
});

test('every message the pages and the manifest use exists', () => {
  const keys = usedKeys();
  assert.ok(keys.length > 50, `found ${keys.length} keys`);
  const missing = keys.filter((k) => !messages.en[k]);
  assert.deepEqual(missing, []);
});

test('the manifest icons are PNG files of their size', () => {
  const icons = { ...manifest.icons, ...manifest.action.default_icon };
  assert.deepEqual(Object.keys(manifest.icons), ['16', '32', '48', '96', '128']);
  for (const [size, file] of Object.entries(icons)) {
    const png = fs.readFileSync(path.join(EXT, file));
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')], file);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], file);
  }
});
