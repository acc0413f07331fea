// Polling for the end-to-end tests, in any browser driver.

/** The first truthy value of `check()`, polled every 50 ms; throws naming `what` after `ms`. */
export async function waitFor(check, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}
