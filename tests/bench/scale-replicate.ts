// The scale bench's stretch store: 10M events made from the 1M store by copying its documents (with
// their mentions, affiliations, events and change-log rows) nine more times under new document ids,
// in SQL. Filling 10M events through addDocument takes about three hours on this machine; the copy
// takes a quarter of an hour and gives the same shape: the same 20,000 actors, ten times the events
// per actor and per pair, the same dates. Cached beside the generated stores.
import { existsSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GeneratedStore } from './scale-corpus.ts';

/** A store holding `copies` times the events of `source`, built (once) by copying its rows. */
export function replicatedStore(
  source: GeneratedStore,
  copies: number,
  log: (line: string) => void = () => {},
): GeneratedStore & { copiedMs: number } {
  const events = source.events * copies;
  const file = path.join(path.dirname(source.file), `store-${events}.sqlite`);
  const metaFile = path.join(path.dirname(source.file), `store-${events}.json`);
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as GeneratedStore & {
      copiedMs: number;
    };
    // JSON keeps NaN as null: a copied store has no fill figures.
    return { ...meta, fillMs: NaN, bareMs: NaN, file, cached: true };
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, metaFile]) rmSync(f, { force: true });
  const started = performance.now();
  // The source is checkpointed first, so the copied main file holds every row.
  const src = new Database(source.file);
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();
  copyFileSync(source.file, file);
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.prepare('ATTACH DATABASE ? AS src').run(source.file);
  const columns = (table: string): string[] =>
    (db.prepare(`PRAGMA src.table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  // Every column as it is, but the document id (and the content hash, which is unique) suffixed;
  // the tables' own sequence numbers are left to the copy.
  const SEQUENCES = new Set(['ingest_seq', 'seq']);
  const copy = (table: string, renamed: Record<string, string>, where = '') => {
    const names = columns(table).filter((c) => !SEQUENCES.has(c));
    const values = names.map((c) => renamed[c] ?? c);
    return `INSERT INTO main.${table} (${names.join(', ')}) SELECT ${values.join(', ')} FROM src.${table}${where}`;
  };
  for (let k = 1; k < copies; k++) {
    const t = performance.now();
    const suffix = `'-copy${k}'`;
    db.transaction(() => {
      db.exec(
        copy('documents', { id: `id || ${suffix}`, content_hash: `content_hash || ${suffix}` }) +
          ' ORDER BY ingest_seq',
      );
      for (const table of ['document_actors', 'affiliations', 'events']) {
        db.exec(copy(table, { document: `document || ${suffix}` }));
      }
      db.exec(copy('changes', { document: `document || ${suffix}` }, " WHERE kind = 'add'"));
    })();
    log(
      `  copying ${events} events: ${k + 1} of ${copies} copies, ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
  }
  db.exec('DETACH DATABASE src');
  db.close();
  const meta = {
    file,
    events,
    documents: source.documents * copies,
    fillMs: NaN,
    bareMs: NaN,
    copiedMs: performance.now() - started,
  };
  writeFileSync(metaFile, JSON.stringify(meta));
  return { ...meta, cached: false };
}
