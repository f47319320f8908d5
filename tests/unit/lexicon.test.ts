// The event lexicon: the data file validates, covers every PLOVER type, and indexes phrases by head.
import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES } from '../../server/model/index.ts';
import { buildLexicon, lexicon } from '../../server/extract/events/lexicon.ts';

describe('lexicon', () => {
  const lex = lexicon();
  const all = [...lex.verbs.values()].flat();

  it('has several hundred verb entries and maps to all 16 PLOVER types', () => {
    expect(all.length).toBeGreaterThan(300);
    const types = new Set(all.map((e) => e.type));
    for (const t of PLOVER_TYPES) expect(types.has(t), t).toBe(true);
    const nounTypes = new Set([...lex.nouns.values()].flat().map((e) => e.type));
    expect(nounTypes.size).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['criticise', 'ACCUSE'],
    ['criticize', 'ACCUSE'],
    ['mobilise', 'MOBILIZE'],
    ['mobilize', 'MOBILIZE'],
    ['apologise', 'CONCEDE'],
    ['apologize', 'CONCEDE'],
    ['veto', 'REJECT'],
    ['invade', 'ASSAULT'],
    ['detain', 'COERCE'],
    ['blacklist', 'SANCTION'],
    ['congratulate', 'SUPPORT'],
    ['urge', 'REQUEST'],
    ['pledge', 'AGREE'],
  ])('%s -> %s (British and American spellings)', (lemma, type) => {
    expect(lex.verbs.get(lemma)?.map((e) => e.type)).toContain(type);
  });

  it('reads decision verbs as "decide" control and noun entries that need an object', () => {
    expect(lex.control.get('resolve')).toBe('decide');
    const withdrawal = lex.nouns.get('withdrawal')!;
    // The entry that needs an agreement noun is tried before the plain one.
    expect(withdrawal[0]!.object?.has('accord')).toBe(true);
    expect(withdrawal[0]!.type).toBe('REJECT');
    expect(withdrawal.at(-1)!.object).toBeNull();
  });

  it('splits phrases into head and particle and indexes them by head', () => {
    const call = lex.verbs.get('call')!;
    const callOn = call.find((e) => e.particle.join(' ') === 'on');
    expect(callOn?.type).toBe('REQUEST');
    const pull = lex.verbs.get('pull')!.find((e) => e.particle.join(' ') === 'out');
    expect(pull?.type).toBe('RETREAT');
    expect(lex.verbs.get('test-fire')?.[0]?.type).toBe('MOBILIZE');
  });

  it('orders a head’s entries most specific first', () => {
    const strike = lex.verbs.get('strike')!;
    expect(strike[0]!.object?.has('deal')).toBe(true);
    expect(strike[0]!.type).toBe('AGREE');
    expect(strike[strike.length - 1]!.type).toBe('ASSAULT');
  });

  it('marks symmetric, reverse (host -> visitor) and speech verbs', () => {
    expect(lex.verbs.get('meet')![0]!.symmetric).toBe(true);
    expect(lex.verbs.get('host')!.some((e) => e.reverse)).toBe(true);
    expect(lex.verbs.get('say')![0]!.speech).toBe('say');
    expect(lex.verbs.get('tell')![0]!.speech).toBe('tell');
  });

  it('knows control verbs and cue words', () => {
    expect(lex.control.get('refuse')).toBe('reject');
    expect(lex.control.get('plan')).toBe('future');
    expect(lex.control.get('urge')).toBe('request');
    expect(lex.cues.stop.has('halt')).toBe(true);
    expect(lex.cues.led.has('led')).toBe(true);
  });

  it('keeps the words that decide what "targeted" means apart', () => {
    expect(lex.cues.sanctionContext.has('sanctions')).toBe(true);
    expect(lex.cues.forceContext.has('strikes')).toBe(true);
    for (const w of lex.cues.sanctionContext) expect(lex.cues.forceContext.has(w)).toBe(false);
  });

  it('reads a sent protest note as ACCUSE before a sent note as CONSULT', () => {
    const send = lex.verbs.get('send')!;
    const accuse = send.findIndex((e) => e.type === 'ACCUSE' && e.object?.has('protest note'));
    const consult = send.findIndex((e) => e.type === 'CONSULT' && e.object?.has('note'));
    expect(accuse).toBeGreaterThanOrEqual(0);
    expect(accuse).toBeLessThan(consult);
  });

  it('derives the target slot from the pattern', () => {
    const lx = buildLexicon({
      verbs: [
        { lemma: 'scold', type: 'ACCUSE' },
        { lemma: 'slap', type: 'SANCTION', object: ['tariffs'], prep: ['on'] },
        { lemma: 'chat', type: 'CONSULT', prep: ['with'] },
      ],
      nouns: [],
      control: {},
      cues: { stop: [], obligation: [], accusation: [], threat: [], hedge: [], led: [] },
    });
    expect(lx.verbs.get('scold')![0]!.target).toBe('object');
    expect(lx.verbs.get('slap')![0]!.target).toBe('prep');
    expect(lx.verbs.get('chat')![0]!.target).toBe('object|prep');
  });

  it('rejects entries with an unknown PLOVER type', () => {
    expect(() =>
      buildLexicon({
        verbs: [{ lemma: 'hug', type: 'EMBRACE' }],
        nouns: [],
        control: {},
        cues: { stop: [], obligation: [], accusation: [], threat: [], hedge: [], led: [] },
      }),
    ).toThrow();
  });
});
