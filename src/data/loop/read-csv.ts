// Loop's CSV files: Habits.csv (the 2.3.1+ header and the older one) and a habit's Checkmarks.csv
// (Date,Value,Notes with named values, or older headerless date,int rows). Pure: text in, data out;
// every unreadable row is refused with its file and line.
import { isDay } from '../../learn/time.ts';
import { csvRecords } from './csv.ts';
import { LOOP_VALUE, LoopFileError, type LoopEntry, type LoopHabit } from './model.ts';

const NEW_HEADER = [
  'Position',
  'Name',
  'Type',
  'Question',
  'Description',
  'FrequencyNumerator',
  'FrequencyDenominator',
  'Color',
  'Unit',
  'Target Type',
  'Target Value',
  'Archived?',
];
const OLD_HEADER = ['Position', 'Name', 'Question', 'Description', 'NumRepetitions', 'Interval', 'Color'];
const COLOR_RE = /^#[0-9a-fA-F]{6}$/;

function sameHeader(got: string[], want: string[]): boolean {
  return want.every((h, i) => (got[i] ?? '').trim() === h);
}

function wholeNumber(v: string, where: string, what: string): number {
  if (!/^-?\d+$/.test(v.trim()))
    throw new LoopFileError(where, `${what} must be a whole number, got ${JSON.stringify(v)}`);
  return Number(v);
}

/** True when `header` is the first row of a Loop Habits.csv, in either format. */
export function isHabitsHeader(header: string[]): boolean {
  return sameHeader(header, NEW_HEADER) || sameHeader(header, OLD_HEADER);
}

/** Reads Habits.csv; `path` names the file in messages. */
export function readHabitsCsv(text: string, path: string): LoopHabit[] {
  const rows = csvRecords(text, path);
  if (!rows.length) throw new LoopFileError(path, 'the file is empty');
  const header = rows[0].fields;
  const modern = sameHeader(header, NEW_HEADER);
  if (!modern && !sameHeader(header, OLD_HEADER))
    throw new LoopFileError(
      `${path}, line 1`,
      `not the header of Loop's Habits.csv (it starts ${JSON.stringify(header.slice(0, 3).join(','))})`,
    );
  const seen = new Set<number>();
  return rows.slice(1).map(({ line, fields: f }) => {
    const where = `${path}, line ${line}`;
    const want = modern ? NEW_HEADER.length : OLD_HEADER.length;
    if (f.length < want) throw new LoopFileError(where, `expected ${want} columns, found ${f.length}`);
    const position = wholeNumber(f[0], where, 'Position');
    if (seen.has(position)) throw new LoopFileError(where, `position ${f[0]} is used twice`);
    seen.add(position);
    const [num, den, color] = modern ? [f[5], f[6], f[7]] : [f[4], f[5], f[6]];
    const type = modern ? f[2].trim() : 'YES_NO';
    if (type !== 'YES_NO' && type !== 'NUMERICAL')
      throw new LoopFileError(where, `Type must be YES_NO or NUMERICAL, got ${JSON.stringify(f[2])}`);
    const numerical = type === 'NUMERICAL';
    const target = modern && numerical ? Number(f[10]) : 0;
    if (!Number.isFinite(target))
      throw new LoopFileError(where, `Target Value must be a number, got ${JSON.stringify(f[10])}`);
    return {
      position,
      name: f[1],
      numerical,
      freqNum: wholeNumber(num, where, 'the frequency numerator'),
      freqDen: wholeNumber(den, where, 'the frequency denominator'),
      color: COLOR_RE.test(color.trim()) ? color.trim().toLowerCase() : null,
      archived: modern && f[11].trim() === 'true',
      reminderTime: null,
      targetType: modern && f[9].trim() === 'AT_MOST' ? 'atMost' : 'atLeast',
      targetValue: target,
      unit: modern ? f[8] : '',
    };
  });
}

const NAMED: Record<string, number> = { ...LOOP_VALUE };

/** Reads one habit's Checkmarks.csv (with or without its Date,Value,Notes header). */
export function readCheckmarksCsv(text: string, path: string): LoopEntry[] {
  const rows = csvRecords(text, path);
  const body = rows.length && rows[0].fields[0].trim() === 'Date' ? rows.slice(1) : rows;
  return body.map(({ line, fields }) => {
    const where = `${path}, line ${line}`;
    const [day, raw = ''] = fields.map((x) => x.trim());
    if (!isDay(day)) throw new LoopFileError(where, `the date must be written YYYY-MM-DD, got ${JSON.stringify(day)}`);
    const value = raw in NAMED ? NAMED[raw] : /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value))
      throw new LoopFileError(
        where,
        `the value must be YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a whole number, got ${JSON.stringify(raw)}`,
      );
    return { day, value };
  });
}
