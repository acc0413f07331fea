// Long tasks with the real extension: Chromium with the unpacked extension opens a page, a
// script in the page's main world records every long task from the start and the moment the
// extension's first change lands (a mark, an unlock or the labels' host). The extension's task
// is the long task that was running then; any other long task is the page's own loading.
import { launchWithExtension } from './chromium.mjs';

/** Runs in the page before anything else. */
function recorder() {
  const seen = { tasks: [], changed: null };
  globalThis.__quietreadBench = seen;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const ours = (r) => (r.type === 'attributes'
    ? r.attributeName.startsWith('data-quietread')
    : Array.from(r.addedNodes).some((n) => n.localName === 'quietread-labels'));
  const observer = new MutationObserver((records) => {
    if (!records.some(ours)) return;
    // Delivered at the end of the task that made the change.
    seen.changed = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/** The content script's status, asked as the popup asks it: the active tab of the window. */
async function status(browser, tab) {
  await tab.bringToFront();
  return browser.worker.evaluate(async () => {
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    try {
      return active ? await chrome.tabs.sendMessage(active.id, { type: 'status' }) : null;
    } catch {
      return null; // the content script is not there yet
    }
  });
}

async function firstPass(browser, tab, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const st = await status(browser, tab);
    if (st && (st.runs > 0 || st.error)) return st;
    if (Date.now() > deadline) throw new Error('the extension made no pass');
    await tab.waitForTimeout(100);
  }
}

/** Open `url` with the extension in `extension`; its long tasks and its own pass time. */
export async function extensionLongTasks(extension, url, seconds) {
  const browser = await launchWithExtension(extension);
  try {
    await browser.context.addInitScript(recorder);
    const tab = await browser.context.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    const st = await firstPass(browser, tab, seconds);
    if (st.error) throw new Error(`the extension failed: ${st.error}`);
    // Long-task entries arrive after their task ends.
    await tab.waitForTimeout(500);
    const seen = await tab.evaluate(() => globalThis.__quietreadBench);
    if (seen.changed === null) throw new Error('the extension changed nothing, so its task cannot be told apart');
    // The pass is sliced into several tasks: count every task that overlaps the pass, from
    // its length before the first change (the snapshot and the core come before apply) to
    // its length after it (labels come after). Page scripts are blocked, so a task in that
    // window is Quietread's or the browser's rendering, which is counted against us too.
    const from = seen.changed - st.ms - 5;
    const to = seen.changed + st.ms + 5;
    const during = (t) => t.start <= to && t.start + t.duration >= from;
    const ours = seen.tasks.filter(during).map((t) => t.duration);
    const other = seen.tasks.filter((t) => !during(t)).map((t) => t.duration);
    return {
      mode: st.mode,
      pass: st.ms,
      count: ours.length,
      longest: ours.length ? Math.max(...ours) : 0,
      pageLoadTasks: other.length,
      pageLoadLongest: other.length ? Math.max(...other) : 0,
    };
  } finally {
    await browser.close();
  }
}
