import { dateRangeSchema } from '../commands/shared.schemas.js';
import { DECLARATION_KINDS, OPERATOR_KINDS } from '../events/vocabulary.js';
import { bool, cafCode, id, int, localDate, named, nullable, object, oneOf, optional, text, withMeta } from '../schema/schema.js';

export const registerOperatorData = object({
  operatorId: id(),
  cafCode: cafCode(),
  name: withMeta(text(300), { example: 'Association Les Petits Curieux' }),
  kind: oneOf(OPERATOR_KINDS),
  cafApproval: withMeta(optional(nullable(named('ApprovalPeriod', dateRangeSchema))), {
    description: "R-CONV-1: a centre social's approval by its Caf (agrément); required for a centre social",
  }),
});

/** R-ELIG-COORD: the coordinator is an opaque person id; the rule only needs level and experience. */
export const appointCoordinatorData = object({
  operatorId: id(),
  personId: id(),
  qualificationLevel: withMeta(int(0, 10), { description: 'years after the baccalauréat' }),
  hasRelevantExperience: bool(),
});

/** R-ELIG-OPERATOR: insurance certificate, signed laïcité charter. */
export const recordOperatorDeclarationData = object({
  operatorId: id(),
  declaration: oneOf(DECLARATION_KINDS),
  documentDate: localDate(),
  expiresOn: optional(nullable(localDate())),
  reference: optional(nullable(text(200))),
});
