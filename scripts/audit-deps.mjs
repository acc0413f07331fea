// The Rust dependency review: every crate in Cargo.lock must be listed in docs/dependencies.md,
// at its locked version, in the right table (shipped in the wasm and/or the CLI, or used only to
// develop and test), with its license; shipped crates must have a license from the allowed list;
// every crate must come from crates.io. A new or updated dependency therefore cannot land without
// someone reviewing it and writing down why it is there. Reads files only: no network, no cargo.
//
// Usage: node scripts/audit-deps.mjs            check (exit 1 with the problems listed)
//        node scripts/audit-deps.mjs --draft    also print table rows for crates not yet reviewed
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const REVIEW = 'docs/dependencies.md';
const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index';
/** Licenses a shipped crate may be used under (SPDX ids; an expression needs one way through). */
const ALLOWED_LICENSES = new Set(['MIT', 'Apache-2.0', 'Apache-2.0 WITH LLVM-exception', 'BSD-2-Clause', 'BSD-3-Clause',
  'ISC', 'Zlib', 'Unicode-3.0', 'Unicode-DFS-2016', 'Unlicense', 'MPL-2.0', 'CC0-1.0', '0BSD']);

/** Cargo.lock's packages: { name, version, source, deps: [[name, version?]] }. */
export function parseLock(text) {
  const out = [];
  for (const block of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    const field = (k) => (block.match(new RegExp(`^${k} = "([^"]*)"`, 'm')) || [])[1];
    const list = (block.match(/^dependencies = \[([\s\S]*?)\]/m) || [])[1] || '';
    const deps = (list.match(/"[^"]+"/g) || []).map((d) => d.slice(1, -1).split(' ').slice(0, 2));
    out.push({ name: field('name'), version: field('version'), source: field('source') || null, deps });
  }
  return out;
}

/** The root crate's dependencies from Cargo.toml, by kind: normal (all targets), wasm (only on
 *  wasm32), native (only off wasm32), dev, build. Package renames are followed. */
export function parseManifest(text) {
  const kinds = { normal: [], wasm: [], native: [], dev: [], build: [] };
  let kind = null;
  let tableDep = null; // [dependencies.foo] form
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      const h = header[1].trim();
      const m = /^(?:target\.(['"])(.+?)\1\.)?(dependencies|dev-dependencies|build-dependencies)(?:\.([\w-]+))?$/.exec(h);
      kind = null;
      tableDep = null;
      if (!m) continue;
      const [, , cfg, section, single] = m;
      if (section === 'dev-dependencies') kind = 'dev';
      else if (section === 'build-dependencies') kind = 'build';
      else if (!cfg) kind = 'normal';
      else if (/^cfg\(\s*not\(\s*target_arch\s*=\s*"wasm32"\s*\)\s*\)$/.test(cfg)) kind = 'native';
      else if (/^cfg\(\s*target_arch\s*=\s*"wasm32"\s*\)$/.test(cfg)) kind = 'wasm';
      else kind = 'normal'; // another cfg: counted as shipped everywhere, to be safe
      if (single) {
        tableDep = { name: single };
        kinds[kind].push(tableDep);
      }
      continue;
    }
    if (!kind) continue;
    const kv = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    if (tableDep) {
      if (kv[1] === 'package') tableDep.name = JSON.parse(kv[2]);
      continue;
    }
    const renamed = /\bpackage\s*=\s*"([^"]+)"/.exec(kv[2]);
    kinds[kind].push({ name: renamed ? renamed[1] : kv[1] });
  }
  return kinds;
}

