import { describe, expect, it } from '@jest/globals';
import { citation, regeneratedReadme, ruleIdsOf, ruleIndex } from './rule-index.js';

describe('the rules → files index of libs/domain/README.md', () => {
  it('is up to date with the code (run npm run rules:index after adding, moving or citing a rule)', () => {
    const { committed, regenerated } = regeneratedReadme();
    expect(committed).toBe(regenerated);
  });

  it('takes every R-… id of domain.md but the bare "R-" of its prose, and cites an id exactly (R-PS is not R-PS-CAP)', () => {
    expect(ruleIdsOf('R-LIFE (R-LIFE-1, R-LIFE-DATES) and R-… text; R-LIFE-1 again')).toEqual(['R-LIFE', 'R-LIFE-1', 'R-LIFE-DATES']);
    expect(['(R-PS)', 'R-PS-CAP', 'XR-PS', 'R-PS: the family'].map((text) => citation('R-PS').test(text))).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(ruleIndex(['R-NOWHERE-CITED']).split('\n')[2]).toBe('| `R-NOWHERE-CITED` | not yet (issue 13/14) | — | — |');
  });

  it('sends a family without citations of its own to its rules', () => {
    expect(ruleIndex(['R-NOWHERE', 'R-NOWHERE-1']).split('\n')[2]).toBe('| `R-NOWHERE` | see the `R-NOWHERE-…` rows | — | — |');
  });
});
