import type { ApplicationContent } from '../events/application-content.js';
import type { CommitteeOrientation } from '../events/committee.events.js';
import type { OrientationCriterion } from '../events/vocabulary.js';
import { assertNever } from '../shared/result.js';

/** What the ranking knows of a file besides its content: the EPCIs where this Caf approved a project the school year before. */
export interface OrientationFacts {
  content: ApplicationContent;
  epcisCoveredLastYear: ReadonlySet<string>;
}

/** R-COMMITTEE-ORIENTATIONS: does the file meet this priority? Each criterion reads the application as filed. */
export function meetsCriterion(code: OrientationCriterion, facts: OrientationFacts): boolean {
  const { content } = facts;
  switch (code) {
    case 'EPCI_NOT_COVERED':
      return content.territory.epci !== null && !facts.epcisCoveredLastYear.has(content.territory.epci);
    case 'QPV':
      return content.territory.qpv;
    case 'RURAL':
      return content.territory.rural || content.collectifs.some((c) => c.rural);
    case 'COLLEGE':
      return content.collectifs.some((c) => c.level === 'college');
    case 'PARENT_INVOLVEMENT':
      return content.bonusRequests.parents !== null;
    case 'DISABILITY_INCLUSION':
      return content.collectifs.some((c) => c.disabilityNeeds);
    default:
      return assertNever(code, 'orientation criterion');
  }
}

/** The priorities a file meets and its score: the sum of their weights (R-COMMITTEE-ORIENTATIONS). */
export function orientationScore(
  orientations: readonly CommitteeOrientation[],
  facts: OrientationFacts,
): { met: CommitteeOrientation[]; score: number } {
  const met = orientations.filter((o) => meetsCriterion(o.code, facts));
  return { met, score: met.reduce((sum, o) => sum + o.weight, 0) };
}
