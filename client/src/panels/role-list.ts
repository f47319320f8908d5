// The roles in the actor panel: the gazetteer's roles with their real dates ("2013-03-14 – present"
// only while the gazetteer gives no end), and roles articles state "as of" the article's date with
// the article cited, flagged when the gazetteer says the role had already ended.
import type { ActorInfo } from '../api/index.ts';
import { actorName, type PanelContext } from './context.ts';
import { h } from './dom.ts';

type Role = ActorInfo['roles'][number];

function office(ctx: PanelContext, r: Role): string {
  if (r.of === null) return r.title;
  return `${r.title} of ${r.ofName ?? actorName(ctx, r.of)}`;
}

function roleItem(ctx: PanelContext, r: Role): HTMLLIElement {
  if (r.basis === 'gazetteer') {
    const span = `${r.from ?? '…'} – ${r.current ? 'present' : (r.to ?? '…')}`;
    return h(
      'li',
      { 'data-basis': 'gazetteer', 'data-current': String(r.current) },
      office(ctx, r),
      ' ',
      h('span', { class: 'role-dates hint' }, `(${span})`),
    );
  }
  const source = r.document.title ?? `article ${r.document.id}`;
  return h(
    'li',
    { 'data-basis': 'article', 'data-current': 'false' },
    office(ctx, r),
    ' ',
    h('span', { class: 'role-dates hint' }, r.asOf ? `as of ${r.asOf}, in ` : 'undated, in '),
    h(
      'button',
      {
        type: 'button',
        class: 'link role-source',
        // Inline, so a long title wraps with the text instead of as a centred block.
        style: 'display: inline; text-align: left; font: inherit',
        title: 'open the article that states this role',
        onclick: () => ctx.openArticle(r.document.id, null),
      },
      source,
    ),
    r.endedBefore
      ? h(
          'span',
          { class: 'role-ended neg' },
          ` — no longer held: the gazetteer ends it on ${r.endedBefore}`,
        )
      : null,
  );
}

/** The roles heading and list, or a note when the actor has none. */
export function roleList(ctx: PanelContext, roles: readonly Role[]): (HTMLElement | null)[] {
  if (roles.length === 0) return [h('p', { class: 'empty' }, 'No known roles.')];
  const known = roles.filter((r) => r.basis === 'gazetteer');
  const stated = roles.filter((r) => r.basis === 'article');
  return [
    h('h3', {}, 'Roles'),
    known.length
      ? h(
          'ul',
          { class: 'role-list', 'data-basis': 'gazetteer' },
          known.map((r) => roleItem(ctx, r)),
        )
      : null,
    stated.length
      ? h(
          'div',
          { class: 'role-stated' },
          h('p', { class: 'hint' }, 'As stated in articles:'),
          h(
            'ul',
            { class: 'role-list', 'data-basis': 'article' },
            stated.map((r) => roleItem(ctx, r)),
          ),
        )
      : null,
  ];
}
