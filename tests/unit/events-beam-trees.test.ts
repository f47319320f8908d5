// The extraction reads a construction whichever way the parser's search attaches it. These
// sentences go through the committed models with the parser searched by a beam (the setting
// measured in the README's "Beam search"), whose trees differ from the greedy parser's exactly
// where the rules below are needed: a relative clause parsed as the main clause, a plural noun
// taken for a setting phrase, an oblique after the object taken for a particle, a quoted reason
// hung on the reporting verb, a judgement read as a small clause or with the name before "one",
// a meeting noun absorbed into a time phrase, and a past tense tagged as a base form.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS } from '../../server/nlp/index.ts';
import { loadParser } from '../../server/nlp/parser/index.ts';
import { articleTriples as events } from '../helpers/article-events.ts';
import { triples } from './events-helpers.ts';

let dir = '';

beforeAll(() => {
  // The layer reads NLP_MODELS once, on first use in this worker: a folder of the committed
  // models whose parser.bin carries the beam's settings.
  dir = mkdtempSync(path.join(os.tmpdir(), 'sg-beam-'));
  for (const f of ['tagger.bin', 'lemmas.json', 'names.bin'])
    copyFileSync(path.join(DEFAULT_MODELS, f), path.join(dir, f));
  const parser = loadParser(path.join(DEFAULT_MODELS, 'parser.bin'));
  parser.beamWidth = 3;
  parser.beamTemperature = 32;
  parser.beamMargin = 1.25;
  writeFileSync(path.join(dir, 'parser.bin'), parser.toBuffer());
  process.env.NLP_MODELS = dir;
});

afterAll(() => {
  delete process.env.NLP_MODELS;
  rmSync(dir, { recursive: true, force: true });
});

describe('constructions on beam-searched trees', () => {
  it.each([
    // relative pronoun subject of a clause parsed as the main one
    [
      '[Myanmar|myanmar], which shelled [Bangladesh|bangladesh] in March, rejected the charge.',
      ['myanmar>bangladesh:ASSAULT'],
    ],
    // a plural noun is no setting phrase lending its "with" to the verb
    ['[Kaito Mori|kaito-mori] spoke of progress in contacts with [Chile|chile].', []],
    ['[Li Wei|li-wei] spoke about the hope for normalcy in ties with [Peru|peru].', []],
    // an oblique after the object is no particle ("call on")
    [
      '[Kenya|kenya] called [Somalia|somalia] on Friday to discuss the border.',
      ['kenya>somalia:CONSULT'],
    ],
    // a quoted reason clause hung on the reporting verb is the speech's content
    [
      '[Li Wei|li-wei] told reporters that tariffs were rising because “[Australia|australia] has been ripping off our exporters for a decade.”',
      ['li-wei>australia:ACCUSE'],
    ],
    // a quotation parsed as a bare oblique of the reporting verb is its content
    [
      '[Ana Ruiz|ana-ruiz] tweeted, “It’s time to stop [Morocco|morocco]’s cruel attacks.”',
      ['ana-ruiz>morocco:ACCUSE'],
    ],
    // a judgement read as a small clause, or with the name before "one"
    ['[Uganda|uganda] called [Rwanda|rwanda]\'s policies "reckless".', ['uganda>rwanda:ACCUSE']],
    [
      '[Tom Hale|tom-hale] called [Cuba|cuba] one of the worst abusers of human rights in the world.',
      ['tom-hale>cuba:ACCUSE'],
    ],
    // a past tense the tagger read as a base form, in a sentence with no finite verb
    [
      '[Kenya|kenya] last year froze a [Chinese|china|demonym]-funded gas pipeline.',
      ['kenya>china:SANCTION'],
    ],
  ])('%s', (sentence, expected) => {
    expect(triples(sentence)).toEqual(expected);
  });

  it('a meeting noun the parser folds into a time phrase still makes the trip a meeting', () => {
    expect(events('Cyril Ramaphosa will fly to Nairobi for a summit next month.')).toContain(
      'cyril-ramaphosa>kenya:AGREE',
    );
  });
});
