// Types shared by the extractor's stages: sentences and tokens with offsets, and actor mentions.
import type { ActorKind, DatePrecision, EventMode, PloverType, Polarity } from '../model/index.ts';

/** A token with UTF-16 offsets into the article body. */
export interface Token {
  text: string;
  /** Lower-cased lemma from the tagger. */
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADP, DET, PRON, PUNCT ... */
  pos: string;
  /** Penn Treebank tag (NNP, VBN, VBD ...). */
  xpos: string;
  start: number;
  end: number;
  /** Index of the head token within the sentence, -1 for the root. */
  head: number;
  /** UD relation to the head (nsubj, nsubj:pass, obj, obl, obl:agent, acl:relcl ...). */
  deprel: string;
}

/** A name the name finder found, over tokens [first, last] of its sentence (inclusive). */
export interface SentenceName {
  first: number;
  last: number;
  label: 'person' | 'organization' | 'place' | 'other';
  /** Offsets into the article body. */
  start: number;
  end: number;
}

/** A sentence of the body (after cleaning), with its tokens. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Names found by the language layer's name finder. */
  names: SentenceName[];
}

/** How a mention was recognized; events trust some ways more than others. */
export type MentionVia =
  | 'name'
  | 'alias'
  | 'acronym'
  | 'metonym'
  | 'demonym'
  | 'title'
  | 'surname'
  | 'role'
  | 'counterpart'
  | 'pronoun';

/** One span of the body that refers to an actor. */
export interface Mention {
  actor: string;
  start: number;
  end: number;
  sentence: number;
  via: MentionVia;
  /** For demonyms: true when the word modifies a noun ("Chinese ambassador") rather than standing alone. */
  attributive?: boolean;
  /** A state named as where something happens ("strikes in Syria"): only an attack's target. */
  place?: true;
}

/** An actor the article refers to, as the actor stage resolved it. */
export interface ResolvedActor {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
}

/** A person's stated role, with the span that states it. */
export interface FoundAffiliation {
  person: string;
  of: string;
  role: string;
  start: number;
  end: number;
}

/** What the actor stage hands to the event stage. */
export interface ActorAnalysis {
  actors: Map<string, ResolvedActor>;
  /** Every mention, sorted by start offset, never overlapping. */
  mentions: Mention[];
  affiliations: FoundAffiliation[];
  /** States named as locations after "in" ("strikes in Syria"), kept apart from `mentions`. */
  places?: Mention[];
}

/** The article as the pipeline sees it. */
export interface ArticleInput {
  text: string;
  title?: string | null;
  published?: string | null;
  source?: string | null;
  url?: string | null;
}

/** A passage of the body kept for analysis (clutter lines are left out), as offsets into the body. */
export interface Passage {
  start: number;
  end: number;
}

/** An event as the event stage found it, before ids, scores and quotes are attached. */
export interface FoundEvent {
  source: string;
  target: string;
  type: PloverType;
  /** Overrides the type's default polarity (REQUEST that demands a stop or reversal is hostile). */
  polarity?: Polarity;
  /** A PLOVER mode name from graph-data/ontology/plover.json, for the score ("visit", "aerial"). */
  ploverMode?: string;
  mode: EventMode | null;
  confidence: number;
  sentence: number;
  /** Evidence span in the body: the clause that states the event, inside the sentence. */
  start: number;
  end: number;
  date: string | null;
  datePrecision: DatePrecision | null;
}
