// The ranking panel in the sidebar: actors ranked by a chosen measure (GET /api/metrics) over the
// graph under the current filters; clicking a row selects the actor as search does. It reloads
// when the filters or the data change, and marks the selected actor's row. While the server is
// still computing a ranking it says so and asks again after the server's Retry-After.
import { ApiRequestError, type Measure, type Metrics } from '../api/index.ts';
import { filterQuery, matchesNothing, type ViewState } from '../state/index.ts';
import { h, replace } from './dom.ts';
import type { PanelContext } from './context.ts';
import { whileComputing } from './while-computing.ts';

export const MEASURE_LABELS: Record<Measure, string> = {
  degree: 'Degree (partners)',
  'weighted-degree': 'Weighted degree (events)',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
};

/** Rows asked for: enough to scroll through, few enough to read. */
const LIMIT = 25;

/** A measure's value as shown: counts as integers, shares and centralities to three places. */
export function formatMeasure(measure: Measure, value: number): string {
  if (measure === 'degree' || measure === 'weighted-degree') return String(Math.round(value));
  return value.toFixed(3);
}

export interface RankingPanel {
  root: HTMLElement;
  /** Reloads when the filters changed; marks the selected actor. */
  sync(view: ViewState): void;
  /** Reloads whatever the filters (the data changed). */
  reload(): void;
}

export function createRankingPanel(ctx: PanelContext): RankingPanel {
  let measure: Measure = 'pagerank';
  let loadedKey: string | null = null;
  let selected: string | null = null;
  let seq = 0;
  const select = h(
    'select',
    { id: 'ranking-measure' },
    (Object.keys(MEASURE_LABELS) as Measure[]).map((m) =>
      h('option', { value: m, selected: m === measure }, MEASURE_LABELS[m]),
    ),
  );
  const status = h('p', { class: 'ranking-status hint', 'aria-live': 'polite' });
  const list = h('ol', { class: 'ranking-list', 'aria-labelledby': 'ranking-heading' });

  const mark = () => {
    for (const li of list.querySelectorAll<HTMLElement>('li[data-actor]')) {
      const on = li.dataset.actor === selected;
      li.classList.toggle('selected', on);
      const button = li.querySelector('button');
      if (on) button?.setAttribute('aria-current', 'true');
      else button?.removeAttribute('aria-current');
    }
  };

  const show = (m: Metrics) => {
    replace(
      list,
      m.items.map((item) =>
        h(
          'li',
          { 'data-actor': item.id },
          h(
            'button',
            {
              type: 'button',
              class: 'ranking-row',
              title: `Select ${item.name}`,
              onclick: () => ctx.selectActor(item.id),
            },
            h('span', { class: 'ranking-rank' }, `${item.rank}.`),
            h('span', { class: `kind-dot kind-${item.kind}`, 'aria-hidden': 'true' }),
            h('span', { class: 'ranking-name' }, item.name),
            h('span', { class: 'ranking-value' }, formatMeasure(m.measure, item.value)),
          ),
        ),
      ),
    );
    const note =
      m.items.length === 0
        ? 'No actors pass the current filters.'
        : `Top ${m.items.length} of ${m.total} actors${m.exact ? '' : ' (betweenness estimated from a sample)'}.`;
    replace(status, note);
    mark();
  };

  const load = async (key: string) => {
    const mine = ++seq;
    loadedKey = key;
    const filters = ctx.filters();
    if (matchesNothing(filters)) {
      replace(list);
      replace(status, 'No actors pass the current filters.');
      return;
    }
    replace(status, 'Ranking…');
    try {
      const query = { measure, limit: LIMIT, ...filterQuery(filters) };
      const m = await whileComputing(() => ctx.api.metrics(query), {
        wanted: () => mine === seq,
        onPending: () => replace(status, 'Computing the ranking…'),
      });
      if (m && mine === seq) show(m);
    } catch (err) {
      if (mine !== seq) return;
      loadedKey = null;
      replace(list);
      replace(
        status,
        h(
          'span',
          { class: 'error' },
          err instanceof ApiRequestError && err.unreachable
            ? 'Ranking unavailable: server unreachable.'
            : `Ranking unavailable${err instanceof Error ? `: ${err.message.replace(/^stancegraph: /, '')}` : '.'}`,
        ),
      );
    }
  };
  const keyOf = () => JSON.stringify([measure, filterQuery(ctx.filters())]);

  select.addEventListener('change', () => {
    measure = select.value as Measure;
    void load(keyOf());
  });

  return {
    root: h(
      'section',
      { class: 'ranking', 'aria-labelledby': 'ranking-heading' },
      h('h2', { id: 'ranking-heading' }, 'Ranking'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'ranking-measure', class: 'field-label' }, 'Rank actors by'),
        select,
      ),
      status,
      list,
    ),
    sync(view) {
      selected = view.selection?.kind === 'node' ? view.selection.id : null;
      const key = keyOf();
      if (key !== loadedKey) void load(key);
      else mark();
    },
    reload() {
      void load(keyOf());
    },
  };
}
