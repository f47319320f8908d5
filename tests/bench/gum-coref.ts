// Reads GUM's coreference annotation for the coreference bench: each document's text rebuilt from
// its tokens (with offsets), its entity mentions (type, chain, token span as text offsets), and the
// third-person pronouns that refer back to a person or organization mentioned before them.
import { readFileSync } from 'node:fs';

export interface GumMention {
  entity: string;
  type: string;
  start: number;
  end: number;
}

export interface GumPronoun {
  start: number;
  end: number;
  entity: string;
  type: string;
}

export interface GumDocument {
  id: string;
  text: string;
  mentions: GumMention[];
  /** Anaphoric third-person pronouns whose entity is a person or an organization. */
  pronouns: GumPronoun[];
}

const THIRD_PERSON = new Set(
  'he him his himself she her hers herself it its itself they them their theirs themselves'.split(
    ' ',
  ),
);

/** One open entity bracket: "(12-person-giv:act-..." (closed on the same token when it ends in ")"). */
const BRACKET = /\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g;

/** The documents of a CoNLL-U file whose ids match `keep` (GUM's newdoc ids). */
export function readGumDocuments(file: string, keep: (id: string) => boolean): GumDocument[] {
  const docs: GumDocument[] = [];
  let doc: GumDocument | null = null;
  let open: { entity: string; type: string; start: number }[] = [];
  let pieces: string[] = [];
  let offset = 0;
  let sentenceTokens: { form: string; space: boolean; misc: string; upos: string }[] = [];
  let paragraphBreak = false;

  const append = (s: string): void => {
    pieces.push(s);
    offset += s.length;
  };
  const finishDoc = (): void => {
    if (doc) {
      doc.text = pieces.join('');
      docs.push(doc);
    }
  };
  const flushSentence = (): void => {
    if (!doc || sentenceTokens.length === 0) {
      sentenceTokens = [];
      return;
    }
    if (offset > 0) append(paragraphBreak ? '\n\n' : ' ');
    paragraphBreak = false;
    for (const t of sentenceTokens) {
      const start = offset;
      append(t.form);
      const end = offset;
      const entity = /(?:^|\|)Entity=([^|]*)/.exec(t.misc)?.[1] ?? '';
      for (const m of entity.matchAll(BRACKET)) {
        if (m[1]) {
          if (m[3]) doc.mentions.push({ entity: m[1], type: m[2]!, start, end });
          else open.push({ entity: m[1], type: m[2]!, start });
        } else if (m[4]) {
          for (let k = open.length - 1; k >= 0; k--) {
            if (open[k]!.entity === m[4]) {
              const o = open.splice(k, 1)[0]!;
              doc.mentions.push({ entity: o.entity, type: o.type, start: o.start, end });
              break;
            }
          }
        }
      }
      if (t.space) append(' ');
    }
    sentenceTokens = [];
  };

  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id')) {
      flushSentence();
      finishDoc();
      const id = line.split('=')[1]!.trim();
      doc = keep(id) ? { id, text: '', mentions: [], pronouns: [] } : null;
      pieces = [];
      offset = 0;
      open = [];
      continue;
    }
    if (line.startsWith('# newpar')) paragraphBreak = true;
    if (line.startsWith('#')) continue;
    if (line.trim() === '') {
      flushSentence();
      continue;
    }
    const cols = line.split('\t');
    if (cols[0]!.includes('.')) continue;
    if (cols[0]!.includes('-')) continue;
    const misc = cols[9] ?? '_';
    sentenceTokens.push({
      form: cols[1]!,
      upos: cols[3]!,
      space: !/SpaceAfter=No/.test(misc),
      misc,
    });
  }
  flushSentence();
  finishDoc();

  for (const d of docs) {
    d.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    const seen = new Set<string>();
    for (const m of d.mentions) {
      const form = d.text.slice(m.start, m.end).toLowerCase();
      if (
        seen.has(m.entity) &&
        THIRD_PERSON.has(form) &&
        (m.type === 'person' || m.type === 'organization')
      ) {
        d.pronouns.push({ start: m.start, end: m.end, entity: m.entity, type: m.type });
      }
      seen.add(m.entity);
    }
  }
  return docs;
}

/**
 * The entity a span names by GUM's annotation: that of the smallest gold mention holding the
 * span's last character, or null when no mention holds it.
 */
export function gumEntityAt(doc: GumDocument, start: number, end: number): string | null {
  let best: GumMention | null = null;
  for (const m of doc.mentions) {
    if (m.start <= start && end <= m.end) {
      if (!best || m.end - m.start < best.end - best.start) best = m;
    }
  }
  if (best) return best.entity;
  for (const m of doc.mentions) {
    if (m.start < end && end <= m.end && (!best || m.end - m.start < best.end - best.start)) {
      best = m;
    }
  }
  return best ? best.entity : null;
}
