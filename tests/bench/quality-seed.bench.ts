// Prints the extractor's scores on the seed article against its reference annotation.
import { scoreSeed, seedGoldAvailable, SEED_GOLD } from '../quality/seed.ts';

const pct = (x: number) => x.toFixed(3);

export const title = 'Extraction quality on the seed article';

export function run(): void {
  if (!seedGoldAvailable()) {
    console.log(`seed quality: reference annotation not found at ${SEED_GOLD}`);
    return;
  }
  const s = scoreSeed();
  console.log(
    'Seed article (South China Morning Post, 2022-11-26) against its reference annotation',
  );
  console.log(
    `  actors     P ${pct(s.actors.precision)}  R ${pct(s.actors.recall)}  F1 ${pct(s.actors.f1)}`,
  );
  console.log(
    `  relations  P ${pct(s.relations.precision)}  R ${pct(s.relations.recall)}  F1 ${pct(s.relations.f1)}`,
  );
  console.log(`  event type right on matched relations: ${pct(s.typeAccuracy)}`);
  if (process.env.VERBOSE) {
    console.log('  missed actors:', s.actors.missed.join('; ') || '-');
    console.log('  extra actors:', s.actors.extra.join('; ') || '-');
    console.log('  missed relations:', s.relations.missed.join('; ') || '-');
    console.log('  extra relations:', s.relations.extra.join('; ') || '-');
    console.log('  type misses:', s.typeMisses.join('; ') || '-');
  }
}
