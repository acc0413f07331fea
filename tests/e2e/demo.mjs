// What the end-to-end tests know of the demo page, and how they look at it; the functions take a
// Playwright or a Puppeteer page (both have evaluate(fn, arg)).

/** Clutter on the demo page, by selector, with the category Quietread must give it. */
export const CLUTTER = {
  '.notifications-banner': 'nag',
  '.support-epic': 'appeal',
  '.newsletter-signup': 'nag',
  '.login-status': 'paywall',
  '#comments': 'comments',
  '.comments-link': 'comments',
};
export const ARTICLE_PARAGRAPHS = '.article-body > p';

/** Visibility and marks of the clutter and the article on the page. */
export function inspect(page, clutter = CLUTTER) {
  return page.evaluate(({ clutter, paragraphs }) => {
    const seen = (el) => el.checkVisibility();
    const out = { clutter: {}, hiddenParagraphs: [], paragraphs: 0 };
    for (const sel of Object.keys(clutter)) {
      const el = document.querySelector(sel);
      out.clutter[sel] = el ? { visible: seen(el), mark: el.closest('[data-quietread]')?.getAttribute('data-quietread') ?? null } : 'missing';
    }
    for (const p of document.querySelectorAll(paragraphs)) {
      out.paragraphs++;
      if (!seen(p)) out.hiddenParagraphs.push(p.textContent.slice(0, 60));
    }
    return out;
  }, { clutter, paragraphs: ARTICLE_PARAGRAPHS });
}

/** Whether the page scrolls (a modal's lock is off). */
export async function canScroll(page) {
  return page.evaluate(async () => {
    window.scrollTo(0, 0);
    window.scrollTo(0, 600);
    await new Promise((r) => requestAnimationFrame(() => r()));
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y > 0;
  });
}

/** The labels drawn on a page: speaker, role, and where the label and its quote are. */
export function labelsOf(page) {
  return page.evaluate(() => {
    const host = document.querySelector('quietread-labels');
    if (!host || !host.shadowRoot) return [];
    return [...host.shadowRoot.querySelectorAll('.label')].map((l) => {
      const r = l.getBoundingClientRect();
      return {
        speaker: l.textContent, aria: l.getAttribute('aria-label'), tabindex: l.tabIndex,
        box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      };
    });
  });
}
