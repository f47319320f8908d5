// "That" before a clause's subject is a complementizer. When the tagger reads "that" as a
// determiner after a verb, noun or pronoun and the words after it are a noun phrase followed by a
// finite verb ("told the council that peace was near", "warned Ankara that troops would stay"),
// "that" opens a clause: in the training treebanks that sequence is a complementizer or relative
// pronoun 266 times and a determiner 5. It is retagged before parsing (SCONJ / IN).
const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const NOUN = new Set(['NN', 'NNS', 'NNP', 'NNPS']);
/** Words that may open the noun phrase before its noun. */
const MODIFIER = new Set(['DT', 'JJ', 'JJR', 'JJS', 'PRP$', 'CD', 'NNP', 'NNPS']);

/** Tags with such determiners read as complementizers, or null when there are none. */
export function thatAsComplementizer(
  words: readonly string[],
  upos: readonly string[],
  xpos: readonly string[],
): { upos: string[]; xpos: string[] } | null {
  let outU: string[] | null = null;
  let outX: string[] | null = null;
  const n = words.length;
  for (let i = 1; i < n - 2; i++) {
    if (xpos[i] !== 'DT' || words[i]!.toLowerCase() !== 'that') continue;
    const before = xpos[i - 1]!;
    if (!(before.startsWith('VB') || NOUN.has(before) || before === 'PRP')) continue;
    // the noun phrase: its modifiers, then its nouns; it ends on a noun ("that Moscow would")
    let j = i + 1;
    while (j < n && MODIFIER.has(xpos[j]!)) j++;
    while (j < n && NOUN.has(xpos[j]!)) j++;
    if (j === i + 1 || !NOUN.has(xpos[j - 1]!) || j >= n || !FINITE.has(xpos[j]!)) continue;
    outU ??= [...upos];
    outX ??= [...xpos];
    outU[i] = 'SCONJ';
    outX[i] = 'IN';
  }
  return outU && outX ? { upos: outU, xpos: outX } : null;
}
