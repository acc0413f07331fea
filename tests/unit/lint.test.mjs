// Static checks of everything that runs in the browser (extension/, www/ and the generated
// wasm-bindgen glue in dist/): no HTML parsing of strings (innerHTML and friends), no code from
// strings (eval, new Function, string timeouts, javascript: URLs, inline handlers, inline
// scripts in extension pages), no remote scripts, styles or images, and no network APIs except
// the glue's one fetch of the core's wasm, from a local path. Content scripts also never read
// what is typed into the page's forms, its cookies or its storage. Comments are not scanned;
// strings are. Each hit is reported as file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { stripJsComments } from './jsscan.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SOURCES = ['extension', 'www'];
/** Built copies: only their generated files are scanned (the rest are copies of SOURCES). */
const BUILT = [['dist/extension', 'extension'], ['dist/www', 'www']];
const SCANNED = /\.(m?js|html|css)$/;

function stripHtmlComments(src) {
  return src.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
}

// ---------------------------------------------------------------------------------------
// Rules. Each: id, what it forbids, the regex (global), and which files it applies to.

const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bRTCPeerConnection\b|\bWebTransport\b/g;

export const JS_RULES = [
  { id: 'html-sink', why: 'HTML parsed from a string (use createElement and textContent)', re: /\binnerHTML\b|\bouterHTML\s*=(?!=)|\binsertAdjacentHTML\b|\bsetHTMLUnsafe\b|\bcreateContextualFragment\b|\bsrcdoc\b/g },
  { id: 'document-write', why: 'document.write', re: /\bdocument\s*\.\s*write(ln)?\s*\(/g },
  { id: 'eval', why: 'code from a string (eval)', re: /\beval\s*\(/g },
  { id: 'function-constructor', why: 'code from a string (Function constructor)', re: /\bnew\s+Function\b|(?<![\w$.])Function\s*\(/g },
  { id: 'string-timer', why: 'code from a string (setTimeout/setInterval with a string)', re: /\bset(Timeout|Interval)\s*\(\s*['"`]/g },
  { id: 'javascript-url', why: 'a javascript: URL', re: /javascript:/gi },
  { id: 'inline-handler', why: 'an inline event handler attribute set from script', re: /\bsetAttribute\s*\(\s*['"`]on[a-z]+['"`]/gi },
  { id: 'remote-code', why: 'code or a resource loaded from another origin', re: /\bimportScripts\s*\([^)]*['"`](https?:)?\/\/|\bimport\s*\(\s*['"`](https?:)?\/\/|\bfrom\s*['"`](https?:)?\/\/|\.(src|href)\s*=\s*['"`](https?:)?\/\//g },
  { id: 'network', why: 'a network API', re: NETWORK },
  { id: 'cookies', why: 'cookies', re: /\bdocument\s*\.\s*cookie\b|\bcookieStore\b/g },
  { id: 'synced-storage', why: 'storage that leaves the machine (settings live in storage.local)', re: /\bstorage\s*\.\s*sync\b/g },
];

/** Only in content scripts: nothing the reader typed or the page keeps for itself. */
export const CONTENT_RULES = [
  { id: 'page-input', why: 'reads form input, files or the selection of the page', re: /\.value\b|\.files\b|\bFormData\b|\bselectedOptions\b|\bselection(Start|End)\b|\bgetSelection\s*\(|\bnavigator\s*\.\s*clipboard\b/g },
  { id: 'page-storage', why: "reads the page's own storage", re: /\blocalStorage\b|\bsessionStorage\b|\bindexedDB\b|\bcaches\s*\./g },
];

/** Each tag's text is checked; `extensionOnly` rules only in the extension's own pages. */
export const HTML_RULES = [
  { id: 'inline-handler', why: 'an inline event handler attribute', re: /\son[a-z]+\s*=/gi },
  { id: 'javascript-url', why: 'a javascript: URL', re: /javascript:/gi },
  { id: 'remote-resource', why: 'a script, style, image or frame from another origin', re: /<(script|link|img|iframe|frame|embed|object|source|video|audio|track|input)\b[^>]*\s(src|href|srcset|data|poster)\s*=\s*['"]?\s*(https?:)?\/\//gi, whole: true },
  { id: 'inline-script', why: 'an inline script (MV3 extension pages run none: use a file)', re: /<script\b(?![^>]*\ssrc\s*=)[^>]*>/gi, whole: true, extensionOnly: true },
  { id: 'base-or-refresh', why: 'a <base> or a meta refresh', re: /<base\b|<meta\b[^>]*http-equiv\s*=\s*['"]?refresh/gi, whole: true },
];

export const CSS_RULES = [
  { id: 'remote-resource', why: 'a style, font or image from another origin', re: /url\(\s*['"]?\s*(https?:)?\/\/|@import\s+['"]?\s*(https?:)?\/\/|@import\s+url\(\s*['"]?\s*(https?:)?\/\//gi },
  { id: 'javascript-url', why: 'a javascript: URL', re: /javascript:|expression\s*\(/gi },
];

/** Hits that are known and reviewed: the wasm-bindgen glue fetches the core's wasm from the
 *  path it is given (every caller gives a local one: checked below). Each entry must match
 *  exactly `count` hits, so a second fetch, or a stale entry, fails. */
export const ALLOWED = [
  { file: 'dist/extension/quietread.js', rule: 'network', line: 'module_or_path = fetch(module_or_path);', count: 1 },
  { file: 'dist/www/quietread.js', rule: 'network', line: 'module_or_path = fetch(module_or_path);', count: 1 },
  // The attribute values the snapshot keeps (a fixed list, never `value`), not a form's value.
  { file: 'extension/hands.js', rule: 'page-input', line: 'const value = clip(a.value);', count: 1 },
];

/** How the core's wasm may be loaded: from the extension's own files or the page's folder. */
const WASM_PATHS = new Set(["chrome.runtime.getURL('quietread_bg.wasm')", "'quietread_bg.wasm'"]);

const lineAt = (text, index) => text.slice(0, index).split('\n').length;

function scan(text, rules, offsetLine = 0) {
  const hits = [];
  for (const rule of rules) {
    for (const m of text.matchAll(rule.re)) {
      const line = lineAt(text, m.index) + offsetLine;
      hits.push({ rule: rule.id, why: rule.why, line, match: m[0].trim().slice(0, 60) });
    }
  }
  return hits;
}

/** Every hit in one file's text; kind is 'js', 'html' or 'css'. */
export function check(text, kind, { extensionPage = false, contentScript = false } = {}) {
  if (kind === 'js') {
    const code = stripJsComments(text);
    return scan(code, contentScript ? JS_RULES.concat(CONTENT_RULES) : JS_RULES);
  }
  if (kind === 'css') return scan(text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')), CSS_RULES);
  const html = stripHtmlComments(text);
  const hits = [];
  for (const rule of HTML_RULES) {
    if (rule.extensionOnly && !extensionPage) continue;
    if (rule.whole) {
      hits.push(...scan(html, [rule]));
      continue;
    }
    for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
      for (const m of tag[0].matchAll(rule.re)) {
        hits.push({ rule: rule.id, why: rule.why, line: lineAt(html, tag.index + m.index), match: tag[0].slice(0, 60) });
      }
    }
  }
  // Inline scripts (in pages that may have them) are JavaScript too.
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1].trim()) hits.push(...scan(stripJsComments(m[1]), JS_RULES, lineAt(html, m.index + m[0].indexOf('>') + 1) - 1));
  }
  return hits;
}

const kindOf = (file) => (file.endsWith('.html') ? 'html' : file.endsWith('.css') ? 'css' : 'js');

function walk(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (SCANNED.test(entry.name)) out.push(full);
  }
  return out;
}

/** The files to scan, relative to the root: the sources, and what the build generated. */
function files() {
  const list = SOURCES.flatMap((dir) => walk(path.join(ROOT, dir)));
  for (const [built, source] of BUILT) {
    for (const file of walk(path.join(ROOT, built))) {
      const rel = path.relative(path.join(ROOT, built), file);
      if (!fs.existsSync(path.join(ROOT, source, rel))) list.push(file);
    }
  }
  return list.map((f) => path.relative(ROOT, f)).sort();
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
const CONTENT_SCRIPTS = new Set((manifest.content_scripts || []).flatMap((c) => c.js || []));

function scanAll() {
  const report = [];
  const scanned = files();
  for (const rel of scanned) {
    const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    const base = path.basename(rel);
    const inExtension = rel.startsWith('extension/') || rel.startsWith('dist/extension/');
    const opts = { extensionPage: inExtension, contentScript: inExtension && CONTENT_SCRIPTS.has(base) };
    const lines = text.split('\n');
    for (const hit of check(text, kindOf(rel), opts)) report.push({ file: rel, ...hit, text: lines[hit.line - 1].trim() });
  }
  return { scanned, report };
}

test('the rules catch what they are for, and leave the rest', () => {
  const bad = {
    js: [
      'el.innerHTML = page;', "el['innerHTML'] = x;", 'el.outerHTML = x;', "el.insertAdjacentHTML('beforeend', x);",
      'document.write(x);', 'eval(code);', 'window.eval(code);', "new Function('return 1');", "Function('x', body)();",
      "setTimeout('run()', 10);", 'setInterval("tick()", 5);', "a.href = 'javascript:void 0';",
      "el.setAttribute('onclick', 'go()');", "importScripts('https://cdn.example/x.js');", "import('https://cdn.example/m.js');",
      "img.src = 'https://tracker.example/p.gif';", "s.src = '//cdn.example/x.js';", "fetch('http://127.0.0.1:8080/x');", 'fetch (url)',
      'new XMLHttpRequest();', "new WebSocket('wss://x');", "navigator.sendBeacon('/x', d);", "new EventSource('/s');",
      'document.cookie', 'chrome.storage.sync.set(x)', 'const t = `a ${b} c`; el.innerHTML = t;',
    ],
    html: [
      '<button onclick="go()">', '<body onload=init()>', '<a href="javascript:go()">', '<script src="https://cdn.example/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.example/f.css">', '<img src="http://t.example/p.gif">', '<script>go()</script>',
      '<meta http-equiv="refresh" content="0;url=https://x">',
    ],
    css: ["@import url('https://fonts.example/f.css');", 'a { background: url(http://x/p.png) }', '@import "//x/y.css";'],
    content: ['input.value', 'form.files', 'new FormData(f)', 'getSelection()', 'localStorage.getItem(k)'],
  };
  for (const s of bad.js) assert.ok(check(s, 'js').length > 0, `caught: ${s}`);
  for (const s of bad.html) assert.ok(check(s, 'html', { extensionPage: true }).length > 0, `caught: ${s}`);
  for (const s of bad.css) assert.ok(check(s, 'css').length > 0, `caught: ${s}`);
  for (const s of bad.content) assert.ok(check(s, 'js', { contentScript: true }).length > 0, `caught in a content script: ${s}`);
  const good = {
    js: [
      'el.textContent = page;', 'const html = el.outerHTML;', 'x.outerHTML === y', 'setTimeout(run, 10);', 'page.evaluate(fn);',
      "const url = new URL('http://' + s);", "documentUrlPatterns: ['http://*/*', 'https://*/*']",
      '// el.innerHTML = x is never done', '/* fetch(x) */ a();', 'const re = /\\/\\//g; a.b(x);', "const s = 'a // b'; go(s);",
      'const t = `x ${a} // y`; go();', 'n = a / b / c; fetcher(x);', "setFunction(x); myFunction(y);",
    ],
    html: ['<script src="popup.js"></script>', '<link rel="stylesheet" href="popup.css">', '<!-- <script>x()</script> -->', '<p>onclick= is text</p>'],
  };
  for (const s of good.js) assert.deepEqual(check(s, 'js'), [], `left alone: ${s}`);
  for (const s of good.html) assert.deepEqual(check(s, 'html', { extensionPage: true }), [], `left alone: ${s}`);
  // Comments become spaces, line numbers stay.
  const stripped = stripJsComments("a(); // innerHTML\nb('//x'); /* eval(\n */ c(/[/]*/g);");
  assert.equal(stripped.split('\n').length, 3);
  assert.ok(!/innerHTML|eval/.test(stripped) && stripped.includes("'//x'") && stripped.includes('/[/]*/g'));
  assert.deepEqual(check('a();\n\nel.innerHTML = x;', 'js').map((h) => h.line), [3]);
});

test('no HTML from strings, no code from strings, no remote code and no network API in the extension or the demo', () => {
  const { scanned, report } = scanAll();
  // Not vacuous: every page, script and style of the extension and the demo was read.
  for (const must of ['extension/content.js', 'extension/background.js', 'extension/hands.js', 'extension/overlay.js',
    'extension/popup.js', 'extension/options.js', 'extension/settings.js', 'extension/i18n.js', 'extension/popup.html',
    'extension/options.html', 'www/index.html', 'www/demo.js', 'www/site.js']) {
    assert.ok(scanned.includes(must), `${must} scanned`);
  }
  assert.ok(scanned.length >= 15, `scanned ${scanned.length} files: ${scanned.join(', ')}`);
  assert.ok(scanned.includes('dist/extension/quietread.js'),
    'the wasm-bindgen glue dist/extension/quietread.js was scanned (run scripts/build.sh first)');
  for (const cs of CONTENT_SCRIPTS) {
    assert.ok(scanned.includes(`extension/${cs}`) || scanned.includes(`dist/extension/${cs}`), `content script ${cs} scanned`);
  }

  const unexplained = [];
  const used = new Map(ALLOWED.map((a) => [a, 0]));
  for (const hit of report) {
    const allow = ALLOWED.find((a) => a.file === hit.file && a.rule === hit.rule && a.line === hit.text);
    if (allow) used.set(allow, used.get(allow) + 1);
    else unexplained.push(`${hit.file}:${hit.line}: ${hit.why} [${hit.rule}]: ${hit.text}`);
  }
  for (const [a, n] of used) {
    if (n !== a.count) unexplained.push(`${a.file}: the allowed "${a.line}" [${a.rule}] was found ${n} time(s), not ${a.count}`);
  }
  assert.deepEqual(unexplained, []);
});

/** The text between the parenthesis at `open` and its match. */
function argsAt(text, open) {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return text.slice(open + 1, k);
  }
  return null;
}

test('the core\'s wasm is only ever loaded from a local path', () => {
  const calls = [];
  for (const rel of files().filter((f) => kindOf(f) === 'js')) {
    const text = stripJsComments(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
    for (const m of text.matchAll(/\bwasm_bindgen\s*\(/g)) {
      const args = argsAt(text, m.index + m[0].length - 1);
      const given = /^\s*\{\s*module_or_path\s*:\s*(.+?)\s*,?\s*\}\s*$/s.exec(args || '');
      const where = `${rel}:${lineAt(text, m.index)}`;
      calls.push(where);
      assert.ok(given && WASM_PATHS.has(given[1]), `${where}: the wasm is loaded from ${args}, not a local path`);
    }
  }
  // The content script, the service worker and the demo page: three callers, all checked.
  for (const caller of ['extension/content.js', 'extension/background.js', 'www/demo.js']) {
    assert.ok(calls.some((c) => c.startsWith(caller + ':')), `${caller} loads the core: ${calls.join(', ')}`);
  }
});

test('the core\'s wasm calls no JavaScript API: it imports only wasm-bindgen\'s own set-up', () => {
  const file = path.join(ROOT, 'dist/extension/quietread_bg.wasm');
  assert.ok(fs.existsSync(file), `${file} is missing: run scripts/build.sh first`);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(file)));
  assert.ok(imports.length >= 1, 'the import section was read');
  // wasm-bindgen names imported JS functions __wbg_*; its own intrinsics are __wbindgen_*.
  const foreign = imports.filter((i) => i.module !== './quietread_bg.js' || !i.name.startsWith('__wbindgen_'));
  assert.deepEqual(foreign, [], 'the core imports JavaScript functions: review what they reach (network, DOM) and update SECURITY.md');
});
