// Attacks located in a state: the state after "in" is a place for the actor stage, but the target
// of another state's attack there ("Israeli strikes in Syria").
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';

function run(text: string): { actors: string[]; events: string[] } {
  const x = extractArticle({ text, published: '2024-03-01' });
  return {
    actors: x.actors.map((a) => a.id),
    events: x.events.map((e) => `${e.source}>${e.target}:${e.type}`),
  };
}

describe('attacks located in a state', () => {
  it.each([
    ['Israeli strikes in Syria killed four people on Tuesday.', 'israel>syria:ASSAULT'],
    ["Russia's war in Ukraine has lasted two years.", 'russia>ukraine:ASSAULT'],
    ['Saudi air strikes in Yemen continued overnight.', 'saudi-arabia>yemen:ASSAULT'],
    ['Ukrainian drone attacks in Russia hit an oil depot.', 'ukraine>russia:ASSAULT'],
    ['Turkish raids in northern Iraq hit several villages.', 'turkey>iraq:ASSAULT'],
  ])('%s', (text, event) => {
    expect(run(text).events).toContain(event);
  });

  it.each([
    'The summit in Indonesia ended on Friday with a statement.',
    'Chinese investment in Kenya grew last year.',
    'Voters in Brazil went to the polls on Sunday.',
  ])('a state only named as a place is no actor: %s', (text) => {
    const r = run(text);
    expect(r.events).toEqual([]);
    expect(r.actors).toEqual([]);
  });

  it('a state attacking inside its own territory has no foreign target', () => {
    const r = run('Nigerian air strikes in Nigeria hit militant camps.');
    expect(r.events).toEqual([]);
  });
});
