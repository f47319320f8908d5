// Importing coded events: a CSV/TSV file (in one of the layouts) or a graphology JSON graph becomes
// one stored document (the file, named by its file name) whose events carry their origin (file,
// line, row) in place of a sentence. Every row is validated; bad rows are reported by line and
// skipped, good rows are kept. Names resolve through the extractor's gazetteer; unknown actors are
// created under a slug of their name.
import {
  isGenericBodyName,
  resolveActorName,
  resolveCountry,
  slugify,
  type ResolvedName,
} from '../../extract/index.ts';
import {
  documentId,
  ploverInfo,
  EXTRACTION_SCHEMA,
  type ActorKind,
  type EventOrigin,
  type ExtractedActor,
  type ExtractedEvent,
  type Extraction,
} from '../../model/index.ts';
import type { StanceGraph } from '../../graph/index.ts';
import type { Store } from '../../store/index.ts';
import { readCsv, type CsvCell, type CsvRecord } from './csv-read.ts';
import { graphJsonToCsv } from './graph-json.ts';
import { IMPORT_FIELDS, mapColumns, type ImportField, type ImportLayout } from './layouts.ts';
import { ImportFileError, MAX_REPORTED_ERRORS, type RowError } from './import-errors.ts';
import { ImportRow, rowProblem } from './import-row.ts';

export const IMPORT_EXTRACTOR = 'stancegraph-import@1';
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportInput {
  /** Shown as the document title and in every event's origin. */
  fileName: string;
  text: string;
  format: ImportFormat;
  /** Column layout of a CSV file (default stancegraph); JSON always reads as stancegraph. */
  layout?: ImportLayout;
}

export interface ImportResult {
  /** The stored document, null when no row was valid. */
  document: string | null;
  /** False when the same file was imported before (nothing new is stored). */
  created: boolean;
  rows: number;
  imported: number;
  /** Actors the gazetteer did not know, created under slugs of their names. */
  newActors: string[];
  errors: RowError[];
}

export interface ImportDeps {
  store: Store;
  graph?: StanceGraph;
}

type Fields = Partial<Record<ImportField, CsvCell>>;

interface ActorSlot {
  actor: ExtractedActor;
  known: boolean;
}

function fieldsOf(record: CsvRecord, columns: Partial<Record<ImportField, number>>): Fields {
  const out: Fields = {};
  for (const f of IMPORT_FIELDS) {
    const at = columns[f];
    if (at !== undefined && record.cells[at]) out[f] = record.cells[at];
  }
  return out;
}

/**
 * The slug of an actor the gazetteer does not know; a generic body ("Defence Ministry") is
 * qualified by its country ("ukraine-defence-ministry") so two countries' bodies stay apart.
 */
function unknownActorId(name: string, country: string | undefined): string {
  const state = resolveCountry(country);
  return slugify(state && isGenericBodyName(name) ? `${state} ${name}` : name);
}

