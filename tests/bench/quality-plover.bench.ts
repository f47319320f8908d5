// Prints event-type and country-level source/target accuracy on the PLOVER development sentences.
import { PLOVER_DEV, ploverAvailable, scorePlover } from '../quality/plover.ts';

const ratio = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');

export const title = 'Extraction quality on the PLOVER development sentences';

export function run(): void {
  if (!ploverAvailable()) {
    console.log(`PLOVER quality: development set not found at ${PLOVER_DEV}`);
    return;
  }
  const s = scorePlover();
  console.log(`PLOVER gold-standard development half: ${s.records} sentences`);
  console.log(
    `  sentences with an extracted event: ${s.withEvent} (${ratio(s.withEvent, s.records)})`,
  );
  console.log(
    `  event type, most confident event: ${ratio(s.typeTop, s.records)} of all, ${ratio(s.typeTop, s.withEvent)} of those with an event`,
  );
  console.log(`  event type, any extracted event:  ${ratio(s.typeAny, s.records)} of all`);
  console.log(
    `  source country right: ${ratio(s.sourceRight, s.sourceScored)} (${s.sourceRight}/${s.sourceScored} scored)`,
  );
  console.log(
    `  target country right: ${ratio(s.targetRight, s.targetScored)} (${s.targetRight}/${s.targetScored} scored)`,
  );
  if (process.env.VERBOSE) {
    const rows = [...s.confusion].sort((a, b) => b[1] - a[1]);
    for (const [k, n] of rows) console.log(`    ${k}: ${n}`);
  }
}
