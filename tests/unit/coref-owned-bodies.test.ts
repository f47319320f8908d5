// Bodies named by their owner and a description ("the U.N.'s refugee agency", "NATO's military
// committee", "Peru's electoral body", "the country's intelligence service"): the one body of
// that owner whose category and names fit, a national body keyed by a state that has none, and
// nothing when two bodies fit or the possessor is a person; the event stage reads the new mention.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../server/extract/index.ts';
import { analyse } from './actors-helpers.ts';

function mentionsOf(text: string): string[] {
  return analyse(text, '2024-03-01').mentions;
}

function eventsOf(text: string): string[] {
  return extractArticle({ text, published: '2024-03-01' }).events.map(
    (e) => `${e.source} ${e.type} ${e.target}`,
  );
}

describe("an organization's own bodies", () => {
  it('finds the one agency whose names hold the modifier ("refugee" is the refugee agency)', () => {
    const m = mentionsOf("The U.N.'s refugee agency urged Greece to halt the pushbacks.");
    expect(m).toContain("The U.N.'s refugee agency=unhcr");
  });

  it('reads a rank word as no part of the name: the UN has one court', () => {
    const m = mentionsOf(
      "Guyana asked the United Nations' highest court to settle its border with Venezuela.",
    );
    expect(m).toContain("the United Nations' highest court=icj");
  });

  it('takes a category word for the category ("the main judicial organ")', () => {
    const m = mentionsOf("Belize took the dispute to the UN's main judicial organ.");
    expect(m.some((x) => x.endsWith('judicial organ=icj'))).toBe(true);
  });

  it('reads an "of" owner after the head as a possessor', () => {
    const m = mentionsOf('Norway protested to the refugee agency of the United Nations.');
    expect(m).toContain('the refugee agency of the United Nations=unhcr');
  });

  it('finds bodies of regional organizations by their parent', () => {
    expect(mentionsOf("NATO's military committee met in Brussels on Friday.")).toContain(
      "NATO's military committee=nato-military-committee",
    );
    expect(mentionsOf("The African Union's peace council suspended Gabon.")).toContain(
      "The African Union's peace council=au-peace-and-security-council",
    );
    expect(mentionsOf('Hamas said its armed wing fired rockets at Ashkelon.')).toContain(
      'its armed wing=qassam-brigades',
    );
  });

  it('leaves an owner with two fitting bodies unresolved', () => {
    // The UN's human rights office and its council both fit "human rights body".
    const m = mentionsOf("The UN's human rights body criticized Nicaragua on Monday.");
    expect(m.some((x) => /human rights body=/.test(x))).toBe(false);
    // Russia has two intelligence services in the gazetteer; neither is "the" one.
    const r = mentionsOf("Russia's intelligence service denied the report.");
    expect(r.some((x) => /intelligence service=/.test(x))).toBe(false);
  });

  it('needs every modifier word in the names: a word no body holds names none', () => {
    const m = mentionsOf("The UN's fisheries agency inspected the trawler.");
    expect(m.some((x) => /fisheries agency=/.test(x))).toBe(false);
  });
});

describe("a state's own bodies", () => {
  it("takes the state's body the gazetteer lists when one fits", () => {
    expect(mentionsOf("Canada's intelligence service warned of foreign interference.")).toContain(
      "Canada's intelligence service=csis-canada",
    );
    expect(mentionsOf("Pakistan's intelligence agency denied the report.")).toContain(
      "Pakistan's intelligence agency=isi",
    );
  });

  it('keys a body the gazetteer lacks by its state', () => {
    const analysis = analyse("Peru's electoral body rejected the appeal.", '2024-03-01');
    expect(analysis.mentions).toContain("Peru's electoral body=peru-electoral-body");
    const body = analysis.analysis.actors.get('peru-electoral-body');
    expect(body).toMatchObject({ kind: 'organization', country: 'peru' });
    // Another state's body of the same words is another actor.
    expect(mentionsOf("Ghana's electoral body rejected the appeal.")).toContain(
      "Ghana's electoral body=ghana-electoral-body",
    );
  });

  it('resolves "the country" first, then the body it owns', () => {
    const m = mentionsOf(
      "Colombia expelled two diplomats on Monday. The country's intelligence service said they had spied.",
    );
    expect(m).toContain("The country's intelligence service=colombia-intelligence-service");
  });

  it('reads a resolved pronoun as the owner ("its electoral commission")', () => {
    const m = mentionsOf(
      'Zambia held a general election in August. Its electoral commission certified the result.',
    );
    expect(m).toContain('Its electoral commission=zambia-electoral-commission');
  });

  it('makes no body from a rank or superlative alone', () => {
    const m = mentionsOf("Ecuador's top court ruled on the case. Chile's largest agency closed.");
    expect(m.some((x) => /court=|agency=/.test(x))).toBe(false);
  });

  it("a person's possessive is no owner", () => {
    const m = mentionsOf("Uganda criticized Museveni's electoral commission.");
    expect(m.some((x) => /electoral commission=/.test(x))).toBe(false);
  });

  it('an owned-only noun with no owner describes nothing ("the service")', () => {
    const m = mentionsOf(
      'Peruvian police raided the offices. The service said the raid was lawful.',
    );
    expect(m.some((x) => x.startsWith('The service='))).toBe(false);
  });
});

describe('the event stage reads the body', () => {
  it('as the target of a nominal act ("a ruling by the UN\'s highest court")', () => {
    const events = eventsOf("Venezuela rejected a ruling by the United Nations' highest court.");
    expect(events).toContain('venezuela REJECT icj');
    expect(events).not.toContain('venezuela REJECT united-nations');
  });

  it('as the doer', () => {
    expect(
      eventsOf("Argentina's intelligence service accused Iran of planning the bombing."),
    ).toContain('argentina-intelligence-service ACCUSE iran');
    expect(
      eventsOf("The U.N.'s refugee agency accused Lebanon of forcing Syrians to leave."),
    ).toContain('unhcr ACCUSE lebanon');
  });
});