function datePrecision(date: string): ExtractedEvent['datePrecision'] {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** Turns the rows of one file into an extraction; rows that fail validation become errors. */
function buildExtraction(
  input: { fileName: string; text: string; layout: ImportLayout },
  records: CsvRecord[],
  errors: RowError[],
  rowNumber: (index: number) => number,
  storedActor: (id: string) => ResolvedName | null,
): { extraction: Extraction; newActors: string[] } {
  const { text } = input;
  const [header, ...data] = records;
  const columns = mapColumns(
    input.layout,
    header!.cells.map((c) => c.value),
  );
  const missing = (['source', 'target', 'date'] as const).filter((f) => columns[f] === undefined);
  if (columns.type === undefined && columns.cameo === undefined) missing.push('type' as never);
  if (missing.length > 0) {
    throw new ImportFileError(
      `the header has no column for ${missing.join(', ')} (layout ${input.layout}; found: ${header!.cells
        .map((c) => c.value)
        .join(', ')
        .slice(0, 300)})`,
    );
  }
  const id = documentId(input.text);
  // Coded files repeat a few hundred names over many rows: resolve each (name, country) once.
  const resolutions = new Map<string, ResolvedName | null>();
  const resolveOnce = (name: string, country: string | undefined) => {
    const key = `${name}\u0000${country ?? ''}`;
    if (!resolutions.has(key)) resolutions.set(key, resolveActorName(name, country));
    return resolutions.get(key)!;
  };
  const actors = new Map<string, ActorSlot>();
  const events: ExtractedEvent[] = [];
  const actorFor = (
    name: CsvCell,
    explicitId: string | undefined,
    country: string | undefined,
    kind: ActorKind | undefined,
  ): string => {
    const resolved = explicitId ? null : resolveOnce(name.value, country);
    const actorId = explicitId ?? resolved?.id ?? unknownActorId(name.value, country);
    let slot = actors.get(actorId);
    if (!slot) {
      const fallbackKind: ActorKind = kind ?? 'organization';
      const fromId = explicitId ? resolveActorName(explicitId) : null;
      // The gazetteer first, then an actor already stored under the id (from an article or an
      // earlier import); only an actor neither knows is new.
      const known =
        resolved ?? (fromId?.id === explicitId ? fromId : null) ?? storedActor(actorId) ?? null;
      slot = {
        known: known !== null,
        actor: {
          id: actorId,
          name: known?.name ?? name.value.trim(),
          kind: known?.kind ?? fallbackKind,
          country: known ? known.country : resolveCountry(country),
          aliases: [],
          mentions: [],
        },
      };
      actors.set(actorId, slot);
    }
    const surface = name.value.trim();
    if (!slot.actor.aliases.includes(surface)) slot.actor.aliases.push(surface);
    if (name.verbatim) slot.actor.mentions.push({ start: name.start, end: name.end });
    return actorId;
  };
  data.forEach((record, index) => {
    const row = rowNumber(index);
    const cells = fieldsOf(record, columns);
    const raw = Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]));
    const parsed = ImportRow.safeParse(raw);
    if (!parsed.success) {
      if (errors.length < MAX_REPORTED_ERRORS) {
        errors.push({ line: record.line, row, message: rowProblem(parsed.error) });
      }
      return;
    }
    const r = parsed.data;
    const source = actorFor(cells.source!, r.sourceId, r.sourceCountry, r.sourceKind);
    const target = actorFor(cells.target!, r.targetId, r.targetCountry, r.targetKind);
    const info = ploverInfo(r.type);
    // The evidence is the quote cell when there is one, else the whole row: a span of the stored
    // file either way. The quote is the cell's value, which is the span's text unless the cell
    // holds CSV-doubled quotes ("" for "), where it is the text with them undone.
    const q = cells.quote;
    const evidence =
      q && r.quote
        ? { start: q.start, end: q.end, quote: q.verbatim ? text.slice(q.start, q.end) : q.value }
        : { start: record.start, end: record.end, quote: text.slice(record.start, record.end) };
    const origin: EventOrigin = {
      file: input.fileName,
      line: record.line,
      row,
      layout: input.layout,
      storyId: r.storyId ?? null,
      url: r.url ?? null,
    };
    events.push({
      id: `${id.slice(0, 8)}-r${row}`,
      source,
      target,
      type: r.type,
      quad: info.quad,
      polarity: info.polarity,
      score: info.score,
      mode: null,
      date: r.date,
      datePrecision: datePrecision(r.date),
      confidence: r.confidence ?? 1,
      evidence: { sentence: record.line - 1, ...evidence },
      origin,
    });
  });
  const extraction: Extraction = {
    schema: EXTRACTION_SCHEMA,
    extractor: IMPORT_EXTRACTOR,
    document: {
      id,
      title: input.fileName,
      published: null,
      source: `import (${input.layout})`,
      url: null,
    },
    actors: [...actors.values()].map((s) => ({ ...s.actor, aliases: [...s.actor.aliases].sort() })),
    affiliations: [],
    events,
  };
  const newActors = [...actors.values()].filter((s) => !s.known).map((s) => s.actor.id);
  return { extraction, newActors: newActors.sort() };
}

/**
 * Imports one file into the store (and the graph): one document per file, deduplicated by its
 * text like articles. Throws ImportFileError when the file as a whole cannot be read.
 */
export async function importEvents(deps: ImportDeps, input: ImportInput): Promise<ImportResult> {
  let text = input.text;
  let layout: ImportLayout = input.layout ?? 'stancegraph';
  const errors: RowError[] = [];
  let rowNumber = (index: number) => index + 1;
  let jsonEdges: number | null = null;
  if (input.format === 'json') {
    const converted = graphJsonToCsv(text);
    text = converted.text;
    layout = 'stancegraph';
    errors.push(...converted.errors);
    rowNumber = (index) => converted.rows[index]!;
    jsonEdges = converted.edges;
  }
  const records = readCsv(text);
  if (records.length === 0) throw new ImportFileError('the file is empty');
  // The store answers asynchronously and the build is synchronous: a dry run names the actors the
  // rows refer to, they are read from the store, and the real run looks them up in that map.
  const asked = new Set<string>();
  buildExtraction({ fileName: input.fileName, text, layout }, records, [], rowNumber, (actorId) => {
    asked.add(actorId);
    return null;
  });
  const known = new Map<string, Awaited<ReturnType<Store['getActor']>>>();
  for (const actorId of asked) known.set(actorId, await deps.store.getActor(actorId));
  const { extraction, newActors } = buildExtraction(
    { fileName: input.fileName, text, layout },
    records,
    errors,
    rowNumber,
    (actorId) => {
      const a = known.get(actorId);
      return a ? { id: a.id, name: a.name, kind: a.kind, country: a.country } : null;
    },
  );
  const rows = jsonEdges ?? records.length - 1;
  const base = { rows, imported: extraction.events.length, newActors, errors };
  if (extraction.events.length === 0) return { document: null, created: false, ...base };
  const { id, created } = await deps.store.addDocument({ text, extraction });
  if (created) deps.graph?.addDocument(extraction);
  return {
    document: id,
    created,
    ...base,
    imported: created ? extraction.events.length : 0,
    newActors: created ? newActors : [],
  };
}
