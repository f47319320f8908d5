// Shared helpers for the event-stage tests: sentences with actors marked inline
// ("[surface|actor-id|via]" or "[surface|actor-id|demonym|attr]") so they do not depend on the actor stage.
import { analysePassage } from '../../server/extract/text.ts';
import { findEvents } from '../../server/extract/events/index.ts';
import type {
  ActorAnalysis,
  FoundAffiliation,
  Mention,
  MentionVia,
  ResolvedActor,
} from '../../server/extract/types.ts';

/** Persons in these tests and the state each serves. */
export const PERSONS: Record<string, string> = {
  'ana-ruiz': 'spain',
  'li-wei': 'china',
  'tom-hale': 'united-states',
  'omar-farah': 'egypt',
  'ivan-petrov': 'russia',
  'kaito-mori': 'japan',
};
/** Organizations in these tests (besides ids ending in "-org"); the first two are news agencies. */
const ORGS = new Set(['reuters', 'xinhua', 'nato', 'un-security-council']);

export function analysed(marked: string): {
  text: string;
  analysis: ActorAnalysis;
  sentences: ReturnType<typeof analysePassage>;
} {
  let text = '';
  const raw: Omit<Mention, 'sentence'>[] = [];
  const re = /\[([^\]|]+)\|([^\]|]+)(?:\|([^\]]+))?\]/g;
  let last = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1];
    const [via, flag] = (m[3] ?? 'name').split('|');
    raw.push({
      start,
      end: text.length,
      actor: m[2]!,
      via: via as MentionVia,
      ...(flag === 'attr' ? { attributive: true } : {}),
    });
    last = re.lastIndex;
  }
  text += marked.slice(last);
  const sentences = analysePassage(text, 0, 0);
  const actors = new Map<string, ResolvedActor>();
  const affiliations: FoundAffiliation[] = [];
  const mentions: Mention[] = raw.map((r) => {
    const s = sentences.find((x) => r.start >= x.start && r.start < x.end)!;
    if (!actors.has(r.actor)) {
      const country = PERSONS[r.actor] ?? null;
      const org = r.actor.endsWith('-org') || ORGS.has(r.actor);
      // Ids ending in "-reporter" are correspondents of Reuters.
      const press = r.actor.endsWith('-reporter');
      const kind = country || press ? 'person' : org ? 'organization' : 'state';
      actors.set(r.actor, {
        id: r.actor,
        name: r.actor,
        kind,
        country: kind === 'state' ? r.actor : country,
      });
      if (country)
        affiliations.push({ person: r.actor, of: country, role: 'minister', start: 0, end: 0 });
      if (press)
        affiliations.push({
          person: r.actor,
          of: 'reuters',
          role: 'correspondent',
          start: 0,
          end: 0,
        });
    }
    return { ...r, sentence: s.index };
  });
  return { text, sentences, analysis: { actors, mentions, affiliations } };
}

export function events(marked: string, published: string | null = '2024-03-15') {
  const { text, sentences, analysis } = analysed(marked);
  return { text, found: findEvents(text, sentences, analysis, published) };
}

/** "source>target:TYPE" for each event, in text order. */
export function triples(marked: string): string[] {
  return events(marked).found.map((e) => `${e.source}>${e.target}:${e.type}`);
}
