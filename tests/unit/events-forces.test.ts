// Armed forces as the subject of "carried out / conducted / launched" + an attack noun: the state
// whose forces they are attacks the state named after "on", "in", "inside" or "across".
import { describe, expect, it } from 'vitest';
import { articleTriples as events } from '../helpers/article-events.ts';

describe('forces carrying out attacks', () => {
  it.each([
    ['Pakistani forces carried out raids inside Afghanistan overnight.', 'pakistan>afghanistan'],

    ['Indian troops have conducted strikes across Pakistan.', 'india>pakistan'],
    ['Turkish forces launched a military operation in northern Syria.', 'turkey>syria'],

    ['Colombian forces carried out a raid in Venezuela on Sunday.', 'colombia>venezuela'],
  ])('%s', (text, pair) => {
    expect(events(text)).toContain(`${pair}:ASSAULT`);
  });

  // Constructions of the earlier window rules not yet read off the tree: expected to fail until they are.
  it.fails.each([
    ['Israeli troops conducted operations in southern Lebanon.', 'israel>lebanon'],
    ['Ethiopian soldiers mounted attacks on Eritrea last month.', 'ethiopia>eritrea'],
  ])('%s', (text, pair) => {
    expect(events(text)).toContain(`${pair}:ASSAULT`);
  });

  it.each([
    // Operations at home attack no state.
    'Pakistani forces carried out raids in Pakistan.',
    // Not armed forces: "operations" alone is no attack.
    'Kenyan banks conducted operations in Uganda.',
    // Carrying out a survey is no attack.
    'Brazilian troops carried out a survey in Paraguay.',
  ])('no attack: %s', (text) => {
    expect(events(text).filter((e) => e.endsWith(':ASSAULT'))).toEqual([]);
  });
});
