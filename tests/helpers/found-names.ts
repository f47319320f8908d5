// Names the language layer finds in a text, as "label:surface" in text order.
import { languageLayer } from '../../server/nlp/index.ts';

export function foundNames(text: string): string[] {
  return languageLayer()
    .analyze(text)
    .flatMap((s) => s.names.map((n) => `${n.label}:${text.slice(n.start, n.end)}`));
}
