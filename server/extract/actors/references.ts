// Persons referred to without a full name: possessed names ("Estonia's Kaja Kallas"),
// counterparts and surnames (descriptions such as "the minister" and pronouns are the coreference
// stage's).
import { isPossessive } from './words.ts';
import { parseOrg } from './orgs.ts';
import { knownPersonAt, parseName, skipHonorifics, spanText } from './person-names.ts';
import {
  noteKnownRoles,
  officeHolderSurnameAt,
  resolveCounterpart,
  surnameAt,
  uniqueRecentPerson,
} from './role-references.ts';
import { roleHolder, type Scan } from './scan.ts';

/**
 * "Estonia's Kaja Kallas said", "Al Jazeera's Andrew Thomas, reporting from Seoul": a name
 * after a state's or organization's possessive, when it acts or is a holder the gazetteer knows.
 */
export function possessedPerson(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  if (!isPossessive(words[i - 1])) return null;
  const owner = ctx.mentions.at(-1);
  if (!owner || owner.sentence !== scan.index || owner.end !== words[i - 1]!.start) return null;
  const ownerActor = ctx.actors.get(owner.actor) ?? ctx.gaz.byId(owner.actor);
  if (!ownerActor || ownerActor.kind === 'person') return null;
  const nameEnd = parseName(words, i, ctx);
  if (nameEnd < 0 || parseOrg(words, i, ctx, null)) return null;
  const known = knownPersonAt(words, i, nameEnd, ctx);
  const after = words[nameEnd];
  const reporting = after?.key === ',' && words[nameEnd + 1]?.key === 'reporting';
  const acts =
    !after ||
    after.key === ',' ||
    after.pos === 'VERB' ||
    after.pos === 'AUX' ||
    ['said', 'says', 'told'].includes(after.key);
  // An unknown name is a person only where the name finder says so ("Kenya's Rights Network,").
  if (!known && (!acts || words[i]!.name?.label !== 'person')) return null;
  const id = ctx.person(spanText(ctx, words, i, nameEnd), known);
  noteKnownRoles(ctx, id);
  ctx.addKnown(ownerActor.id);
  const role = reporting
    ? 'reporter'
    : ctx.roles.get(id)?.find((r) => r.of === ownerActor.id)?.role;
  if (role) ctx.addAffiliation(id, ownerActor.id, role, owner.start, scan.end(nameEnd));
  ctx.mention(id, scan.start(i), scan.end(nameEnd), scan.index, 'name');
  return nameEnd;
}

/** "his Chinese counterpart" (optionally followed by the counterpart's name). */
export function counterpart(scan: Scan, i: number): number | null {
  const { words, ctx } = scan;
  const w = words[i]!;
  if (w.key !== 'his' && w.key !== 'her') return null;
  const m = ctx.gaz.matchAt(scan.keys, scan.surfs, i + 1);
  const state = m?.entries.find((e) => e.kind === 'state');
  if (!m || !state) return null;
  let k = m.end;
  if (isPossessive(words[k])) k++;
  if (words[k]?.key !== 'counterpart') return null;
  // The possessor is the person just named in this sentence ("Biden told his ... counterpart").
  const last = ctx.mentions.at(-1);
  const possessor =
    last && last.sentence === scan.index && ctx.actors.get(last.actor)?.kind === 'person'
      ? last.actor
      : uniqueRecentPerson(ctx, scan.index);
  const nameStart = skipHonorifics(words, k + 1);
  const nameEnd = parseName(words, nameStart, ctx);
  let person: string | null = null;
  let role = 'counterpart';
  let end = k + 1;
  if (nameEnd > 0) {
    person = ctx.person(
      spanText(ctx, words, nameStart, nameEnd),
      knownPersonAt(words, nameStart, nameEnd, ctx),
    );
    end = nameEnd;
    const r = possessor ? ctx.roles.get(possessor)?.[0] : undefined;
    if (r) role = r.role;
  } else {
    const found = resolveCounterpart(ctx, possessor, state.id);
    if (found) {
      person = found.person;
      role = found.role;
    }
  }
  if (!person) return null;
  return roleHolder(scan, person, state.id, role, { i, end, via: 'counterpart' });
}

export function surname(scan: Scan, i: number): number | null {
  let id = surnameAt(scan.ctx, scan.words, i);
  if (!id) {
    id = officeHolderSurnameAt(scan.ctx, scan.words, i);
    if (!id) return null;
    scan.ctx.addKnown(id);
    noteKnownRoles(scan.ctx, id);
  }
  scan.ctx.mention(id, scan.start(i), scan.end(i + 1), scan.index, 'surname');
  return i + 1;
}
