// Word lists the tokenizer consults: abbreviations that keep their full stop, titles that never end
// a sentence, prefixes that keep their hyphen (UD English splits other hyphenated compounds into
// word + "-" + word), words UD writes as two (cannot, gonna ...) and words that typically open a
// sentence (used to decide whether an abbreviation's full stop also ends the sentence).

/** Abbreviations (case-sensitive, without the full stop) that take the following full stop. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'Mr Mrs Ms Mx Dr Prof Rev Hon Fr Sr Jr St Sen Rep Reps Gov Gen Lt Col Maj Capt Cpt Sgt Adm ' +
    'Cmdr Cdr Brig Pres Supt Insp Cpl Pvt Amb Atty Msgr Messrs Mme Mlle Mmes Esq Pte ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat ' +
    'Inc Corp Co Ltd Bros Plc Pty Assn Dept Univ Inst Intl Govt ' +
    'No Nos Vol Vols Fig Figs Ch Chap Sec Art Op Pp ' +
    'Ave Blvd Rd Mt Ft Pl Sq Hwy Ste Apt Bldg ' +
    'vs etc al approx ca c b d div cf esp est incl viz vol vols pp ed eds fig figs no nos Attn attn ' +
    'Ala Ariz Ark Calif Colo Conn Fla Ga Kan Kans Ky Md Mich Minn ' +
    'Mont Neb Nev Okla Ore Tenn Tex Va Vt Wash Wis Wisc Wyo ' +
    'e.g i.e a.m p.m a.k.a Ph.D U.S U.K U.N'
  ).split(/\s+/),
);

/** Abbreviations that stand before a name: their full stop never ends a sentence. */
export const TITLES: ReadonlySet<string> = new Set(
  (
    'Mr Mrs Ms Mx Dr Prof Rev Hon Fr St Sen Rep Reps Gov Gen Lt Col Maj Capt Cpt Sgt Adm Cmdr ' +
    'Cdr Brig Pres Supt Insp Cpl Pvt Amb Atty Msgr Messrs Mme Mlle Mmes Pte Mt Ft vs No Nos ' +
    'Vol Fig Ch Chap Sec Art Op Pp pp cf viz incl approx ca e.g i.e'
  ).split(/\s+/),
);

/** Abbreviations that only hold their stop before a number ("No. 3", "p. 7", "ext. 4410"). */
export const BEFORE_NUMBER: ReadonlySet<string> = new Set(
  'No Nos no nos Art Op p pp para Para ext Ext tel Tel'.split(' '),
);

/** Lower-cased first parts that keep their hyphen: "non-state", "co-founder", "e-mail". */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set(
  (
    'e non re anti mid co pre pro post over cross counter multi ex semi sub mini un socio psycho ' +
    'intra inter extra ultra infra micro macro mis neo'
  ).split(/\s+/),
);

/** Whole words UD English writes as two syntactic words, with the length of the first part. */
export const SPLIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['cannot', 3],
  ['gonna', 3],
  ['wanna', 3],
  ['gotta', 3],
  ['dont', 2],
  ['didnt', 3],
  ['doesnt', 4],
  ['cant', 2],
  ['wont', 2],
  ['isnt', 2],
  ['wasnt', 3],
  ['arent', 3],
  ['werent', 4],
  ['couldnt', 5],
  ['wouldnt', 5],
  ['shouldnt', 6],
  ['havent', 4],
  ['hasnt', 3],
  ['im', 1],
  ['alot', 1],
  ['outta', 3],
]);

/** Contraction suffixes after an apostrophe (lower case), split off as their own word. */
export const CLITICS: ReadonlySet<string> = new Set(['s', 're', 'll', 'd', 've', 'm']);

/** Capitalised words that usually open a sentence; after "Inc." or "U.S." they mark a new one. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'The A An He She It They We I You This That These Those There Here But And Or So Yet Then ' +
    'However Meanwhile Also Still Now Today Yesterday Tomorrow Later Earlier In On At For As If ' +
    'When While After Before Since Although Though Because Under By From With Without During ' +
    'His Her Its Their Our My Your What Why How Who Where Which One Some Many Most All Both Each ' +
    'Other Such Not No Nor Neither Instead Indeed Even Only Just Last Next Moreover Furthermore ' +
    'Thus Therefore Hence Besides Otherwise Nevertheless Nonetheless Overall Finally First Second ' +
    'Please Thanks Thank Yes Well Oh Let Is Are Was Were Do Does Did Can Could Will Would Should ' +
    'May Might Must Has Have Had Every Any Another Several Few More Despite Unlike Like Among ' +
    'Officials Police Critics Analysts Experts Residents Witnesses'
  ).split(/\s+/),
);

/** Units written straight after a number that UD splits off ("5pm" -> 5 pm, "10km" -> 10 km). */
export const UNITS: ReadonlySet<string> = new Set(
  (
    'am pm m k b bn mm cm km kg mg ft hz khz mhz ghz kb mb gb tb x mph kph lb lbs oz min mins ' +
    'hr hrs sec secs ms kw mw gw kwh mwh'
  ).split(/\s+/),
);
