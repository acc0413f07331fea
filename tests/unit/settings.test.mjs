// Unit tests of extension/settings.js in Node: migration, nonsense in storage, the helpers the
// popup and the options page use, and export and import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../../extension/settings.js');
const S = globalThis.QuietreadSettings;

/** chrome.storage.local as far as settings.js uses it; values are copied like the real one. */
function memory(stored) {
  const data = stored === undefined ? {} : { [S.KEY]: structuredClone(stored) };
  return {
    data,
    writes: 0,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      this.writes++;
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
  };
}

const ALL_ON = { paywall: true, appeal: true, comments: true, nag: true };

test('nothing stored, or nonsense, loads as the defaults', async () => {
  assert.deepEqual(await S.load(memory()), S.defaults());
  for (const junk of [null, 42, 'settings', [], [1, 2], true, { version: 'two' }, { version: 0 }, { version: 1.5 }]) {
    assert.deepEqual(S.sanitize(junk), S.defaults(), JSON.stringify(junk));
    assert.deepEqual(await S.load(memory(junk)), S.defaults());
  }
  assert.equal(S.defaults().version, 2);
});

test('nonsense inside settings is dropped field by field, never thrown', () => {
  const got = S.sanitize({
    version: 2,
    defaults: { enabled: 'no', labels: false, categories: { paywall: 0, nag: false, extra: true } },
    sites: {
      'news.example': {
        enabled: false,
        labels: 'yes',
        categories: { comments: false, appeal: 'x' },
        selectors: ['  .promo  ', '.promo', '', 7, 'div { color: red }', 'x'.repeat(501), 'a\u0000b', '#ok'],
        extra: { deep: [1, 2] },
      },
      'Upper.Example': { enabled: false },
      'bad host/path': { enabled: false },
      'list.example': [],
      'string.example': 'on',
      'empty.example': { categories: 'none', selectors: 'not a list' },
    },
  });
  assert.deepEqual(got, {
    version: 2,
    defaults: { enabled: true, labels: false, categories: { paywall: true, appeal: true, comments: true, nag: false } },
    sites: {
      'news.example': { enabled: false, categories: { comments: false }, selectors: ['.promo', '#ok'] },
      'empty.example': {},
    },
  });
  const polluted = S.sanitize(JSON.parse('{"version":2,"sites":{"__proto__":{"enabled":false}}}'));
  assert.deepEqual(polluted.sites, {});
  assert.equal(Object.getPrototypeOf(polluted.sites), Object.prototype, 'no prototype was set');
  for (const junk of [{ sites: [] }, { defaults: [] }, { defaults: { categories: [] } }, { sites: { 'a.example': null } }]) {
    assert.doesNotThrow(() => S.sanitize(Object.assign({ version: 2 }, junk)));
  }
});

test('at most MAX_SELECTORS selectors per site are kept', () => {
  const many = Array.from({ length: S.MAX_SELECTORS + 20 }, (_, i) => `.s${i}`);
  const got = S.sanitize({ version: 2, sites: { 'a.example': { selectors: many } } });
  assert.deepEqual(got.sites['a.example'].selectors, many.slice(0, S.MAX_SELECTORS));
});

test('version 1 settings migrate to version 2 and mean the same', async () => {
  const v1 = {
    version: 1,
    defaults: { enabled: false, labels: true, categories: { paywall: true, appeal: true, comments: false, nag: true } },
    sites: {
      'news.example': { enabled: true, categories: { paywall: true, appeal: false, comments: true, nag: true } },
      'quiet.example': { labels: false },
    },
  };
  const storage = memory(v1);
  const got = await S.load(storage);
  assert.equal(got.version, 2);
  assert.deepEqual(got.sites, v1.sites);
  assert.deepEqual(S.forSite(got, 'news.example'), {
    enabled: true, labels: true, categories: { paywall: true, appeal: false, comments: true, nag: true }, selectors: [],
  });
  assert.deepEqual(S.forSite(got, 'quiet.example'), {
    enabled: false, labels: false, categories: { paywall: true, appeal: true, comments: false, nag: true }, selectors: [],
  });
  assert.deepEqual(S.forSite(got, 'unseen.example').enabled, false);
  // Settings without a version are read as version 1.
  const { version, ...unversioned } = v1;
  assert.deepEqual(S.sanitize(unversioned), got);
  // The first write stores version 2.
  await S.setSite(storage, 'news.example', { labels: false });
  assert.equal(storage.data.settings.version, 2);
});

