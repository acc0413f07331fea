// The store packages: one shared manifest, changed only where Chromium and Firefox differ,
// versioned from Cargo.toml; and the zips scripts/package.mjs writes from dist/extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { crateVersion, files, manifestFor } from '../../scripts/package.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const shared = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension', 'manifest.json'), 'utf8'));
const cargo = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');

test('the version is read from the [package] table of Cargo.toml', () => {
  assert.match(crateVersion(cargo), /^\d+\.\d+\.\d+$/);
  const toml = '[dependencies]\nversion = "9.9.9"\n\n[package]\nname = "x"\nversion = "1.2.3"\n';
  assert.equal(crateVersion(toml), '1.2.3');
  assert.throws(() => crateVersion('[dependencies]\nserde = "1"\n'), /no \[package\] version/);
});

test('the Chrome manifest runs the background as a service worker, without Firefox keys', () => {
  const m = manifestFor(shared, 'chrome', '4.5.6');
  assert.equal(m.version, '4.5.6');
  assert.deepEqual(m.background, { service_worker: 'background.js' });
  assert.equal(m.browser_specific_settings, undefined);
});

test('the Firefox manifest runs background scripts and carries the gecko settings', () => {
  const m = manifestFor(shared, 'firefox', '4.5.6');
  assert.deepEqual(m.background, { scripts: ['settings.js', 'quietread.js', 'wasm.js', 'background.js'] });
  assert.match(m.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  // background.js loads the same files itself when it runs as a service worker.
  const bg = fs.readFileSync(path.join(ROOT, 'extension', 'background.js'), 'utf8');
  assert.match(bg, /importScripts\('settings\.js', 'quietread\.js', 'wasm\.js'\)/);
});

test('nothing else differs between the two manifests', () => {
  const strip = (m) => { const c = { ...m }; delete c.background; delete c.browser_specific_settings; return c; };
  assert.deepEqual(strip(manifestFor(shared, 'chrome', '1.0.0')), strip(manifestFor(shared, 'firefox', '1.0.0')));
  assert.deepEqual(strip(manifestFor(shared, 'chrome', shared.version)), strip(shared));
  assert.throws(() => manifestFor(shared, 'safari', '1.0.0'), /unknown browser/);
});

test('the zips hold the whole built extension with the crate version', () => {
  const built = path.join(ROOT, 'dist', 'extension');
  assert.ok(fs.existsSync(path.join(built, 'quietread_bg.wasm')), 'dist/extension is built (scripts/build.sh)');
  execFileSync('node', [path.join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT });
  const want = files(built);
  for (const browser of ['chrome', 'firefox']) {
    const zip = path.join(ROOT, 'dist', `quietread-${browser}.zip`);
    const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    assert.deepEqual(listed, want, browser);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
    assert.deepEqual(manifest, manifestFor(shared, browser, crateVersion(cargo)), browser);
  }
});
