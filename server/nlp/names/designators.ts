// Small hand-written word lists that tell what kind of name a word usually heads or introduces, in
// several languages met in world news: organization designators ("Council", "Party", "Bank",
// "Frente", "Parti"), place designators ("River", "Province", "Island") and person titles ("Mr.",
// "President", "General"). They are features, weighed by training, not rules.

const ORGANIZATION = (
  'academy agency airline airlines airways alliance army assembly association authority bank ' +
  'bloc board brigade brigades bureau cabinet caucus centre center chamber church club coalition ' +
  'college command commission committee company conference congress corporation corp corps council ' +
  'court department directorate division embassy federation foundation forces force front fund ' +
  'group guard guards holdings inc institute institution league limited ltd ministry mission ' +
  'movement network office organisation organization parliament partners party police press ' +
  'programme program railways regiment school secretariat senate service services society ' +
  'syndicate team tribunal trust union university agencies brotherhood cartel militia ' +
  'news times post herald tribune journal gazette telegraph broadcasting television radio ' +
  'mining energy oil petroleum gas motors airlines industries group bancorp pharma telecom ' +
  // other languages: Spanish, Portuguese, French, Italian, German, Arabic (transliterated), Turkish
  'ejército ejercito frente partido movimiento fuerzas banco compañía compania sociedad ' +
  'instituto universidad consejo ministerio tribunal corte asamblea congreso policía policia ' +
  'parti mouvement armée armee banque société societe conseil ministère ministere assemblée ' +
  'partito banca società consiglio ministero bundeswehr partei bund bank ' +
  'hizb jaish harakat majlis jamaat jamiat tanzeem tehreek tahrir ittihad partisi meclis'
).split(' ');

const PLACE = (
  'river lake mountain mountains mount mt island islands isle province region district county ' +
  'city town village valley sea ocean gulf bay strait peninsula desert coast plateau plain hills ' +
  'hill street st avenue square road highway bridge airport port harbour harbor border canal ' +
  'state territory oblast krai governorate prefecture emirate kingdom republic canton ' +
  'park forest reef basin delta falls cape heights camp ' +
  'río rio lago monte sierra provincia estado ciudad ' +
  'wadi jebel jabal bahr nahr'
).split(' ');

const TITLE = (
  'mr mrs ms miss mx dr prof professor sir dame lord lady madam president vice prime minister ' +
  'premier chancellor secretary senator sen rep representative congressman congresswoman governor ' +
  'gov mayor general gen colonel col lt lieutenant captain capt sgt sergeant admiral adm major ' +
  'marshal commander king queen prince princess emperor empress pope chairman chairwoman chair ' +
  'judge justice ambassador rev reverend officer director manager ceo chief editor coach detective ' +
  'inspector sheriff deputy foreign defence defense interior finance state acting former international ' +
  'spokesman spokeswoman spokesperson leader envoy commissioner president-elect sheikh emir ' +
  'sultan ayatollah imam cardinal bishop archbishop rabbi'
).split(' ');

const ORGANIZATION_WORDS = new Set(ORGANIZATION);
const PLACE_WORDS = new Set(PLACE);
const TITLE_WORDS = new Set(TITLE);

function norm(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

/** 'org', 'place' or '' for a word that usually heads an organization or a place name. */
export function designator(word: string): 'org' | 'place' | '' {
  const w = norm(word);
  if (ORGANIZATION_WORDS.has(w)) return 'org';
  if (PLACE_WORDS.has(w)) return 'place';
  return '';
}

/**
 * A person's title or role word ("Mr.", "President", "Foreign", "Minister"), also in the plural.
 * Sheikh, emir and the like are titles here; the gold-name definition keeps them out of this list.
 */
export function isTitle(word: string): boolean {
  const w = norm(word);
  return TITLE_WORDS.has(w) || (w.endsWith('s') && TITLE_WORDS.has(w.slice(0, -1)));
}
