// Public face of the language layer: text in, sentences of tokens out, each token with its UTF-16
// offsets, UPOS and Penn tags, lemma, dependency head and relation, and each sentence with its
// named-entity spans. Models are the ones trained by `npm run train` into graph-data/models/.
//
//   const nlp = languageLayer();            // loads the committed models once
//   for (const s of nlp.analyze(text)) ...  // AnalyzedSentence[]
import path from 'node:path';
import { tokenize } from './tokenize/index.ts';
import { Lemmatizer, loadLemmatizer } from './lemma/index.ts';
import { loadTagger, type Tagger } from './tagger/index.ts';
import { loadParser, parseTagged, type Parser } from './parser/index.ts';
import {
  DEFAULT_GAZETTEER,
  loadNameFinder,
  loadNameLexicon,
  type NameFinder,
  type NameLexicon,
} from './names/index.ts';
import type { AnalyzedSentence, AnalyzedToken, Sentence } from './types.ts';

export { tokenize } from './tokenize/index.ts';
export type {
  AnalyzedSentence,
  AnalyzedToken,
  NameLabel,
  NameSpan,
  Sentence,
  Token,
} from './types.ts';

const DATA = path.join(import.meta.dirname, '..', '..', 'graph-data');

/** Where the committed models live; the gazetteer (a name-finder feature) is DEFAULT_GAZETTEER. */
export const DEFAULT_MODELS = path.join(DATA, 'models');
export { DEFAULT_GAZETTEER };

export interface LanguageLayerOptions {
  /** Folder with tagger.bin, parser.bin, names.bin and lemmas.json. */
  models?: string;
  /** Gazetteer folder whose names the name finder uses as a feature. */
  gazetteer?: string;
}

/** Which stages to run after tagging and lemmatizing (both by default). */
export interface AnalyzeOptions {
  /** Dependency heads and relations; when false every head is -1 and every relation ''. */
  parse?: boolean;
  /** Name spans; when false `names` is empty. */
  names?: boolean;
}

/**
 * A word as the models learned it: the treebanks write the apostrophe in words ("don't", "'s",
 * "O'Brien") as ASCII, so a typographic one is read as that; a lone ’ stays a quote mark.
 */
function taggerForm(word: string): string {
  return word.length > 1 && word.includes('’') ? word.replace(/’/g, "'") : word;
}

export class LanguageLayer {
  constructor(
    private readonly tagger: Tagger,
    private readonly parser: Parser,
    private readonly lemmatizer: Lemmatizer,
    private readonly names: NameFinder,
    private readonly lexicon: NameLexicon,
  ) {}

  /**
   * Tokenizes, tags, lemmatizes, parses and finds names in `text`. Names are found over the whole
   * text at once, so a name keeps one label across its mentions. Linear in the text's length.
   */
  analyze(text: string, options: AnalyzeOptions = {}): AnalyzedSentence[] {
    const sentences = tokenize(text).map((s) => this.analyzeTokens(s, options));
    if (options.names === false) return sentences;
    const names = this.names.findNamesInDocument(
      sentences.map((s) => s.tokens),
      this.lexicon,
    );
    // the sentences are this call's own objects: their names are filled in place
    for (let i = 0; i < sentences.length; i++) sentences[i].names = names[i] ?? [];
    return sentences;
  }

  /** Analyzes one sentence the tokenizer produced (names found within the sentence alone). */
  analyzeSentence(sentence: Sentence, options: AnalyzeOptions = {}): AnalyzedSentence {
    const analyzed = this.analyzeTokens(sentence, options);
    if (options.names === false || analyzed.tokens.length === 0) return analyzed;
    return { ...analyzed, names: this.names.findNames(analyzed.tokens, this.lexicon) };
  }

  /** Tags, lemmas and (unless told not to) the tree; no names yet. */
  private analyzeTokens(sentence: Sentence, options: AnalyzeOptions): AnalyzedSentence {
    const words = sentence.tokens.map((t) => taggerForm(t.text));
    const tags = this.tagger.tag(words);
    const parsed =
      options.parse === false ? undefined : parseTagged(this.parser, words, tags.upos, tags.xpos);
    const { upos, xpos } = parsed ?? tags;
    const tokens: AnalyzedToken[] = sentence.tokens.map((t, i) => ({
      text: t.text,
      start: t.start,
      end: t.end,
      upos: upos[i]!,
      xpos: xpos[i]!,
      lemma: this.lemmatizer.lemmatize(t.text, upos[i]!, xpos[i]!),
      head: parsed ? parsed.heads[i]! : -1,
      deprel: parsed ? parsed.deprels[i]! : '',
    }));
    return { start: sentence.start, end: sentence.end, tokens, names: [] };
  }
}

/** Loads every model; throws naming the missing file when one is absent. */
export function loadLanguageLayer(options: LanguageLayerOptions = {}): LanguageLayer {
  const dir = options.models ?? DEFAULT_MODELS;
  const lexicon = loadNameLexicon(options.gazetteer ?? DEFAULT_GAZETTEER);
  return new LanguageLayer(
    loadTagger(path.join(dir, 'tagger.bin'), lexicon),
    loadParser(path.join(dir, 'parser.bin')),
    loadLemmatizer(path.join(dir, 'lemmas.json')),
    loadNameFinder(path.join(dir, 'names.bin')),
    lexicon,
  );
}

let shared: LanguageLayer | undefined;

/**
 * The committed models (or, to measure a candidate, those of the folder named by the environment
 * variable NLP_MODELS), loaded on first use and shared by every caller in the process.
 */
export function languageLayer(): LanguageLayer {
  shared ??= loadLanguageLayer({ models: process.env.NLP_MODELS || undefined });
  return shared;
}
