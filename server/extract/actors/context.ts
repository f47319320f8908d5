// What the actor stage has learnt so far in one article: actors, mentions, affiliations, and the
// names, surnames and acronyms later mentions resolve against.
import type { Gazetteer, RoleTense } from '../gazetteer.ts';
import type { FoundAffiliation, Mention, MentionVia, ResolvedActor } from '../types.ts';
import { nearSpelling, normKey, slugify } from '../names.ts';

export interface PersonRole {
  of: string | null;
  role: string;
  offices: string[];
}

/** Adds `id` to the set kept under `key`. */
function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(id);
  map.set(key, set);
}

export class ActorContext {
  readonly actors = new Map<string, ResolvedActor>();
  readonly mentions: Mention[] = [];
  /** States read as locations ("in Syria"): not actors, but an attack there may target them. */
  readonly places: Mention[] = [];
  readonly affiliations: FoundAffiliation[] = [];
  /** Roles each person holds in this article (stated, or from the gazetteer on the date). */
  readonly roles = new Map<string, PersonRole[]>();
  /** Full names of persons met so far (word keys joined by spaces) -> person id. */
  readonly names = new Map<string, string>();
  /** Surname key -> person ids; more than one id means the surname alone is ambiguous. */
  readonly surnames = new Map<string, Set<string>>();
  /** First-name-position surnames ("Wang" of "Wang Yi"), used only when no other reading exists. */
  readonly leadingNames = new Map<string, Set<string>>();
  /** Acronyms defined in this article ("Syrian Democratic Forces (SDF)") -> organization id. */
  readonly acronyms = new Map<string, string>();
  /** Pattern organizations found in this article. */
  readonly patternOrgs = new Map<string, ResolvedActor>();
  /**
   * Offices named for a state with no holder found ("the Solomon Islands prime minister"): office ->
   * state, or '' when two states left the same office open. A later "Prime Minister X" takes it.
   */
  readonly openOffices = new Map<string, string>();
  /** Persons whose gazetteer roles on the date were already added to `roles`. */
  readonly noted = new Set<string>();
  /** Answers of checks that scan the whole text, by question (see textAnswer). */
  private readonly textAnswers = new Map<string, boolean>();

  constructor(
    readonly text: string,
    readonly gaz: Gazetteer,
    readonly published: string | null,
  ) {}

  /**
   * The answer to a question about the whole text (`key` names the question), computed when first
   * asked: such checks run at every mention of a name, and scanning the text each time made a long
   * article quadratic.
   */
  textAnswer(key: string, compute: () => boolean): boolean {
    let found = this.textAnswers.get(key);
    if (found === undefined) this.textAnswers.set(key, (found = compute()));
    return found;
  }

  mention(
    actor: string,
    start: number,
    end: number,
    sentence: number,
    via: MentionVia,
    attributive?: boolean,
  ): void {
    const m: Mention = { actor, start, end, sentence, via };
    if (attributive !== undefined) m.attributive = attributive;
    this.mentions.push(m);
  }

  /**
   * Drops an actor nothing names any more (no mention that is not a modifier, no affiliation,
   * no other actor's country), after a reading of its mentions was withdrawn.
   */
  forgetIfUnused(id: string): void {
    const used =
      this.mentions.some((m) => m.actor === id && !m.attributive) ||
      this.affiliations.some((a) => a.of === id || a.person === id) ||
      [...this.actors.values()].some((a) => a.country === id && a.id !== id);
    if (!used) this.actors.delete(id);
  }

  /** Makes a gazetteer entry an actor of the article. */
  addKnown(id: string): ResolvedActor | undefined {
    const existing = this.actors.get(id);
    if (existing) return existing;
    const known = this.gaz.byId(id) ?? this.patternOrgs.get(id);
    if (!known) return undefined;
    const actor: ResolvedActor = {
      id,
      name: known.name,
      kind: known.kind,
      country: known.kind === 'state' ? id : known.country,
    };
    this.actors.set(id, actor);
    if (known.kind === 'person') this.registerPersonName(id, known.name);
    return actor;
  }

