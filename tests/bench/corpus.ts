// A deterministic corpus of political news sentences, generated from templates with a seeded PRNG,
// for the throughput benchmark.
import { seededRandom } from '../api/helpers/articles.ts';

const STATES = [
  'China',
  'the United States',
  'Russia',
  'Ukraine',
  'Japan',
  'South Korea',
  'North Korea',
  'India',
  'Pakistan',
  'Iran',
  'Israel',
  'Egypt',
  'Saudi Arabia',
  'Turkey',
  'Germany',
  'France',
  'Britain',
  'Brazil',
  'Argentina',
  'Mexico',
  'Canada',
  'Australia',
  'Indonesia',
  'South Africa',
  'Nigeria',
  'Kenya',
  'Ethiopia',
  'Vietnam',
  'the Philippines',
  'Poland',
];
const CAPITALS = [
  'Beijing',
  'Washington',
  'Moscow',
  'Kyiv',
  'Tokyo',
  'Seoul',
  'Pyongyang',
  'Tehran',
  'New Delhi',
  'Islamabad',
  'Ankara',
  'Berlin',
  'Paris',
  'Cairo',
  'Riyadh',
];
const ORGS = [
  'NATO',
  'the European Union',
  'the United Nations',
  'the UN Security Council',
  'ASEAN',
  'the African Union',
  'the IAEA',
  'the World Health Organization',
  'the G7',
  'OPEC',
];
const PEOPLE = [
  'Chinese President Xi Jinping',
  'US President Joe Biden',
  'Russian President Vladimir Putin',
  'Ukrainian President Volodymyr Zelensky',
  'Japanese Prime Minister Fumio Kishida',
  'South Korean President Yoon Suk Yeol',
  'North Korean leader Kim Jong-un',
  'Indian Prime Minister Narendra Modi',
  'French President Emmanuel Macron',
  'German Chancellor Olaf Scholz',
  'Turkish President Recep Tayyip Erdogan',
  'Brazilian President Luiz Inacio Lula da Silva',
  'Chinese Foreign Minister Wang Yi',
  'US Secretary of State Antony Blinken',
  'Russian Foreign Minister Sergei Lavrov',
  'UN Secretary-General Antonio Guterres',
  'NATO Secretary-General Jens Stoltenberg',
];
const DATES = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'last week',
  'last month',
  'in May',
  'on November 14',
  'yesterday',
  'earlier this year',
  '',
];
const TOPICS = [
  'the border dispute',
  'trade',
  'nuclear talks',
  'the ceasefire',
  'energy supplies',
  'regional security',
  'climate finance',
  'the grain deal',
  'maritime claims',
  'refugees',
];
const PLACES = [
  'at a summit in Jakarta',
  'during a visit to Nairobi',
  'on the sidelines of the G20',
  'in a phone call',
  'at the United Nations in New York',
  'in a joint statement',
  '',
];

const TEMPLATES = [
  '{P} met {Q} {place} {date} to discuss {topic}.',
  '{S} condemned {T} {date} over {topic}.',
  '{S} accused {T} of violating the agreement on {topic}.',
  '{P} urged {T} to return to negotiations on {topic}.',
  '{S} and {T} agreed {date} to expand cooperation on {topic}.',
  '{O} imposed new sanctions on {T} {date} after the missile test.',
  '{C} rejected the proposal from {T}, calling it unacceptable.',
  '{P} said {S} would not accept any interference in its internal affairs.',
  '{S} threatened to cut diplomatic ties with {T} if the attacks continued.',
  '{T} was criticised by {S} for its handling of {topic}.',
  'Troops from {S} attacked positions held by {T} near the border {date}.',
  '{O} called on {S} and {T} to exercise restraint.',
  '{P} told {Q} that {S} was ready to help with {topic}.',
  '{S} pledged $2 billion in aid to {T} {date}.',
  '{C} summoned the ambassador of {T} to protest against the remarks.',
  '{P} praised {T} for its role in brokering the deal.',
  'In a letter to {Q}, {P} expressed support for {topic}.',
  '{S} expelled two diplomats from {T}, a spokesman said.',
  '{S} denied the claims made by {T} about {topic}.',
  '{O} welcomed the decision by {S} to release the detained journalists.',
  '{P} will visit {T} next month for talks on {topic}.',
  '{S} may impose tariffs on goods from {T} if the talks fail.',
  'Officials in {C} said the country had no plans to deploy troops to {T}.',
  '{S} signed a defence pact with {T} {date}, deepening their alliance.',
  '{P} warned that {S} would respond to any provocation by {T}.',
  'Analysts said the meeting between {P} and {Q} signalled a thaw in relations.',
  '{S} offered to mediate between {T} and its neighbours.',
  'Protesters gathered outside the embassy of {T} in {C} {date}.',
  '{O} demanded that {T} allow inspectors access to the site.',
  '{S} and {T} held a round of consultations on {topic} {place}.',
  'The foreign ministry of {S} said it firmly opposed the move by {T}.',
  '{P} thanked {Q} for the invitation and called the visit a success.',
  '{S} mobilised reservists after {T} massed troops near the frontier.',
  'A spokesperson for {O} said the organisation was deeply concerned about {topic}.',
  '{S} recalled its ambassador from {T} {date} in protest.',
  '{T} agreed to withdraw its forces after pressure from {S}.',
  '{P} criticised {O} for failing to act on {topic}.',
  '{S} is expected to ask {O} for emergency funding.',
  'Markets rose after {S} and {T} announced progress on {topic}.',
  'The talks ended without agreement, according to a statement from {C}.',
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function fill(template: string, random: () => number): string {
  const s = pick(STATES, random);
  let t = pick(STATES, random);
  if (t === s) t = STATES[(STATES.indexOf(s) + 1) % STATES.length]!;
  const p = pick(PEOPLE, random);
  let q = pick(PEOPLE, random);
  if (q === p) q = PEOPLE[(PEOPLE.indexOf(p) + 1) % PEOPLE.length]!;
  const text = template
    .replaceAll('{S}', s)
    .replaceAll('{T}', t)
    .replaceAll('{P}', p)
    .replaceAll('{Q}', q)
    .replaceAll('{O}', pick(ORGS, random))
    .replaceAll('{C}', pick(CAPITALS, random))
    .replaceAll('{date}', pick(DATES, random))
    .replaceAll('{topic}', pick(TOPICS, random))
    .replaceAll('{place}', pick(PLACES, random))
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,])/g, '$1');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface BenchArticle {
  text: string;
  published: string;
  sentences: number;
}

/** Articles of 15-35 sentences in paragraphs of 1-3, totalling at least `minSentences`. */
export function generateCorpus(minSentences: number, seed = 20240501): BenchArticle[] {
  const random = seededRandom(seed);
  const articles: BenchArticle[] = [];
  let total = 0;
  while (total < minSentences) {
    const count = 15 + Math.floor(random() * 21);
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    for (let i = 0; i < count; i++) {
      paragraph.push(fill(pick(TEMPLATES, random), random));
      if (paragraph.length >= 1 + Math.floor(random() * 3)) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const year = 2016 + Math.floor(random() * 9);
    articles.push({
      text: paragraphs.join('\n\n'),
      published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sentences: count,
    });
    total += count;
  }
  return articles;
}
