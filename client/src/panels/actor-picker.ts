// An accessible autocomplete over actor names and aliases (GET /api/actors?q=), used by the main
// search and by the path finder: arrow keys move, Enter chooses, Escape closes.
import { ApiRequestError, type ActorHit, type ApiClient } from '../api/index.ts';
import { h, uid } from './dom.ts';

export interface ActorPicker {
  root: HTMLElement;
  input: HTMLInputElement;
  setValue(text: string): void;
  chosen(): ActorHit | null;
}

export interface ActorPickerOptions {
  api: ApiClient;
  label: string;
  placeholder?: string;
  /** The input's id (its label points at it); generated when absent. */
  id?: string;
  /** Hide the label visually (it stays for screen readers). */
  hiddenLabel?: boolean;
  onChoose(hit: ActorHit): void;
}

export function createActorPicker(opts: ActorPickerOptions): ActorPicker {
  const inputId = opts.id ?? uid('picker');
  const listId = uid('picker-list');
  const input = h('input', {
    id: inputId,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: opts.placeholder ?? 'Actor name',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'picker-list', hidden: true });
  const label = h(
    'label',
    { for: inputId, class: opts.hiddenLabel ? 'sr-only' : 'field-label' },
    opts.label,
  );
  const root = h('div', { class: 'picker' }, label, input, list);
  let hits: ActorHit[] = [];
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chosen: ActorHit | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const showMessage = (text: string) => {
    hits = [];
    list.replaceChildren(
      h('li', { class: 'picker-empty', role: 'option', 'aria-disabled': 'true' }, text),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const setActive = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const el = list.children[i];
    if (el) input.setAttribute('aria-activedescendant', el.id);
  };
  const choose = (hit: ActorHit) => {
    chosen = hit;
    input.value = hit.name;
    close();
    opts.onChoose(hit);
  };
  const render = () => {
    if (hits.length === 0) return showMessage('No actor matches');
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            class: 'picker-option',
            'aria-selected': 'false',
            'data-id': hit.id,
            // mousedown, not click, so the choice lands before the input's blur closes the list.
            onmousedown: (ev: Event) => {
              ev.preventDefault();
              choose(hit);
            },
          },
          h('span', { class: `kind-dot kind-${hit.kind}`, 'aria-hidden': 'true' }),
          h('span', { class: 'picker-name' }, hit.name),
          hit.matched !== hit.name
            ? h('span', { class: 'picker-alias' }, ` (${hit.matched})`)
            : null,
          h('span', { class: 'picker-kind' }, ` ${hit.kind}`),
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(0);
  };
  const search = async (q: string) => {
    const mine = ++seq;
    try {
      const res = await opts.api.searchActors(q, 8);
      if (mine !== seq) return;
      hits = res.items;
      render();
    } catch (err) {
      if (mine !== seq) return;
      showMessage(
        err instanceof ApiRequestError && err.unreachable ? 'Server unreachable' : 'Search failed',
      );
    }
  };

  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(timer);
    const q = input.value.trim();
    if (q === '') {
      seq++;
      close();
      return;
    }
    timer = setTimeout(() => void search(q), 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) {
      ev.preventDefault();
      if (list.hidden) render();
      else setActive((active + 1) % hits.length);
    } else if (ev.key === 'ArrowUp' && hits.length) {
      ev.preventDefault();
      setActive((active - 1 + hits.length) % hits.length);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const hit = hits[active] ?? hits[0];
      if (hit && !list.hidden) choose(hit);
    } else if (ev.key === 'Escape') {
      // Closing the list uses up the key (a drawer around the picker stays open).
      if (!list.hidden) ev.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  return {
    root,
    input,
    setValue(text) {
      input.value = text;
    },
    chosen: () => chosen,
  };
}
