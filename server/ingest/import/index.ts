// Public face of event import: coded-event CSV/TSV files in their layouts and graphology JSON.
export {
  importEvents,
  IMPORT_EXTRACTOR,
  IMPORT_FORMATS,
  type ImportDeps,
  type ImportFormat,
  type ImportInput,
  type ImportResult,
} from './import-events.ts';
export { ImportFileError, MAX_REPORTED_ERRORS, type RowError } from './import-errors.ts';
export { IMPORT_LAYOUTS, cameoToPlover, layoutDescription, type ImportLayout } from './layouts.ts';
export { readCsv, detectDelimiter, type CsvCell, type CsvRecord } from './csv-read.ts';
