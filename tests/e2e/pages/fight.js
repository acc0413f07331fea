// This page fights Quietread. ?fight=strip: its MutationObserver takes the data-quietread
// attribute off every element the moment it appears. ?fight=replace: whenever the newsletter
// box is marked, or taken out, it puts a fresh copy in its place. window.qrFights counts the
// page's moves; window.qrShown samples whether the box can be seen.
(function () {
  'use strict';
  const mode = new URLSearchParams(location.search).get('fight') || 'strip';
  const MARK = 'data-quietread';
  const spare = document.querySelector('.newsletter-box').cloneNode(true);
  const after = document.querySelector('.newsletter-box').previousElementSibling;
  window.qrFights = 0;

  function strip() {
    for (const el of document.querySelectorAll('[' + MARK + ']')) {
      el.removeAttribute(MARK);
      window.qrFights++;
    }
  }

  function replace() {
    const box = document.querySelector('.newsletter-box');
    if (box && !box.hasAttribute(MARK)) return;
    const fresh = spare.cloneNode(true);
    if (box) box.replaceWith(fresh); else after.after(fresh);
    window.qrFights++;
  }

  new MutationObserver(mode === 'strip' ? strip : replace)
    .observe(document.body, { subtree: true, childList: true, attributes: true });

  // Every 20 ms: is the box on screen? [samples, samples with the box visible].
  window.qrShown = [0, 0];
  setInterval(() => {
    const box = document.querySelector('.newsletter-box');
    window.qrShown[0]++;
    if (box && box.checkVisibility()) window.qrShown[1]++;
  }, 20);
})();
