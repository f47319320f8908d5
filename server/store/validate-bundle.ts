// The store's edge check: a bundle must match the zod schema and refer only to its own actors.
import { z } from 'zod';
import { DocumentBundle } from '../model/index.ts';
import { StoreInputError } from './types.ts';

/** Returns the parsed bundle, or throws a StoreInputError naming the first problems found. */
export function validateBundle(input: unknown): DocumentBundle {
  const parsed = DocumentBundle.safeParse(input);
  if (!parsed.success) {
    throw new StoreInputError(`invalid document bundle:\n${z.prettifyError(parsed.error)}`);
  }
  const { extraction } = parsed.data;
  const problems: string[] = [];
  const actorIds = new Set<string>();
  for (const actor of extraction.actors) {
    if (actorIds.has(actor.id)) problems.push(`actor "${actor.id}" is listed twice`);
    actorIds.add(actor.id);
  }
  const requireActor = (id: string, where: string) => {
    if (!actorIds.has(id)) problems.push(`${where} refers to "${id}", which is not in actors`);
  };
  extraction.affiliations.forEach((a, i) => {
    requireActor(a.person, `affiliations[${i}].person`);
    requireActor(a.of, `affiliations[${i}].of`);
  });
  const eventIds = new Set<string>();
  extraction.events.forEach((e, i) => {
    if (eventIds.has(e.id)) problems.push(`event id "${e.id}" is used twice`);
    eventIds.add(e.id);
    requireActor(e.source, `events[${i}].source`);
    requireActor(e.target, `events[${i}].target`);
  });
  if (problems.length > 0) {
    throw new StoreInputError(
      `invalid extraction for document ${extraction.document.id}: ${problems.join('; ')}`,
    );
  }
  return parsed.data;
}
