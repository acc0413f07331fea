// Write the store packages from dist/extension (made by scripts/build.sh):
// dist/quietread-chrome.zip (Chrome Web Store) and dist/quietread-firefox.zip (addons.mozilla.org).
// One source tree serves both browsers; only the manifest differs, where the browsers do:
// Chromium runs the background as a service worker, Firefox as background scripts and wants
// its gecko settings. The version is the crate's, from Cargo.toml.
// Usage: node scripts/package.mjs   (scripts/package.sh builds first)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIST = path.join(ROOT, 'dist');
const SOURCE = path.join(DIST, 'extension');
const STAGE = path.join(ROOT, 'target', 'package');

/** The crate's version, from the [package] table of Cargo.toml. */
export function crateVersion(toml) {
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const m = table && table.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('no [package] version in Cargo.toml');
  return m[1];
}

/** The manifest for one browser ('chrome' or 'firefox'), from the shared one. */
export function manifestFor(shared, browser, version) {
  const m = structuredClone(shared);
  m.version = version;
  if (browser === 'chrome') {
    delete m.browser_specific_settings;
    m.background = { service_worker: m.background.service_worker };
  } else if (browser === 'firefox') {
    m.background = { scripts: m.background.scripts };
  } else {
    throw new Error('unknown browser ' + browser);
  }
  return m;
}

/** Every file under dir, as sorted paths relative to it. */
export function files(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, base) : [path.relative(base, p)];
  }).sort();
}

function main() {
  for (const need of ['manifest.json', 'quietread_bg.wasm', 'quietread.js']) {
    if (!fs.existsSync(path.join(SOURCE, need))) throw new Error(`dist/extension/${need} is missing: run scripts/build.sh first`);
  }
  const version = crateVersion(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'));
  const shared = JSON.parse(fs.readFileSync(path.join(SOURCE, 'manifest.json'), 'utf8'));
  for (const browser of ['chrome', 'firefox']) {
    const dir = path.join(STAGE, browser);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(SOURCE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifestFor(shared, browser, version), null, 2) + '\n');
    const list = files(dir);
    // Fixed times and order, so the same tree always gives the same zip.
    for (const f of list) fs.utimesSync(path.join(dir, f), 315532800, 315532800);
    const zip = path.join(DIST, `quietread-${browser}.zip`);
    fs.rmSync(zip, { force: true });
    execFileSync('zip', ['-q', '-X', '-9', zip, ...list], { cwd: dir });
    console.log(`${path.relative(ROOT, zip)}: version ${version}, ${list.length} files, ${fs.statSync(zip).size} bytes`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
