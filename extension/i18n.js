// Quietread page strings from _locales: t(key, substitutions) gives a message in the browser's
// language (English when there is none), and on load every element marked data-i18n="key"
// gets that message as its text.
(function () {
  'use strict';

  function t(key, substitutions) {
    return chrome.i18n.getMessage(key, (substitutions || []).map(String)) || key;
  }

  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  document.documentElement.lang = t('lang');
  globalThis.QuietreadI18n = { t };
})();
