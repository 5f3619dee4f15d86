import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.writer.js';
import type { Table } from './table.js';

describe('CSV for French Excel', () => {
  const table: Table = {
    name: 't',
    asOf: { at: '2026-10-20T21:59:59.999Z', knownAt: '2026-11-22T08:00:00.000Z' },
    columns: [
      { key: 'label', header: 'libellé', format: 'text' },
      { key: 'amount', header: 'Ps €', format: 'cents' },
      { key: 'rate', header: 'taux %', format: 'decimal' },
      { key: 'ok', header: 'conforme', format: 'bool' },
      { key: 'n', header: 'n', format: 'int' },
    ],
    rows: [
      { label: 'Carcassonne; centre', amount: 275828, rate: '87.5', ok: true, n: 12 },
      { label: '=HYPERLINK("http://evil")', amount: -4, rate: null, ok: false, n: 0 },
    ],
  };

  it('BOM, then the at / knownAt the file answers, then the headers (domain.md §7)', () => {
    const lines = toCsv(table).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFat (survenu au plus tard le);2026-10-20T21:59:59.999Z;knownAt (enregistré au plus tard le);2026-11-22T08:00:00.000Z',
    );
    expect(lines[1]).toBe('libellé;Ps €;taux %;conforme;n');
  });

  it('`;` separator, decimal comma, CRLF; money from exact cents', () => {
    expect(toCsv(table).split('\r\n')[2]).toBe('"Carcassonne; centre";2758,28;87,5;oui;12');
  });

  it('neutralises formulas (CSV injection) and quotes embedded quotes', () => {
    expect(toCsv(table).split('\r\n')[3]).toBe(`"'=HYPERLINK(""http://evil"")";-0,04;;non;0`);
  });
});
