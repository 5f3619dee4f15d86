import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.writer.js';
import type { Table } from './table.js';

describe('CSV for French Excel', () => {
  const table: Table = {
    name: 't',
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

  it('BOM, `;` separator, decimal comma, CRLF; money from exact cents', () => {
    const lines = toCsv(table).split('\r\n');
    expect(lines[0]).toBe('\uFEFFlibellé;Ps €;taux %;conforme;n');
    expect(lines[1]).toBe('"Carcassonne; centre";2758,28;87,5;oui;12');
  });

  it('neutralises formulas (CSV injection) and quotes embedded quotes', () => {
    expect(toCsv(table).split('\r\n')[2]).toBe(`"'=HYPERLINK(""http://evil"")";-0,04;;non;0`);
  });
});
