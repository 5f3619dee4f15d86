import { describe, expect, it } from '@jest/globals';
import { cafName, isKnownCafCode, KNOWN_CAF_CODES } from './known-caf-codes.js';

describe('the Cafs, one per département', () => {
  it('knows the 101 départements plus Saint-Pierre-et-Miquelon: 01–95 but 20, 2A, 2B, 971–976', () => {
    expect(KNOWN_CAF_CODES.size).toBe(102);
    expect(['01', '19', '2A', '2B', '21', '95', '971', '976'].every(isKnownCafCode)).toBe(true);
    expect(['20', '00', '96', '99', '977', '1'].some(isKnownCafCode)).toBe(false);
  });

  it('names each Caf as its letters and dashboards do, and a code of the right shape it does not know by its code', () => {
    expect([cafName('11'), cafName('40'), cafName('2A'), cafName('974'), cafName('28')]).toEqual([
      "Caf de l'Aude",
      'Caf des Landes',
      'Caf de la Corse-du-Sud',
      'Caf de La Réunion',
      "Caf d'Eure-et-Loir",
    ]);
    expect(cafName('99')).toBe('Caf 99');
  });
});
