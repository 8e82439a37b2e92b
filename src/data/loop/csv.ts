// Reading CSV the way Loop's exporter (opencsv) writes it: comma-separated, a field quoted with "
// when it holds a comma, a quote ("" inside) or a line break. Each record keeps the line it starts on.
import { LoopFileError } from './model.ts';

/** One CSV record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records; throws LoopFileError naming `path` and the line of an unclosed quote. */
export function csvRecords(text: string, path: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (text[i] === '"') {
        const open = line;
        i++;
        for (;;) {
          if (i >= text.length) throw new LoopFileError(`${path}, line ${open}`, 'a quoted field is never closed');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          field += text[i++];
        }
      }
      // The rest of the field in one slice (most fields are never quoted).
      let end = i;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break; // , \n \r
        end++;
      }
      field += text.slice(i, end);
      i = end;
      fields.push(field);
      field = '';
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    // Blank lines (a trailing newline) are no records.
    if (fields.length > 1 || fields[0] !== '') out.push({ line: start, fields });
  }
  return out;
}
