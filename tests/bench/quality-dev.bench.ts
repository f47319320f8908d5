// Prints the extractor's figures on the development articles (real news with reference
// annotations, kept outside the project in ../shared/dev-articles), scored by that folder's own
// scorer through the package's `stancegraph extract` command, with the targets beside them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/model/index.ts';

const SCORER = path.join(PROJECT_ROOT, '..', 'shared', 'dev-articles', 'score.py');

interface DevFigures {
  articles: number;
  actor_p: number;
  actor_r: number;
  actor_f1: number;
  rel_p: number;
  rel_r: number;
  rel_f1: number;
  rel_type_acc: number;
  state_rel_f1: number;
  anchored_f1: number;
}

export const title = 'Extraction quality on the development articles';

export function run(): void {
  if (!existsSync(SCORER)) {
    console.log(`development articles: skipped, scorer not found at ${SCORER}`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'stancegraph-dev-score-'));
  try {
    const out = path.join(dir, 'figures.json');
    const started = performance.now();
    const text = execFileSync('python3', [SCORER, '--json', out], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    const seconds = (performance.now() - started) / 1000;
    if (process.env.VERBOSE) console.log(text.trimEnd());
    const f = JSON.parse(readFileSync(out, 'utf8')) as DevFigures;
    const n = (x: number) => x.toFixed(3);
    console.log(`${f.articles} articles scored in ${seconds.toFixed(1)} s (VERBOSE=1 for each)`);
    console.log(
      `  actors     P ${n(f.actor_p)}  R ${n(f.actor_r)}  F1 ${n(f.actor_f1)}   (target F1 >= 0.92)`,
    );
    console.log(
      `  relations  P ${n(f.rel_p)}  R ${n(f.rel_r)}  F1 ${n(f.rel_f1)}   (target F1 >= 0.70, P >= 0.75)`,
    );
    console.log(`  event type right on found relations: ${n(f.rel_type_acc)}   (target >= 0.80)`);
    console.log(
      `  state-level relation F1 ${n(f.state_rel_f1)}; sentence-anchored F1 ${n(f.anchored_f1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
