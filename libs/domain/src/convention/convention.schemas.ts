import { idList } from '../commands/shared.schemas.js';
import {
  cafCode,
  id,
  int,
  localDate,
  named,
  nullable,
  object,
  optional,
  partial,
  refine,
  schoolYear,
  text,
  withMeta,
} from '../schema/schema.js';

/** R-CONV-3: what may only change through a validated amendment. */
export const conventionTermsSchema = named(
  'ConventionTerms',
  object({ startDate: localDate(), collectifs: int(1, 50), children: int(1, 600), weeks: int(1, 53) }),
  {
    description: 'R-CONV-3: the terms that change only through a validated amendment',
  },
);

/** A multi-year Cof for `years` school years from `startSchoolYear` (R-CONV-1). */
export const requestConventionData = object({
  conventionId: id(),
  operatorId: id(),
  cafCode: cafCode(),
  projectIds: idList(id(), 'project id', { min: 1 }),
  startSchoolYear: schoolYear(),
  years: withMeta(int(1, 10), { description: 'R-CONV-1: at most the campaign limit (4, 5 for a centre social)' }),
  terms: conventionTermsSchema,
});

/** The Caf signs, possibly for a different period or terms than requested (checked again against R-CONV-1); each field left out keeps what was requested. */
export const signConventionData = object({
  conventionId: id(),
  startSchoolYear: optional(schoolYear()),
  years: optional(int(1, 10)),
  terms: optional(conventionTermsSchema),
});

export const refuseConventionData = object({ conventionId: id(), reason: text(4000), ruleId: optional(nullable(text(40))) });

/** R-CONV-3 (004): the yearly notification of the number of collectifs. */
export const notifyYearlyCollectifsData = object({
  conventionId: id(),
  schoolYear: schoolYear(),
  collectifs: int(1, 50),
  collectifIds: optional(idList(id(), 'collectif id')),
});

/** R-CONV-3: start date, collectifs, children or weeks change only through a validated amendment. */
export const requestConventionAmendmentData = object({
  conventionId: id(),
  amendmentId: id(),
  changes: named(
    'ConventionTermsChanges',
    refine(partial(conventionTermsSchema), (changes) =>
      Object.keys(changes).length === 0
        ? { path: '', message: 'must change at least one of start date, collectifs, children, weeks' }
        : null,
    ),
  ),
  reason: text(4000),
});

export const validateConventionAmendmentData = object({ conventionId: id(), amendmentId: id() });
export const refuseConventionAmendmentData = object({ conventionId: id(), amendmentId: id(), reason: text(4000) });
export const terminateConventionData = object({ conventionId: id(), reason: text(4000) });
