// The legend: what node colours, edge colours, sizes and widths mean, the switch to colour actors
// by bloc (with the blocs when it is on), and the keys of the graph.
import { AFFILIATION_COLOR, KIND_COLORS, POLARITY_COLORS } from '../graph/index.ts';
import { h } from './dom.ts';

const swatch = (color: string, shape: 'dot' | 'line') =>
  h('span', {
    class: `swatch swatch-${shape}`,
    style: `background:${color}`,
    'aria-hidden': 'true',
  });

const KEYS: [string, string][] = [
  ['+ / −', 'zoom in / out'],
  ['0', 'fit the graph to the view'],
  ['/', 'search'],
  ['Arrows', 'move between actors (graph focused)'],
  ['Page Up / Down, Home', 'step through actors by activity'],
  ['Enter / Escape', 'open / clear'],
];

export function createLegend(blocs: HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'legend', 'aria-labelledby': 'legend-heading' },
    h('h2', { id: 'legend-heading' }, 'Legend'),
    h(
      'ul',
      {},
      Object.entries(KIND_COLORS).map(([kind, c]) => h('li', {}, swatch(c, 'dot'), ` ${kind}`)),
      Object.entries(POLARITY_COLORS).map(([pol, c]) => h('li', {}, swatch(c, 'line'), ` ${pol}`)),
      h('li', {}, swatch(AFFILIATION_COLOR, 'line'), ' affiliation (role)'),
    ),
    h(
      'p',
      { class: 'hint' },
      'Node size: events the actor takes part in. Edge width: number of events; arrows point from actor to target.',
    ),
    blocs,
    h('h3', {}, 'Keys'),
    h(
      'dl',
      { class: 'keys' },
      KEYS.flatMap(([key, what]) => [h('dt', {}, h('kbd', {}, key)), h('dd', {}, what)]),
    ),
  );
}
