// Irregular English verbs (base, past, past participle; alternatives joined by "/") so that forms
// the treebanks never show ("fled", "swore", "forsaken") still get their lemma.

const VERBS = `
arise arose arisen|awake awoke awoken|bear bore borne/born|beat beat beaten|become became become
begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten
bleed bled bled|blow blew blown|break broke broken|breed bred bred|bring brought brought
broadcast broadcast broadcast|build built built|burn burnt burnt|burst burst burst|buy bought bought
cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost
creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn
dream dreamt dreamt|drink drank drunk|drive drove driven|dwell dwelt dwelt|eat ate eaten|fall fell fallen
feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|fling flung flung
fly flew flown|forbid forbade forbidden|forecast forecast forecast|foresee foresaw foreseen
forget forgot forgotten|forgive forgave forgiven|forsake forsook forsaken|freeze froze frozen
get got gotten/got|give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung
have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept
kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant leant|leap leapt leapt
learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost
make made made|mean meant meant|meet met met|mislead misled misled|mistake mistook mistaken
misunderstand misunderstood misunderstood|outdo outdid outdone|overcome overcame overcome
overdo overdid overdone|overhear overheard overheard|override overrode overridden
overrun overran overrun|oversee oversaw overseen|overtake overtook overtaken|overthrow overthrew overthrown
pay paid paid|prove proved proven|put put put|quit quit quit|read read read|rebuild rebuilt rebuilt
redo redid redone|rid rid rid|ride rode ridden|ring rang rung|rise rose risen|run ran run|saw sawed sawn
say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|sew sewed sewn
shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank/shrunk shrunk
shut shut shut|sing sang sung|sink sank sunk|sit sat sat|slay slew slain|sleep slept slept|slide slid slid
sling slung slung|slit slit slit|smell smelt smelt|speak spoke spoken|speed sped sped|spell spelt spelt
spend spent spent|spill spilt spilt|spin spun spun|spit spat spat|split split split|spoil spoilt spoilt
spread spread spread|spring sprang sprung|stand stood stood|steal stole stolen|stick stuck stuck
sting stung stung|stink stank stunk|stride strode stridden|strike struck struck/stricken|string strung strung
strive strove striven|swear swore sworn|sweep swept swept|swell swelled swollen|swim swam swum
swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought
throw threw thrown|thrust thrust thrust|tread trod trodden|undergo underwent undergone
underlie underlay underlain|understand understood understood|undertake undertook undertaken
undo undid undone|upset upset upset|uphold upheld upheld|wake woke woken|wear wore worn|weave wove woven
wed wed wed|weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld
withstand withstood withstood|wring wrung wrung|write wrote written|be was/were been|shoe shod shod
`;

/** Past and participle forms (lower case) -> base form. */
export const IRREGULAR_PAST: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const entry of VERBS.split(/[|\n]/)) {
    const [base, past, participle] = entry.trim().split(' ');
    if (!base || !past || !participle) continue;
    for (const form of [...past.split('/'), ...participle.split('/')]) {
      if (form !== base && !map.has(form)) map.set(form, base);
    }
  }
  return map;
})();

/**
 * Simple past forms that are no participle and no base form of any verb here ("froze", "spoke",
 * "wrote"; not "lay", "saw", "found", "fell"): a tagger that calls one VB or JJ still means the past.
 */
export const PAST_ONLY: ReadonlyMap<string, string> = (() => {
  const bases = new Set<string>();
  const participles = new Set<string>();
  const pasts = new Map<string, string>();
  for (const entry of VERBS.split(/[|\n]/)) {
    const [base, past, participle] = entry.trim().split(' ');
    if (!base || !past || !participle) continue;
    bases.add(base);
    for (const form of participle.split('/')) participles.add(form);
    for (const form of past.split('/')) if (!pasts.has(form)) pasts.set(form, base);
  }
  const map = new Map<string, string>();
  for (const [form, base] of pasts) {
    if (!bases.has(form) && !participles.has(form)) map.set(form, base);
  }
  return map;
})();

/** Irregular plural endings: "-men" -> "-man", and whole words. */
export const IRREGULAR_PLURAL: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['geese', 'goose'],
  ['mice', 'mouse'],
  ['lice', 'louse'],
  ['oxen', 'ox'],
  ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'],
  ['data', 'datum'],
  ['leaves', 'leaf'],
  ['lives', 'life'],
  ['wives', 'wife'],
  ['knives', 'knife'],
  ['wolves', 'wolf'],
  ['halves', 'half'],
  ['selves', 'self'],
  ['shelves', 'shelf'],
  ['thieves', 'thief'],
  ['loaves', 'loaf'],
  ['calves', 'calf'],
  ['crises', 'crisis'],
  ['analyses', 'analysis'],
  ['theses', 'thesis'],
  ['hypotheses', 'hypothesis'],
  ['diagnoses', 'diagnosis'],
  ['bases', 'basis'],
]);