test('forSite gives the effective settings and the selectors; forCore what the core needs', () => {
  const settings = S.sanitize({
    version: 2,
    defaults: { enabled: true, labels: true, categories: { nag: false } },
    sites: { 'a.example': { categories: { comments: false }, selectors: ['.x'] } },
  });
  const site = S.forSite(settings, 'a.example');
  assert.deepEqual(site, {
    enabled: true, labels: true, categories: { paywall: true, appeal: true, comments: false, nag: false }, selectors: ['.x'],
  });
  site.selectors.push('.y');
  assert.deepEqual(settings.sites['a.example'].selectors, ['.x'], 'forSite returns a copy');
  assert.deepEqual(S.forCore(site), { categories: ['paywall', 'appeal'], labels: true });
  assert.deepEqual(S.forSite(settings, 'toString').categories, { ...ALL_ON, nag: false }, 'inherited names are no sites');
});

test('setSite sets and clears overrides; categories a site does not set follow the defaults', async () => {
  const storage = memory();
  await S.setSite(storage, 'a.example', { enabled: false, categories: { comments: false } });
  let got = await S.load(storage);
  assert.deepEqual(got.sites['a.example'], { enabled: false, categories: { comments: false } });
  await S.setDefaults(storage, { categories: { nag: false } });
  got = await S.load(storage);
  assert.equal(S.forSite(got, 'a.example').categories.nag, false);
  await S.setSite(storage, 'a.example', { enabled: null, categories: { comments: null } });
  assert.deepEqual((await S.load(storage)).sites['a.example'], {});
  await assert.rejects(S.setSite(storage, 'not a host', { enabled: false }), { code: 'siteInvalid' });
});

test('setDefaults, removeSite and reset', async () => {
  const storage = memory();
  await S.setDefaults(storage, { enabled: false, labels: false, categories: { paywall: false } });
  await S.setSite(storage, 'a.example', { labels: true });
  await S.setSite(storage, 'b.example', {});
  let got = await S.load(storage);
  assert.deepEqual(got.defaults, { enabled: false, labels: false, categories: { ...ALL_ON, paywall: false } });
  assert.deepEqual(Object.keys(got.sites), ['a.example', 'b.example']);
  got = await S.removeSite(storage, 'a.example');
  assert.deepEqual(Object.keys(got.sites), ['b.example']);
  assert.deepEqual(await S.reset(storage), S.defaults());
  assert.deepEqual(await S.load(storage), S.defaults());
});

test('custom selectors: added trimmed, refused with a code, removed', async () => {
  const storage = memory();
  await S.addSelector(storage, 'a.example', '  .promo-box ');
  await S.addSelector(storage, 'a.example', '#cookie-banner');
  assert.deepEqual(S.forSite(await S.load(storage), 'a.example').selectors, ['.promo-box', '#cookie-banner']);
  const writes = storage.writes;
  const before = structuredClone(storage.data);
  for (const [sel, code] of [
    ['', 'selectorEmpty'],
    ['   ', 'selectorEmpty'],
    [42, 'selectorEmpty'],
    ['.a'.repeat(S.MAX_SELECTOR_LENGTH), 'selectorTooLong'],
    ['a { color: red }', 'selectorInvalid'],
    ['.promo-box', 'selectorDuplicate'],
  ]) {
    await assert.rejects(S.addSelector(storage, 'a.example', sel), (e) => e.code === code && e.message.length > 0, String(sel));
  }
  await assert.rejects(S.addSelector(storage, 'bad host', '.x'), { code: 'siteInvalid' });
  assert.equal(storage.writes, writes, 'a refused selector writes nothing');
  assert.deepEqual(storage.data, before);
  await S.removeSelector(storage, 'a.example', '.promo-box');
  assert.deepEqual(S.forSite(await S.load(storage), 'a.example').selectors, ['#cookie-banner']);
});