  /** Finds or creates a person by name; gazetteer persons keep their id and canonical name. */
  person(name: string, knownId: string | null): string {
    if (knownId) {
      this.addKnown(knownId);
      return knownId;
    }
    const key = normKey(name).replace(/-/g, ' ');
    const id = this.names.get(key) ?? this.variantOf(key) ?? slugify(name);
    if (id !== slugify(name) && this.actors.has(id)) {
      this.names.set(key.split(/\s+/).join(' '), id);
      return id;
    }
    if (this.gaz.byId(id)?.kind === 'person') {
      this.addKnown(id);
      return id;
    }
    if (!this.actors.has(id)) {
      this.actors.set(id, { id, name, kind: 'person', country: null });
      this.registerPersonName(id, name);
    }
    return id;
  }

  /**
   * The person a spelling variant names ("Mohammed Bazoum" for "Mohamed Bazoum"): same family
   * name, a first name one or two letters apart, among this article's persons, then the gazetteer.
   */
  private variantOf(key: string): string | null {
    const parts = key.split(/\s+/).filter(Boolean);
    if (parts.length < 2) return null;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const similar = (id: string): boolean => {
      const name = this.actors.get(id)?.name ?? this.gaz.byId(id)?.name;
      const other = name ? normKey(name).split(/[\s-]+/) : [];
      return other.length >= 2 && other.at(-1) === last && nearSpelling(other[0]!, first);
    };
    const local = [...(this.surnames.get(last) ?? [])].filter(similar);
    if (local.length === 1) return local[0]!;
    const known = this.gaz.peopleWithSurname(last).filter(similar);
    return known.length === 1 ? known[0]! : null;
  }

  private registerPersonName(id: string, name: string): void {
    const parts = normKey(name)
      .split(/[\s-]+/)
      .filter(Boolean);
    this.names.set(parts.join(' '), id);
    const known = this.gaz.byId(id);
    if (known?.surname) addTo(this.surnames, normKey(known.surname), id);
    else {
      // Family names come last in most names and first in Chinese and Korean ones.
      const words = name.split(/\s+/).filter(Boolean);
      if (words.length >= 2) {
        addTo(this.surnames, normKey(words[words.length - 1]!), id);
        addTo(this.leadingNames, normKey(words[0]!), id);
      }
    }
  }

  /** A past or future role ("former", "incoming") is stated but not held now: no coreference. */
  addAffiliation(
    person: string,
    of: string,
    role: string,
    start: number,
    end: number,
    tense: RoleTense | null = null,
  ): void {
    if (tense !== 'past' && tense !== 'future') {
      const stated = this.roles.get(person) ?? [];
      stated.push({ of, role, offices: this.gaz.officesForRoleWord(role.toLowerCase()) });
      this.roles.set(person, stated);
    }
    if (
      this.affiliations.some(
        (a) => a.person === person && a.of === of && a.role.toLowerCase() === role.toLowerCase(),
      )
    ) {
      return;
    }
    this.affiliations.push({ person, of, role, start, end });
  }

  /** Records a role with no stated organization, so "the minister" can find the person later. */
  addRoleOnly(person: string, role: string): void {
    const stated = this.roles.get(person) ?? [];
    stated.push({ of: null, role, offices: this.gaz.officesForRoleWord(role.toLowerCase()) });
    this.roles.set(person, stated);
  }

  registerPatternOrg(actor: ResolvedActor): void {
    if (!this.patternOrgs.has(actor.id)) this.patternOrgs.set(actor.id, actor);
  }

  /** Notes that `state`'s holder of a role word was referred to but not found. */
  openOffice(state: string, roleWord: string): void {
    for (const office of this.gaz.officesForRoleWord(roleWord.toLowerCase())) {
      const had = this.openOffices.get(office);
      this.openOffices.set(office, had === undefined || had === state ? state : '');
    }
  }

  /** The one state whose open office a role with no state named can fill. */
  stateOfOpenOffice(roleWord: string): string | null {
    for (const office of this.gaz.officesForRoleWord(roleWord.toLowerCase())) {
      const st = this.openOffices.get(office);
      if (st) return st;
    }
    return null;
  }
}