/** Where each locked crate ends up: Map "name version" -> 'wasm, CLI' | 'CLI' | 'wasm' | 'dev'. */
export function classify(lock, manifest, rootName) {
  const byName = new Map();
  for (const p of lock) {
    if (!byName.has(p.name)) byName.set(p.name, []);
    byName.get(p.name).push(p);
  }
  const root = lock.find((p) => p.name === rootName && !p.source);
  if (!root) throw new Error(`Cargo.lock has no package ${rootName}`);
  const resolve = ([name, version]) => {
    const found = (byName.get(name) || []).filter((p) => !version || p.version === version);
    if (found.length !== 1) throw new Error(`Cargo.lock: cannot tell which ${name} ${version || ''} is meant`);
    return found[0];
  };
  // The root's own dependency entries carry the version when a name is locked twice.
  const rootDep = (name) => resolve(root.deps.find(([n]) => n === name) || [name]);
  const closure = (names) => {
    const seen = new Set();
    const stack = names.map(rootDep);
    while (stack.length) {
      const p = stack.pop();
      const key = `${p.name} ${p.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const d of p.deps) stack.push(resolve(d));
    }
    return seen;
  };
  const names = (list) => list.map((d) => d.name);
  const wasm = closure([...names(manifest.normal), ...names(manifest.wasm)]);
  // Build dependencies run at build time for both: listed with what they build.
  const cli = closure([...names(manifest.normal), ...names(manifest.native), ...names(manifest.build)]);
  for (const k of closure(names(manifest.build))) wasm.add(k);
  const out = new Map();
  for (const p of lock) {
    if (p === root) continue;
    const key = `${p.name} ${p.version}`;
    out.set(key, wasm.has(key) && cli.has(key) ? 'wasm, CLI' : wasm.has(key) ? 'wasm' : cli.has(key) ? 'CLI' : 'dev');
  }
  return out;
}

/** The review's rows: Map "name version" -> { table: 'shipped' | 'dev', in, license, why, line }. */
export function parseReview(text) {
  const rows = new Map();
  const dupes = [];
  let table = null;
  let columns = null;
  text.split('\n').forEach((line, i) => {
    const h = /^##\s+(.*)$/.exec(line);
    if (h) {
      table = /^shipped/i.test(h[1]) ? 'shipped' : /^development/i.test(h[1]) ? 'dev' : null;
      columns = null;
      return;
    }
    if (!table || !line.startsWith('|')) return;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (!columns) { columns = cells.map((c) => c.toLowerCase()); return; }
    if (cells.every((c) => /^:?-+:?$/.test(c))) return;
    const get = (name) => cells[columns.indexOf(name)] || '';
    const name = get('crate').replace(/`/g, '');
    const key = `${name} ${get('version')}`;
    if (rows.has(key)) dupes.push(`${REVIEW}:${i + 1}: ${key} is listed twice`);
    rows.set(key, { table, in: get('in'), license: get('license'), why: get('why'), line: i + 1 });
  });
  return { rows, dupes };
}

/** Whether an SPDX expression can be met with allowed licenses alone. */
export function licenseAllowed(expr) {
  const tokens = String(expr).replace(/\//g, ' OR ').match(/\(|\)|[^\s()]+/g) || [];
  let i = 0;
  const factor = () => {
    if (tokens[i] === '(') {
      i++;
      const v = or();
      i++; // ')'
      return v;
    }
    let id = tokens[i++];
    if (tokens[i] === 'WITH') { id += ` WITH ${tokens[i + 1]}`; i += 2; }
    return ALLOWED_LICENSES.has(id);
  };
  const and = () => {
    let v = factor();
    while (tokens[i] === 'AND') { i++; v = factor() && v; }
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[i] === 'OR') { i++; v = and() || v; }
    return v;
  };
  return tokens.length > 0 && or() && i === tokens.length;
}

/** A crate's license from the local cargo registry sources, when they are there. */
function localLicense(name, version) {
  const src = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'registry', 'src');
  if (!fs.existsSync(src)) return null;
  for (const index of fs.readdirSync(src)) {
    const toml = path.join(src, index, `${name}-${version}`, 'Cargo.toml');
    if (fs.existsSync(toml)) {
      const m = /^license\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(toml, 'utf8'));
      return m ? m[1] : '(license file)';
    }
  }
  return null;
}

