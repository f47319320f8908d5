// Colour by bloc, in the legend: a switch that colours actors by their Louvain bloc (GET /api/blocs
// under the current filters) through the node reducer, and, while it is on, the blocs with their
// colours and members, the actors in no bloc, and the net stance between each pair of blocs. While
// the server is still computing the blocs it says so and asks again after its Retry-After.
import { ApiRequestError, type Blocs } from '../api/index.ts';
import { UNALIGNED_COLOR, blocColor, blocColoring, type BlocColoring } from '../graph/index.ts';
import { filterQuery, matchesNothing, type ViewState } from '../state/index.ts';
import { h, replace } from './dom.ts';
import type { PanelContext } from './context.ts';
import { signedScore } from './timeline-data.ts';
import { whileComputing } from './while-computing.ts';

/** Members named per bloc before "and N more". */
const NAMED = 6;

export interface BlocLegend {
  root: HTMLElement;
  /** Follows view.colorBy and reloads the blocs when the filters changed. */
  sync(view: ViewState): void;
  /** Reloads the blocs (the data changed) when colouring by bloc. */
  reload(): void;
}

export interface BlocLegendActions {
  /** The switch was flipped. */
  toggle(on: boolean): void;
  /** The colours to draw actors with; null: by kind. */
  color(coloring: BlocColoring | null): void;
}

const swatch = (color: string) =>
  h('span', { class: 'swatch swatch-dot', style: `background:${color}`, 'aria-hidden': 'true' });

/** "Bloc 2": blocs are numbered from 1 in the server's order (largest first). */
export const blocName = (index: number) => `Bloc ${index + 1}`;

function memberText(b: Blocs['blocs'][number]): string {
  const names = b.members.slice(0, NAMED).map((m) => m.name);
  const more = b.members.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

function blocList(result: Blocs): HTMLElement[] {
  if (result.blocs.length === 0) {
    return [h('p', { class: 'empty' }, 'No blocs: no two actors stand together here.')];
  }
  const list = h(
    'ol',
    { class: 'bloc-list' },
    result.blocs.map((b, i) =>
      h(
        'li',
        { 'data-bloc': String(b.id) },
        swatch(blocColor(i)),
        ' ',
        h('strong', {}, `${blocName(i)} (${b.size})`),
        ': ',
        memberText(b),
      ),
    ),
  );
  const unaligned: HTMLElement | null =
    result.unaligned > 0
      ? h(
          'p',
          { class: 'bloc-unaligned' },
          swatch(UNALIGNED_COLOR),
          ` ${result.unaligned} actor${result.unaligned === 1 ? '' : 's'} in no bloc`,
        )
      : null;
  const between: HTMLElement =
    result.between.length === 0
      ? h('p', { class: 'hint' }, 'No events between blocs.')
      : h(
          'table',
          { class: 'bloc-between' },
          h('caption', {}, 'Net stance between blocs'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Blocs'),
              h('th', { scope: 'col' }, 'Events'),
              h('th', { scope: 'col' }, 'Net'),
            ),
          ),
          h(
            'tbody',
            {},
            result.between.map((r) =>
              h(
                'tr',
                { 'data-pair': `${r.a}-${r.b}` },
                h('td', {}, `${blocName(r.a)} – ${blocName(r.b)}`),
                h('td', {}, String(r.events)),
                h(
                  'td',
                  { class: r.netScore > 0 ? 'pos' : r.netScore < 0 ? 'neg' : '' },
                  signedScore(r.netScore),
                ),
              ),
            ),
          ),
        );
  return unaligned ? [list, unaligned, between] : [list, between];
}

export function createBlocLegend(ctx: PanelContext, actions: BlocLegendActions): BlocLegend {
  const input = h('input', { type: 'checkbox', id: 'color-by-bloc' });
  input.addEventListener('change', () => actions.toggle(input.checked));
  const body = h('div', { class: 'bloc-body', 'aria-live': 'polite', hidden: true });
  let on = false;
  let loadedKey: string | null = null;
  let seq = 0;

  const load = async (key: string) => {
    const mine = ++seq;
    loadedKey = key;
    const filters = ctx.filters();
    if (matchesNothing(filters)) {
      actions.color(blocColoring([]));
      replace(body, h('p', { class: 'empty' }, 'No actors pass the current filters.'));
      return;
    }
    replace(body, h('p', { class: 'loading' }, 'Finding blocs…'));
    try {
      const query = { limit: 0, ...filterQuery(filters) };
      const result = await whileComputing(() => ctx.api.blocs(query), {
        wanted: () => mine === seq && on,
        onPending: () => replace(body, h('p', { class: 'loading' }, 'Computing the blocs…')),
      });
      if (!result || mine !== seq || !on) return;
      actions.color(blocColoring(result.blocs));
      replace(
        body,
        h(
          'p',
          { class: 'hint' },
          'Louvain communities of actors whose events with each other sum to a positive score.',
        ),
        blocList(result),
      );
    } catch (err) {
      if (mine !== seq) return;
      loadedKey = null;
      actions.color(null);
      replace(
        body,
        h(
          'p',
          { class: 'error' },
          err instanceof ApiRequestError && err.unreachable
            ? 'Blocs unavailable: server unreachable.'
            : 'Blocs unavailable.',
        ),
      );
    }
  };
  const keyOf = () => JSON.stringify(filterQuery(ctx.filters()));

  return {
    root: h(
      'div',
      { class: 'bloc-legend' },
      h('label', { class: 'check', for: 'color-by-bloc' }, input, ' Colour actors by bloc'),
      body,
    ),
    sync(view) {
      const next = view.colorBy === 'bloc';
      input.checked = next;
      if (!next) {
        if (on) {
          on = false;
          seq++;
          loadedKey = null;
          body.hidden = true;
          replace(body);
          actions.color(null);
        }
        return;
      }
      on = true;
      body.hidden = false;
      const key = keyOf();
      if (key !== loadedKey) void load(key);
    },
    reload() {
      if (on) void load(keyOf());
    },
  };
}
