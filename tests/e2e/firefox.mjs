// Launch Debian's Firefox ESR with the unpacked extension from dist/extension, driven by
// puppeteer-core over WebDriver BiDi (QUIETREAD_FIREFOX names another Firefox binary).
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, EXTENSION } from './browser.mjs';

export const FIREFOX = process.env.QUIETREAD_FIREFOX || '/usr/bin/firefox-esr';

/** The gecko id the manifest gives the extension. */
export function geckoId() {
  const m = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
  return m.browser_specific_settings.gecko.id;
}

/** The fixed moz-extension host the tests give the extension (a pref maps ids to hosts). */
export const UUID = '4f0a7c1e-5b2d-4c3e-9a8f-0d1e2f3a4b5c';

/** Launch Firefox with the extension installed. Extension pages cannot be navigated to over
 *  WebDriver BiDi, so `openExtensionPage` opens them from the browser window (system access,
 *  which `--remote-allow-system-access` grants to the test's own connection only) and drives
 *  them by raw BiDi `script.evaluate`. */
/** The tab showing `url` and its content script's status, asked from an extension page
 *  (`openExtensionPage`'s handle): `{ id, status }`, or null while no tab answers. */
export function tabShowing(ext, url) {
  return ext.evaluate(`(async () => {
    for (const t of await chrome.tabs.query({})) {
      const status = await chrome.tabs.sendMessage(t.id, { type: 'status' }).catch(() => null);
      if (status && status.url === ${JSON.stringify(url)}) return { id: t.id, status };
    }
    return null;
  })()`);
}

export async function launchFirefox() {
  for (const need of [path.join(EXTENSION, 'manifest.json'), path.join(EXTENSION, 'quietread_bg.wasm')]) {
    if (!fs.existsSync(need)) throw new Error(`${need} is missing: run scripts/build.sh first`);
  }
  const tmp = path.join(ROOT, 'target', 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const profile = fs.mkdtempSync(path.join(tmp, 'firefox-profile-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 800 },
    extraPrefsFirefox: {
      // A closed network: no update, telemetry or suggestion requests at start.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: UUID }),
    },
  });
  const id = await browser.installExtension(EXTENSION);
  const bidi = browser.connection;
  const base = `moz-extension://${UUID}/`;

  /** The value of `expression` (awaited, then JSON-encoded) in a browsing context. */
  async function evaluate(context, expression) {
    const { result } = await bidi.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (result.type !== 'success') throw new Error(`${expression}: ${JSON.stringify(result.exceptionDetails || result).slice(0, 300)}`);
    const text = result.result.value;
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Open an extension page (e.g. 'popup.html?tab=3') in a new tab; returns a handle whose
   *  `evaluate(expression)` runs in it and `close()` closes it. */
  async function openExtensionPage(file) {
    const url = base + file;
    const { result } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const win = result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    await evaluate(win.context, `(() => { gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, {
      triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); return true; })()`);
    for (let i = 0; i < 100; i++) {
      const tree = (await bidi.send('browsingContext.getTree', {})).result.contexts;
      const tab = tree.find((c) => c.url === url);
      if (tab) {
        for (let j = 0; j < 100; j++) {
          if (await evaluate(tab.context, 'document.readyState === "complete"').catch(() => false)) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        return {
          evaluate: (expression) => evaluate(tab.context, expression),
          close: () => bidi.send('browsingContext.close', { context: tab.context }),
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('extension page did not open: ' + url);
  }

  return {
    browser,
    id,
    openExtensionPage,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