/** Everything wrong, as lines; `draft` collects rows to add. */
export function audit(lockText, manifestText, reviewText, draft = []) {
  const problems = [];
  const lock = parseLock(lockText);
  const rootName = (/^\[package\][\s\S]*?^name\s*=\s*"([^"]+)"/m.exec(manifestText) || [])[1];
  const where = classify(lock, parseManifest(manifestText), rootName);
  const { rows, dupes } = parseReview(reviewText);
  problems.push(...dupes);
  for (const p of lock) {
    if (p.name === rootName && !p.source) continue;
    if (p.source !== CRATES_IO) problems.push(`${p.name} ${p.version} comes from ${p.source || 'a path'}, not crates.io: review it by hand`);
  }
  for (const [key, place] of where) {
    const row = rows.get(key);
    const [name, version] = key.split(' ');
    const license = localLicense(name, version);
    if (!row) {
      const other = [...rows.keys()].find((k) => k.startsWith(name + ' '));
      problems.push(`${key} (${place === 'dev' ? 'development only' : 'shipped in the ' + place}) is not reviewed in ${REVIEW}` +
        (other ? ` (the review has ${other}: review the update)` : ''));
      draft.push(place === 'dev'
        ? `| \`${name}\` | ${version} | ${license || '?'} | ? |`
        : `| \`${name}\` | ${version} | ${place} | ? | ${license || '?'} | ? |`);
      continue;
    }
    const at = `${REVIEW}:${row.line}: ${key}`;
    if ((place === 'dev') !== (row.table === 'dev')) {
      problems.push(`${at} is in the ${row.table === 'dev' ? 'development' : 'shipped'} table but is ${place === 'dev' ? 'development only' : 'shipped in the ' + place}`);
    } else if (place !== 'dev' && row.in !== place) {
      problems.push(`${at} says it is in "${row.in}"; it is in "${place}"`);
    }
    if (!row.why || row.why === '?') problems.push(`${at} says nothing about why it is there`);
    if (license && row.license !== license) problems.push(`${at} has license "${row.license}"; the crate says "${license}"`);
    if (place !== 'dev' && !licenseAllowed(row.license)) problems.push(`${at}: license "${row.license}" is not on the allowed list`);
  }
  for (const [key, row] of rows) {
    if (!where.has(key)) problems.push(`${REVIEW}:${row.line}: ${key} is not in Cargo.lock any more: take it out of the review`);
  }
  return { problems, where };
}

function main() {
  const read = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');
  const lockText = read('Cargo.lock');
  const manifestText = read('Cargo.toml');
  const reviewText = read(REVIEW);

  // The check must bite: a crate added to the lock and to the root's dependencies is caught,
  // and so is an SPDX expression with nothing allowed in it.
  const planted = lockText.replace(/(\[\[package\]\]\nname = "([^"]+)"\nversion = "[^"]+"\ndependencies = \[)/, (m, head, name) =>
    name === (/^name\s*=\s*"([^"]+)"/m.exec(manifestText) || [])[1] ? `${head}\n "zz-unreviewed",` : m) +
    `\n[[package]]\nname = "zz-unreviewed"\nversion = "6.6.6"\nsource = "${CRATES_IO}"\n`;
  const bite = audit(planted, manifestText.replace(/^\[dependencies\]$/m, '[dependencies]\nzz-unreviewed = "6"'), reviewText);
  if (!bite.problems.some((p) => p.startsWith('zz-unreviewed 6.6.6 (shipped in the wasm, CLI) is not reviewed'))) {
    console.error('audit-deps: self-check failed: a planted crate was not caught');
    process.exit(2);
  }
  if (licenseAllowed('GPL-3.0-only') || !licenseAllowed('(MIT OR Apache-2.0) AND Unicode-3.0') || !licenseAllowed('Unlicense/MIT')) {
    console.error('audit-deps: self-check failed: license expressions misread');
    process.exit(2);
  }

  const draft = [];
  const { problems, where } = audit(lockText, manifestText, reviewText, draft);
  const count = (f) => [...where.values()].filter(f).length;
  if (problems.length) {
    console.error(`Dependency review: ${problems.length} problem(s) with ${REVIEW}:`);
    for (const p of problems) console.error('  ' + p);
    if (process.argv.includes('--draft') && draft.length) {
      console.error('\nRows to review and add:');
      for (const d of draft) console.error(d);
    } else if (draft.length) {
      console.error('(node scripts/audit-deps.mjs --draft prints table rows to start from)');
    }
    process.exit(1);
  }
  console.log(`Dependency review: all ${where.size} crates in Cargo.lock are reviewed in ${REVIEW} ` +
    `(${count((v) => v.includes('wasm'))} in the wasm, ${count((v) => v.includes('CLI'))} in the CLI, ${count((v) => v === 'dev')} development only)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
