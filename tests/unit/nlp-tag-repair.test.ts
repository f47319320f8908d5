// The tag repairs the parser's tree calls for (server/nlp/parser/finite-verb.ts, verb-as-noun.ts,
// that-clause.ts), on hand-built trees with a stand-in parser, so each rule's conditions are
// tested apart from what a trained model happens to tag: participles standing for a sentence's
// past tenses, verbs the tree shows to be nouns, and "that" opening a clause.
import { describe, expect, it } from 'vitest';
import { participlesAsVerbs } from '../../server/nlp/parser/finite-verb.ts';
import type { TaggedParse } from '../../server/nlp/parser/index.ts';
import { thatAsComplementizer } from '../../server/nlp/parser/that-clause.ts';
import { verbsAsNouns } from '../../server/nlp/parser/verb-as-noun.ts';

/** A tree from "word/UPOS/XPOS/head/deprel" items (head as a 0-based index, -1 for the root). */
function tree(items: string): { words: string[]; tree: TaggedParse } {
  const rows = items.split(' ').map((item) => item.split('/'));
  return {
    words: rows.map((r) => r[0]!),
    tree: {
      upos: rows.map((r) => r[1]!),
      xpos: rows.map((r) => r[2]!),
      heads: rows.map((r) => Number(r[3])),
      deprels: rows.map((r) => r[4]!),
    },
  };
}

/** A stand-in parser: each verb tagged VBD gets the nominal right before it as its subject. */
function subjectsForPastTenses(base: TaggedParse, calls: string[][]) {
  return (upos: readonly string[], xpos: readonly string[]): TaggedParse => {
    calls.push([...xpos]);
    const heads = [...base.heads];
    const deprels = [...base.deprels];
    xpos.forEach((x, v) => {
      if (x !== 'VBD' || v === 0 || !/^(NOUN|PROPN|NUM)$/.test(upos[v - 1]!)) return;
      heads[v - 1] = v;
      deprels[v - 1] = 'nsubj';
    });
    return { upos: [...upos], xpos: [...xpos], heads, deprels };
  };
}