test('a site takes at most MAX_SELECTORS selectors', async () => {
  const selectors = Array.from({ length: S.MAX_SELECTORS }, (_, i) => `.s${i}`);
  const storage = memory({ version: 2, sites: { 'a.example': { selectors } } });
  await assert.rejects(S.addSelector(storage, 'a.example', '.one-more'), { code: 'selectorTooMany' });
});

test('siteHost reads a host name or an address', () => {
  assert.equal(S.siteHost('News.Example.com'), 'news.example.com');
  assert.equal(S.siteHost(' https://www.example.org/a/b?c#d '), 'www.example.org');
  assert.equal(S.siteHost('example.net/path'), 'example.net');
  assert.equal(S.siteHost('127.0.0.1:8080'), '127.0.0.1');
  for (const bad of ['', '   ', 'not a host', 'ftp://example.com', 'http://', 'javascript:alert(1)']) {
    assert.equal(S.siteHost(bad), '', bad);
  }
});

test('export and import round trip', async () => {
  const storage = memory();
  await S.setDefaults(storage, { labels: false, categories: { comments: false } });
  await S.setSite(storage, 'news.example', { enabled: false, categories: { nag: false } });
  await S.addSelector(storage, 'news.example', '.promo-box');
  await S.addSelector(storage, '[::1]', 'aside.teaser > a[href*="subscribe"]');
  const settings = await S.load(storage);
  const text = S.exportJson(settings);
  assert.deepEqual(JSON.parse(text), settings);

  const other = memory();
  await S.importJson(other, text);
  assert.deepEqual(await S.load(other), settings);
  assert.deepEqual(S.fromJson('\uFEFF' + text), settings, 'a byte order mark is fine');
});

test('a bad import file is refused with a clear message and changes nothing', async () => {
  const storage = memory();
  await S.setSite(storage, 'news.example', { enabled: false });
  const before = structuredClone(storage.data);
  const writes = storage.writes;
  const good = JSON.parse(S.exportJson(await S.load(storage)));
  const cases = [
    ['{ not json', 'importNotJson', /not JSON/],
    ['', 'importNotJson', /not JSON/],
    ['[1, 2]', 'importNotSettings', /not a Quietread settings file/],
    ['{"hello": "world"}', 'importNotSettings', /not a Quietread settings file/],
    [JSON.stringify({ ...good, sites: undefined }), 'importNotSettings', /not a Quietread settings file/],
    [JSON.stringify({ ...good, version: '2' }), 'importNotSettings', /not a Quietread settings file/],
    [JSON.stringify({ ...good, version: 3 }), 'importNewer', /newer Quietread/],
    [JSON.stringify({ ...good, defaults: { enabled: 'yes' } }), 'importInvalid', /defaults\.enabled/],
    [JSON.stringify({ ...good, sites: { 'bad host': {} } }), 'importInvalid', /sites\["bad host"\]/],
    [JSON.stringify({ ...good, sites: { 'a.example': { selectors: ['.ok', 'a {}'] } } }), 'importInvalid', /sites\["a\.example"\]\.selectors\[1\]/],
  ];
  for (const [text, code, message] of cases) {
    await assert.rejects(S.importJson(storage, text), (e) => {
      assert.equal(e.code, code, text);
      assert.match(e.message, message);
      return true;
    });
  }
  // The options page also asks the browser whether it parses each selector.
  const withSelector = JSON.stringify({ ...good, sites: { 'a.example': { selectors: ['div['] } } });
  await assert.rejects(S.importJson(storage, withSelector, (sel) => sel !== 'div['), (e) => {
    assert.equal(e.code, 'importInvalid');
    assert.deepEqual(e.subs, ['sites["a.example"].selectors[0]']);
    return true;
  });
  assert.equal(storage.writes, writes, 'nothing was written');
  assert.deepEqual(storage.data, before);
});

test('a version 1 file imports', async () => {
  const v1 = { version: 1, defaults: { enabled: true, categories: ALL_ON }, sites: { 'a.example': { enabled: false } } };
  const got = await S.importJson(memory(), JSON.stringify(v1));
  assert.equal(got.version, 2);
  assert.deepEqual(got.sites, { 'a.example': { enabled: false } });
});
