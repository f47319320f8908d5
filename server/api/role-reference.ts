// The gazetteer's side of an actor's roles (its dated roles, role words and names), handed to the
// graph's actor query so the graph module never reads extractor data itself.
import { knownActor, officesForRoleWord } from '../extract/index.ts';
import type { RoleReference } from '../graph/index.ts';

export function gazetteerRoleReference(id: string): RoleReference {
  return {
    roles: knownActor(id)?.roles ?? [],
    officesFor: (title) => officesForRoleWord(title.toLowerCase()),
    nameOf: (of) => knownActor(of)?.name ?? null,
  };
}
