// Public face of the dependency parser: load a trained model (graph-data/models/parser.bin) and
// parse tagged sentences (token strings with UPOS and XPOS) into UD trees.
//
//   const parser = loadParser('graph-data/models/parser.bin');
//   const { heads, deprels } = parser.parse(words, upos, xpos); // heads: 0-based, -1 = root
import { Parser } from './parser-model.ts';

export { Parser, type ParseResult } from './parser-model.ts';
export { parseTagged, type TaggedParse } from './parse-tagged.ts';
export { trainParser, type ParserTrainOptions, type ParserTrainSentence } from './learn-parser.ts';
export { ParseState, SHIFT, isProjective, projectivize, staticOracle } from './transitions.ts';

/** Loads a parser model from a file path. */
export function loadParser(file: string): Parser {
  return Parser.load(file);
}

/** Loads a parser model from bytes. */
export function parserFromBuffer(data: Uint8Array): Parser {
  return Parser.fromBuffer(data);
}
