// Loop's CSV as opencsv writes it: quoted fields with commas, quotes and line breaks, CRLF, a BOM,
// and each record's line number (a record with a line break inside starts where its first line is).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../../src/data/loop/csv.ts';

describe('csvRecords', () => {
  it('reads quoted fields and keeps the line each record starts on', () => {
    const text = '\uFEFFPosition,Name\r\n001,"Gym, weights"\n002,"Say ""hi""\nto Mum"\n\n003,Plain\n';
    expect(csvRecords(text, 'Habits.csv')).toEqual([
      { line: 1, fields: ['Position', 'Name'] },
      { line: 2, fields: ['001', 'Gym, weights'] },
      { line: 3, fields: ['002', 'Say "hi"\nto Mum'] },
      { line: 6, fields: ['003', 'Plain'] },
    ]);
  });
  it('names the file and line of a quote never closed', () => {
    expect(() => csvRecords('a,b\n1,"open\n2,3\n', 'x.csv')).toThrow('x.csv, line 2: a quoted field is never closed');
  });
  it('reads back any table written the way opencsv writes it', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const text = rows.map((r) => `${r.map(quote).join(',')}\n`).join('');
        expect(csvRecords(text, 't.csv').map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});
