// The access-token dialog: a modal form (not window.prompt) the API client opens when a request
// needs a bearer token; resolves with the token, or null when the person cancels.
import type { TokenReason } from '../api/index.ts';
import { h, replace } from './dom.ts';

export interface TokenDialog {
  dialog: HTMLDialogElement;
  ask(reason: TokenReason, message: string): Promise<string | null>;
}

export function createTokenDialog(): TokenDialog {
  const input = h('input', {
    id: 'token-input',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'token-message',
  });
  const message = h('p', { id: 'token-message', class: 'token-message' });
  const cancel = h('button', { type: 'button', id: 'token-cancel' }, 'Cancel');
  const submit = h('button', { type: 'submit', id: 'token-submit', class: 'primary' }, 'Use token');
  const form = h(
    'form',
    { method: 'dialog', class: 'token-form' },
    h('h2', { id: 'token-heading' }, 'Access token'),
    message,
    h('div', { class: 'field' }, h('label', { for: 'token-input' }, 'Token'), input),
    h(
      'p',
      { class: 'hint' },
      'The token is kept in this browser tab only (session storage) and sent with each request.',
    ),
    h('div', { class: 'buttons' }, submit, cancel),
  );
  const dialog = h(
    'dialog',
    {
      class: 'token-dialog',
      'aria-labelledby': 'token-heading',
      'aria-describedby': 'token-message',
    },
    form,
  );

  let pending: ((token: string | null) => void) | null = null;
  const settle = (token: string | null) => {
    const resolve = pending;
    pending = null;
    if (dialog.open) dialog.close();
    input.value = '';
    resolve?.(token);
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const token = input.value.trim();
    if (token === '') {
      input.focus();
      return;
    }
    settle(token);
  });
  cancel.addEventListener('click', () => settle(null));
  // Escape closes a modal dialog without a submit; that is a cancel.
  dialog.addEventListener('close', () => settle(null));

  return {
    dialog,
    ask(reason, text) {
      // A second request asking while the dialog is open shares the one answer.
      const previous = pending;
      const answer = new Promise<string | null>((resolve) => {
        pending = (token) => {
          previous?.(token);
          resolve(token);
        };
      });
      dialog.classList.toggle('token-rejected', reason === 'rejected');
      replace(message, text);
      if (!dialog.open) dialog.showModal();
      input.focus();
      return answer;
    },
  };
}
