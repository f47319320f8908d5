// Generated test articles: short English news paragraphs with known countries and verbs, made
// from a seeded generator so every run writes the same texts.
import { seededRandom } from '../../../server/model/index.ts';

const STATES = [
  'Germany',
  'France',
  'Japan',
  'India',
  'Brazil',
  'Argentina',
  'Canada',
  'Mexico',
  'Kenya',
  'Egypt',
  'Chile',
  'Peru',
  'Norway',
  'Poland',
];

const CLAUSES = [
  (a: string, b: string) => `${a} criticized ${b} over the new tariffs on steel imports.`,
  (a: string, b: string) => `${a} signed an agreement with ${b} to expand cooperation on energy.`,
  (a: string, b: string) => `${a} accused ${b} of violating the fishing treaty.`,
  (a: string, b: string) => `${a} praised ${b} for its help with the talks on trade.`,
  (a: string, b: string) =>
    `Officials from ${a} met with their counterparts from ${b} in the capital.`,
  (a: string, b: string) =>
    `${a} threatened to impose sanctions on ${b} if the border stayed closed.`,
];

export { seededRandom };

export interface TestArticle {
  text: string;
  title: string;
  published: string;
}

/** The n-th article of a seeded series; the serial number keeps every text distinct. */
export function testArticle(seed: number, n: number): TestArticle {
  const rnd = seededRandom(seed * 100_003 + n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sentences: string[] = [];
  const count = 2 + Math.floor(rnd() * 3);
  for (let i = 0; i < count; i++) {
    const a = pick(STATES);
    let b = pick(STATES);
    while (b === a) b = pick(STATES);
    sentences.push(pick(CLAUSES)(a, b));
  }
  sentences.push(`The report was filed as dispatch number ${seed}-${n} by the news desk.`);
  const day = String(1 + (n % 28)).padStart(2, '0');
  return { text: sentences.join(' '), title: `Dispatch ${seed}-${n}`, published: `2024-05-${day}` };
}
