// The actor panel: name, kind, country, roles, its timeline, stance with each partner, and the
// actor's events with their evidence; roles and the timeline come from the API, the rest from the
// loaded graph.
import { ApiRequestError } from '../api/index.ts';
import { h, replace } from './dom.ts';
import { actorName, type PanelContext } from './context.ts';
import { eventList } from './event-list.ts';
import { eventRows, partnerStances } from './event-rows.ts';
import { roleList } from './role-list.ts';
import { createTimelineChart } from './timeline-chart.ts';

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function renderActorPanel(
  container: HTMLElement,
  ctx: PanelContext,
  id: string,
  focusDepth: number | null,
): void {
  const data = ctx.data();
  if (!data.hasNode(id)) {
    replace(container, h('p', { class: 'empty' }, `No actor "${id}" in the graph.`));
    return;
  }
  const a = data.getNodeAttributes(id);
  const rows = eventRows(data, data.edges(id), ctx.filters());
  const partners = partnerStances(id, rows);
  const roles = h(
    'div',
    { class: 'roles', 'aria-live': 'polite' },
    h('p', { class: 'loading' }, 'Loading roles…'),
  );
  const depthId = `focus-depth-${id}`;
  const depth = h(
    'select',
    { id: depthId },
    [1, 2, 3].map((d) =>
      h(
        'option',
        { value: String(d), selected: (focusDepth ?? 1) === d },
        `${d} hop${d > 1 ? 's' : ''}`,
      ),
    ),
  );

  replace(
    container,
    h(
      'section',
      { class: 'actor-panel', 'aria-labelledby': `actor-title-${id}` },
      h(
        'h2',
        { id: `actor-title-${id}` },
        h('span', { class: `kind-dot kind-${a.kind}`, 'aria-hidden': 'true' }),
        ' ',
        a.name,
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Kind'),
        h('dd', { 'data-field': 'kind' }, a.kind),
        h('dt', {}, 'Country'),
        h(
          'dd',
          { 'data-field': 'country' },
          a.country
            ? h(
                'button',
                { type: 'button', class: 'link', onclick: () => ctx.selectActor(a.country!) },
                actorName(ctx, a.country),
              )
            : '—',
        ),
        h('dt', {}, 'Events'),
        h(
          'dd',
          {},
          `${a.eventCount} (${a.cooperative} cooperative, ${a.hostile} hostile, ${a.neutral} neutral)`,
        ),
        h('dt', {}, 'Documents'),
        h('dd', {}, String(a.documents)),
        a.aliases.length ? [h('dt', {}, 'Also'), h('dd', {}, a.aliases.join(', '))] : null,
      ),
      roles,
      h(
        'div',
        { class: 'focus-controls' },
        h('label', { for: depthId }, 'Ego view depth '),
        depth,
        h(
          'button',
          { type: 'button', onclick: () => ctx.focusActor(id, Number(depth.value)) },
          focusDepth ? 'Update focus' : 'Focus',
        ),
      ),
      createTimelineChart(ctx, { actor: id, partner: null }),
      h('h3', {}, 'Stance with partners'),
      partners.length === 0
        ? h('p', { class: 'empty' }, 'No partners under the current filters.')
        : h(
            'table',
            { class: 'partners' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Partner'),
                h('th', { scope: 'col' }, 'Events'),
                h('th', { scope: 'col', title: 'cooperative / hostile / neutral' }, '+ / − / 0'),
                h('th', { scope: 'col' }, 'Net'),
              ),
            ),
            h(
              'tbody',
              {},
              partners.map((p) =>
                h(
                  'tr',
                  { 'data-partner': p.id },
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      { type: 'button', class: 'link', onclick: () => ctx.selectActor(p.id) },
                      actorName(ctx, p.id),
                    ),
                  ),
                  h('td', {}, String(p.count)),
                  h('td', {}, `${p.cooperative} / ${p.hostile} / ${p.neutral}`),
                  h(
                    'td',
                    { class: p.netScore > 0 ? 'pos' : p.netScore < 0 ? 'neg' : '' },
                    signed(p.netScore),
                  ),
                ),
              ),
            ),
          ),
      h('h3', {}, `Events (${rows.length})`),
      eventList(ctx, rows),
    ),
  );

  ctx.api.actor(id).then(
    (info) => replace(roles, roleList(ctx, info.roles)),
    (err: unknown) =>
      replace(
        roles,
        h(
          'p',
          { class: 'error' },
          err instanceof ApiRequestError && err.unreachable
            ? 'Roles unavailable: server unreachable.'
            : 'Roles unavailable.',
        ),
      ),
  );
}
