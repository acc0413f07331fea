// The Northgate Courier's own page script, playing the publisher: it injects a subscription
// modal a few seconds after load and locks scrolling under it, and loads more comments on
// demand. Quietread knows nothing of this file.
// ?modal=MS sets the modal's delay (default 3000), ?modal=off leaves it out.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const setting = params.get('modal');
  const delay = setting === null ? 3000 : Number(setting);

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function showModal() {
    const backdrop = el('div', { class: 'modal-backdrop' });
    const modal = el('div', { class: 'subscribe-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'sub-title' });
    const title = el('h2', { id: 'sub-title' }, 'You have read all your free articles this month');
    const text = el('p', {}, 'Subscribe to keep reading the Courier: every story, every puzzle, and the Saturday magazine, from 1 euro a week.');
    const cta = el('a', { class: 'button', href: '#' }, 'Subscribe now');
    const login = el('p', { class: 'subscribe-modal__small' }, 'Already a subscriber? Log in');
    modal.append(title, text, cta, login);
    document.body.append(backdrop, modal);
    document.body.classList.add('modal-open');
  }

  if (setting !== 'off' && Number.isFinite(delay) && delay >= 0) {
    setTimeout(showModal, delay);
  }

  for (const form of document.querySelectorAll('form')) {
    form.addEventListener('submit', (e) => e.preventDefault());
  }

  // More comments arrive when asked for, as on most news sites.
  const more = document.querySelector('.comments__more');
  const list = document.querySelector('.comments__list');
  const extra = [
    ['islander', 'The seizures were always going to end up in court.'],
    ['M. Dahl', 'Who is paying the crews while the boats sit in port?'],
  ];
  if (more && list) {
    more.addEventListener('click', () => {
      for (const [author, text] of extra.splice(0)) {
        const li = el('li', { class: 'comment' });
        li.append(el('p', { class: 'comment__author' }, author), el('p', { class: 'comment__text' }, text));
        list.append(li);
      }
      more.remove();
    });
  }
})();
