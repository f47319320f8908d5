// The column layouts of importable event files (graph-data/ontology/import-layouts.json): which
// header names hold which field, and the CAMEO -> PLOVER table coded datasets need.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath, PloverType } from '../../model/index.ts';

export const IMPORT_LAYOUTS = ['stancegraph', 'icews', 'plover'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

export const IMPORT_FIELDS = [
  'source',
  'sourceId',
  'sourceCountry',
  'sourceKind',
  'target',
  'targetId',
  'targetCountry',
  'targetKind',
  'type',
  'cameo',
  'date',
  'quote',
  'url',
  'confidence',
  'storyId',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const LayoutFile = z.object({
  layouts: z.record(
    z.enum(IMPORT_LAYOUTS),
    z.object({
      description: z.string(),
      columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.array(z.string()).min(1)),
    }),
  ),
  cameo: z.record(z.string().regex(/^\d{2,4}$/), PloverType),
});
type LayoutFile = z.infer<typeof LayoutFile>;

let cached: LayoutFile | undefined;

function layoutFile(): LayoutFile {
  cached ??= LayoutFile.parse(
    JSON.parse(readFileSync(dataPath('ontology', 'import-layouts.json'), 'utf8')),
  );
  return cached;
}

/** Header names compare without case, spaces, underscores or hyphens ("Event Date" = "event_date"). */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** For each field the layout knows, the index of its column in this header (first match wins). */
export function mapColumns(
  layout: ImportLayout,
  header: readonly string[],
): Partial<Record<ImportField, number>> {
  const spec = layoutFile().layouts[layout];
  if (!spec) throw new Error(`import: layout "${layout}" is not in import-layouts.json`);
  const keys = header.map(headerKey);
  const out: Partial<Record<ImportField, number>> = {};
  for (const [field, names] of Object.entries(spec.columns) as [ImportField, string[]][]) {
    for (const name of names) {
      const at = keys.indexOf(headerKey(name));
      if (at >= 0) {
        out[field] = at;
        break;
      }
    }
  }
  return out;
}

export function layoutDescription(layout: ImportLayout): string {
  return layoutFile().layouts[layout]?.description ?? '';
}

/**
 * The PLOVER type of a CAMEO code: the code itself or its longest listed prefix. Codes written as
 * numbers lose their leading zero ("42" for "042"), so a code not found is tried again with one.
 */
export function cameoToPlover(code: string): PloverType | null {
  const table = layoutFile().cameo;
  const digits = code.trim();
  if (!/^\d{2,4}$/.test(digits)) return null;
  for (const c of [digits, `0${digits}`]) {
    for (let len = c.length; len >= 2; len--) {
      const hit = table[c.slice(0, len)];
      if (hit) return hit;
    }
  }
  return null;
}