describe('participles standing for past tenses', () => {
  it('retags a root participle with a passive subject and no auxiliary', () => {
    const { words, tree: t } = tree(
      'Vietnam/PROPN/NNP/1/nsubj:pass retaliated/VERB/VBN/-1/root by/SCONJ/IN/3/mark cutting/VERB/VBG/1/advcl exports/NOUN/NNS/3/obj ././4/punct',
    );
    const calls: string[][] = [];
    const repaired = participlesAsVerbs(words, t, subjectsForPastTenses(t, calls));
    expect(repaired?.xpos[1]).toBe('VBD');
    expect(repaired?.deprels[0]).toBe('nsubj');
    expect(calls).toHaveLength(1);
  });

  it('leaves a passive with an agent alone ("Two journalists detained by Azerbaijan")', () => {
    const { words, tree: t } = tree(
      'journalists/NOUN/NNS/1/nsubj:pass detained/VERB/VBN/-1/root by/ADP/IN/3/case Azerbaijan/PROPN/NNP/1/obl:agent',
    );
    const calls: string[][] = [];
    expect(participlesAsVerbs(words, t, subjectsForPastTenses(t, calls))).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('leaves a sentence that has a finite verb alone', () => {
    const { words, tree: t } = tree(
      'Chile/PROPN/NNP/1/nsubj:pass retaliated/VERB/VBN/-1/root and/CCONJ/CC/4/cc Peru/PROPN/NNP/4/nsubj protested/VERB/VBD/1/conj',
    );
    expect(participlesAsVerbs(words, t, subjectsForPastTenses(t, []))).toBeNull();
  });

  it('retags a base form spelled only as a past tense ("Bolivia last month shook …")', () => {
    // "shook" read as VB after a time phrase: no finite verb, and the spelling is no base form.
    const { words, tree: t } = tree(
      'Bolivia/PROPN/NNP/2/compound last/ADJ/JJ/2/amod month/NOUN/NN/3/obl:unmarked shook/VERB/VB/-1/root hands/NOUN/NNS/3/obj ././3/punct',
    );
    const repaired = participlesAsVerbs(words, t, subjectsForPastTenses(t, []));
    expect(repaired?.xpos[3]).toBe('VBD');
  });

  it('leaves a base form that is also a participle or a base of its own alone ("found", "saw")', () => {
    for (const verb of ['found', 'saw']) {
      const { words, tree: t } = tree(
        `Unions/NOUN/NNS/1/nsubj ${verb}/VERB/VB/-1/root a/DET/DT/3/det party/NOUN/NN/1/obj`,
      );
      expect(participlesAsVerbs(words, t, subjectsForPastTenses(t, []))).toBeNull();
    }
  });

  it('leaves participles spelled unlike the past alone ("Protesters beaten in Lima")', () => {
    const { words, tree: t } = tree(
      'Protesters/NOUN/NNS/1/nsubj:pass beaten/VERB/VBN/-1/root in/ADP/IN/3/case Lima/PROPN/NNP/1/obl',
    );
    expect(participlesAsVerbs(words, t, subjectsForPastTenses(t, []))).toBeNull();
  });

  it('retags conjoined clause participles and a reduced relative on the root together', () => {
    // "Farmers rallied in Accra and unions protested": both read as participles.
    const { words, tree: t } = tree(
      'Farmers/NOUN/NNS/-1/root rallied/VERB/VBN/0/acl in/ADP/IN/3/case Accra/PROPN/NNP/1/obl and/CCONJ/CC/6/cc unions/NOUN/NNS/6/nsubj protested/VERB/VBN/0/conj',
    );
    const repaired = participlesAsVerbs(words, t, subjectsForPastTenses(t, []));
    expect(repaired?.xpos[1]).toBe('VBD');
    expect(repaired?.xpos[6]).toBe('VBD');
  });

  it('gives the participle tag back to a candidate that found no subject, parsing a third time', () => {
    // "Farmers rallied, angered": the second participle follows no nominal, so the stand-in
    // parser gives it no subject and it goes back to VBN.
    const { words, tree: t } = tree(
      'Farmers/NOUN/NNS/1/nsubj:pass rallied/VERB/VBN/-1/root ,/PUNCT/,/3/punct angered/VERB/VBN/1/conj',
    );
    const calls: string[][] = [];
    const repaired = participlesAsVerbs(words, t, subjectsForPastTenses(t, calls));
    expect(calls).toHaveLength(2);
    expect(repaired?.xpos[1]).toBe('VBD');
    expect(repaired?.xpos[3]).toBe('VBN');
  });

  it('retags a participle right after a nominal and before a name ("The three condemned Myanmar")', () => {
    const { words, tree: t } = tree(
      'The/DET/DT/2/det three/NUM/CD/3/nummod condemned/VERB/VBN/3/amod Myanmar/PROPN/NNP/-1/root',
    );
    const parse = (upos: readonly string[], xpos: readonly string[]): TaggedParse => ({
      upos: [...upos],
      xpos: [...xpos],
      heads: [1, 2, -1, 2],
      deprels: ['det', 'nsubj', 'root', 'obj'],
    });
    const repaired = participlesAsVerbs(words, t, parse);
    expect(repaired?.xpos[2]).toBe('VBD');
    expect(repaired?.heads[3]).toBe(2);
  });
});

describe('verbs an article shows to be nouns', () => {
  it('makes a present-tense verb with "a" before it a noun ("Nepal signed a deal")', () => {
    const { words, tree: t } = tree(
      'Nepal/PROPN/NNP/1/nsubj signed/VERB/VBD/-1/root a/DET/DT/3/det deal/VERB/VBP/1/obj',
    );
    const tags = verbsAsNouns(words, t);
    expect(tags?.xpos[3]).toBe('NN');
    expect(tags?.upos[3]).toBe('NOUN');
    expect(tags?.xpos[1]).toBe('VBD');
  });

  it('gives a plural spelling NNS, but not one ending in -ss, -us or -is', () => {
    const plural = tree('an/DET/DT/1/det talks/VERB/VBZ/-1/root');
    expect(verbsAsNouns(plural.words, plural.tree)?.xpos[1]).toBe('NNS');
    const crisis = tree('a/DET/DT/1/det crisis/VERB/VBZ/-1/root');
    expect(verbsAsNouns(crisis.words, crisis.tree)?.xpos[1]).toBe('NN');
  });

  it('leaves verbs with "the", with an article after them, or with no article alone', () => {
    const the = tree('the/DET/DT/1/det few/ADJ/JJ/2/nsubj ruin/VERB/VBP/-1/root');
    expect(verbsAsNouns(the.words, the.tree)).toBeNull();
    const after = tree('Laos/PROPN/NNP/1/nsubj signs/VERB/VBZ/-1/root a/DET/DT/1/det');
    expect(verbsAsNouns(after.words, after.tree)).toBeNull();
    const plain = tree('Laos/PROPN/NNP/1/nsubj signs/VERB/VBZ/-1/root');
    expect(verbsAsNouns(plain.words, plain.tree)).toBeNull();
  });
});

describe('present-tense verbs the tree attaches as nouns', () => {
  it('retags a verb hung as a compound or subject with nothing a clause has', () => {
    // "Lagos State University law lecturer Ngozi Eze said …", "law" read as VBP, "lecturer" VBZ
    const { words, tree: t } = tree(
      'Lagos/PROPN/NNP/2/compound State/PROPN/NNP/2/compound law/VERB/VBP/3/compound ' +
        'lecturers/VERB/VBZ/4/nsubj said/VERB/VBD/-1/root',
    );
    const tags = verbsAsNouns(words, t);
    expect(tags?.xpos.slice(2, 4)).toEqual(['NN', 'NNS']);
    expect(tags?.upos.slice(2, 4)).toEqual(['NOUN', 'NOUN']);
    expect(tags?.xpos[4]).toBe('VBD');
  });

  it('leaves a verb that has a subject, object, auxiliary or marker, and forms of be or have', () => {
    // "the claims Quito makes matter": a reduced relative clause hung as a subject
    const relative = tree(
      'the/DET/DT/1/det claims/NOUN/NNS/4/nsubj Quito/PROPN/NNP/3/nsubj makes/VERB/VBZ/1/compound ' +
        'matter/VERB/VBP/-1/root',
    );
    expect(verbsAsNouns(relative.words, relative.tree)).toBeNull();
    const copula = tree(
      'how/ADV/WRB/2/advmod polite/ADJ/JJ/3/nmod is/AUX/VBZ/3/nmod staff/NOUN/NN/-1/root',
    );
    expect(verbsAsNouns(copula.words, copula.tree)).toBeNull();
    const rootVerb = tree('Laos/PROPN/NNP/1/nsubj exports/VERB/VBZ/-1/root rice/NOUN/NN/1/obj');
    expect(verbsAsNouns(rootVerb.words, rootVerb.tree)).toBeNull();
  });

  it('retags a verb whose subject starts with a preposition', () => {
    // "Chile levied fees on $3 million worth of Peru imports", "imports" read as VBZ with
    // "on $3 million worth" as its subject
    const { words, tree: t } = tree(
      'Chile/PROPN/NNP/1/nsubj levied/VERB/VBD/-1/root fees/NOUN/NNS/1/obj on/ADP/IN/4/case ' +
        '$/SYM/$/6/compound 3/NUM/CD/4/nummod worth/NOUN/NN/9/nsubj of/ADP/IN/8/case ' +
        'Peru/PROPN/NNP/6/nmod imports/VERB/VBZ/1/ccomp',
    );
    const tags = verbsAsNouns(words, t);
    expect(tags?.xpos[9]).toBe('NNS');
    // a subject that opens with its own words is a clause's subject
    const plain = tree(
      'the/DET/DT/1/det head/NOUN/NN/4/nsubj of/ADP/IN/3/case Peru/PROPN/NNP/1/nmod ' +
        'says/VERB/VBZ/-1/root',
    );
    expect(verbsAsNouns(plain.words, plain.tree)).toBeNull();
  });
});

describe('present-tense verbs with a case word', () => {
  it('retags a verb with a preposition hung before it as its case word', () => {
    // "blamed for the river floods", "floods" read as VBZ with "river" its subject
    const { words, tree: t } = tree(
      'blamed/VERB/VBN/-1/root for/ADP/IN/4/case the/DET/DT/3/det river/NOUN/NN/4/nsubj ' +
        'floods/VERB/VBZ/0/obl',
    );
    expect(verbsAsNouns(words, t)?.xpos[4]).toBe('NNS');
    // a preposition after the verb is none of its case words
    const after = tree(
      'Laos/PROPN/NNP/1/nsubj exports/VERB/VBZ/-1/root to/ADP/IN/1/case Peru/PROPN/NNP/1/obl',
    );
    expect(verbsAsNouns(after.words, after.tree)).toBeNull();
  });
});

describe('bare base forms inside a subject', () => {
  it('makes a bare base form between a subject and its verb an adjective or noun', () => {
    // "Lena Dahl, associate law professor at Oslo University, said …"
    const { words, tree: t } = tree(
      'Lena/PROPN/NNP/9/nsubj Dahl/PROPN/NNP/0/flat ,/PUNCT/,/3/punct associate/VERB/VB/9/ccomp ' +
        'law/NOUN/NN/5/compound professor/NOUN/NN/3/obj at/ADP/IN/8/case Oslo/PROPN/NNP/8/compound ' +
        'University/PROPN/NNP/5/nmod said/VERB/VBD/-1/root',
    );
    const tags = verbsAsNouns(words, t);
    expect(tags?.xpos[3]).toBe('JJ');
    expect(tags?.upos[3]).toBe('ADJ');
  });

  it('leaves an imperative quoted before the verb, and a base form with a subject or "to"', () => {
    // "“Leave Gaza,” Omar said": no subject of "said" before the base form
    const quoted = tree(
      'leave/VERB/VB/3/ccomp Gaza/PROPN/NNP/0/obj Omar/PROPN/NNP/3/nsubj said/VERB/VBD/-1/root',
    );
    expect(verbsAsNouns(quoted.words, quoted.tree)).toBeNull();
    const withTo = tree(
      'Lima/PROPN/NNP/3/nsubj to/PART/TO/2/mark stay/VERB/VB/3/advcl agreed/VERB/VBD/-1/root',
    );
    expect(verbsAsNouns(withTo.words, withTo.tree)).toBeNull();
  });
});

describe('"that" before a clause\'s subject', () => {
  const tags = (s: string) => {
    const rows = s.split(' ').map((w) => w.split('/'));
    return {
      words: rows.map((r) => r[0]!),
      upos: rows.map((r) => r[1]!),
      xpos: rows.map((r) => r[2]!),
    };
  };

  it('reads "that" after a verb or object as a complementizer when a subject and verb follow', () => {
    const told = tags(
      'Ana/PROPN/NNP warned/VERB/VBD the/DET/DT envoys/NOUN/NNS that/DET/DT the/DET/DT ' +
        'border/NOUN/NN talks/NOUN/NNS would/AUX/MD fail/VERB/VB',
    );
    const out = thatAsComplementizer(told.words, told.upos, told.xpos);
    expect(out?.xpos[4]).toBe('IN');
    expect(out?.upos[4]).toBe('SCONJ');
    const named = tags('Oslo/PROPN/NNP said/VERB/VBD that/DET/DT Moscow/PROPN/NNP lied/VERB/VBD');
    expect(thatAsComplementizer(named.words, named.upos, named.xpos)?.xpos[2]).toBe('IN');
  });

  it('leaves a determiner that opens the sentence, or whose noun is no subject', () => {
    const initial = tags('that/DET/DT plan/NOUN/NN failed/VERB/VBD');
    expect(thatAsComplementizer(initial.words, initial.upos, initial.xpos)).toBeNull();
    const object = tags(
      'Lima/PROPN/NNP rejected/VERB/VBD that/DET/DT plan/NOUN/NN on/ADP/IN Monday/PROPN/NNP',
    );
    expect(thatAsComplementizer(object.words, object.upos, object.xpos)).toBeNull();
    const afterPreposition = tags(
      'after/ADP/IN that/DET/DT ruling/NOUN/NN came/VERB/VBD out/ADP/RP',
    );
    expect(
      thatAsComplementizer(afterPreposition.words, afterPreposition.upos, afterPreposition.xpos),
    ).toBeNull();
  });
});
