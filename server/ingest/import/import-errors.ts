// What an import reports: a problem with one row (by line and row number), or with the whole file.

export interface RowError {
  /** 1-based line of the file (for JSON: of its stored CSV rendering), null for a JSON edge. */
  line: number | null;
  /** 1-based data row (for JSON: the edge's position in `edges`). */
  row: number | null;
  message: string;
}

/** Errors listed at most; `rows` - `imported` still counts every row that failed. */
export const MAX_REPORTED_ERRORS = 1000;

/** The file as a whole cannot be imported: not JSON, no header, a required column missing. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(`import: ${message}`);
    this.name = 'ImportFileError';
  }
}
