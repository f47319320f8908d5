// A CSV/TSV reader (RFC 4180 quoting) that keeps where each record and cell lies in the text, so an
// imported event can point at the row it came from.

export interface CsvCell {
  /** The value with quotes removed and doubled quotes undone. */
  value: string;
  /** UTF-16 span of the cell's content in the text (inside the quotes when quoted). */
  start: number;
  end: number;
  /** True when text.slice(start, end) is exactly `value` (no doubled quotes inside). */
  verbatim: boolean;
}

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  /** UTF-16 span of the whole record, without its line end. */
  start: number;
  end: number;
  cells: CsvCell[];
}

/** Tab when the first line has more tabs than commas outside quotes, else comma. */
export function detectDelimiter(text: string): ',' | '\t' {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === '\t') tabs++;
  }
  return tabs > commas ? '\t' : ',';
}

/**
 * Every record of the text; blank lines are skipped. A quote opens a quoted cell only at the start
 * of a cell; a stray quote elsewhere is kept as text (lenient, as spreadsheets write them).
 */
export function readCsv(text: string, delimiter = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const recordStart = i;
    const recordLine = line;
    const cells: CsvCell[] = [];
    for (;;) {
      if (text[i] === '"') {
        const start = i + 1;
        let j = start;
        let verbatim = true;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            value += text.slice(j);
            j = n;
            break;
          }
          value += text.slice(j, q);
          for (let k = j; k < q; k++) if (text[k] === '\n') line++;
          if (text[q + 1] === '"') {
            value += '"';
            verbatim = false;
            j = q + 2;
          } else {
            j = q;
            break;
          }
        }
        cells.push({ value, start, end: j, verbatim });
        i = j < n ? j + 1 : n;
        // Anything between the closing quote and the delimiter is kept with the value.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          cells[cells.length - 1]!.value += text[i];
          cells[cells.length - 1]!.verbatim = false;
          i++;
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        cells.push({ value: text.slice(start, i), start, end: i, verbatim: true });
      }
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    const recordEnd = i;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    const blank =
      cells.length === 1 && cells[0]!.value.trim() === '' && recordEnd === cells[0]!.end;
    if (!blank) records.push({ line: recordLine, start: recordStart, end: recordEnd, cells });
  }
  return records;
}
