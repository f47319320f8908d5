// Which surface forms count as an actor's aliases: names and titles, never pronouns or other bare
// function words. The extractor applies it when it lists aliases, the graph when it folds aliases
// from stored extractions (which older extractor versions filled with pronouns).

/** Pronouns, determiners and other words that refer to an actor without naming it. */
const FUNCTION_WORDS = new Set(
  // personal, possessive and reflexive pronouns
  (
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves ' +
    'he him his himself she her hers herself it its itself they them their theirs themselves ' +
    // demonstrative, relative and interrogative pronouns
    'this that these those who whom whose which what ' +
    // articles, quantifiers and words that stand in for a noun
    'the a an all both each either neither another other others one ones some any none ' +
    'such same former latter here there ' +
    // connectives that can end up alone in a span, and the "s" of "it's"
    'and or nor of to in on at by for with from as s'
  ).split(' '),
);

/** An all-capital form of two letters or more is an acronym ("US", "WHO"), never a pronoun. */
function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word);
}

/**
 * True when a surface form names its actor (a name, an acronym, a title or a role phrase); false
 * for pronouns and other function words ("he", "his", "It", "the latter").
 */
export function isNameAlias(surface: string): boolean {
  const words = surface.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (words.length === 0) return false;
  return words.some((w) => isAcronym(w) || !FUNCTION_WORDS.has(w.toLowerCase()));
}
