import {
  bool,
  cafCode,
  cents,
  int,
  localDate,
  monthDay,
  named,
  nullable,
  object,
  omit,
  oneOf,
  optional,
  partial,
  record,
  refine,
  schoolYear,
  text,
  union,
  withMeta,
  type Infer,
  type Schema,
} from '../schema/schema.js';

/** R-INPUT for campaign parameters: a campaign carries every figure the rules use, so a bad one would skew every project of the Caf for the year. */
const rate = (description: string) =>
  withMeta(
    refine(object({ num: int(0, 1_000_000), den: int(1, 1_000_000) }), (r) =>
      r.num > r.den ? { path: '', message: 'must not exceed 100 %' } : null,
    ),
    { description },
  );

const weeklyRhythm = named('WeeklyRhythm', object({ sessionsPerWeek: int(1, 7), minMinutesPerSession: int(1, 1440) }), {
  description: 'R-ELIG-RHYTHM, R-PS-WEEK: sessions required in an ISO week, each of at least minMinutesPerSession',
});

const groupSize = refine(
  object({ min: int(1, 100), max: int(1, 100), ruralMin: int(1, 100), disabilityMin: nullable(int(1, 100)) }),
  (g) =>
    g.max < g.min
      ? { path: 'max', message: `must not be below min (${g.min})` }
      : g.ruralMin > g.max
        ? { path: 'ruralMin', message: `must not exceed max (${g.max})` }
        : g.disabilityMin !== null && g.disabilityMin > g.max
          ? { path: 'disabilityMin', message: `must not exceed max (${g.max})` }
          : null,
);

/** Everything an amendment may replace (a nested object is replaced as a whole). */
const replaceable = {
  deadlines: withMeta(object({ newApplication: localDate(), renewal: localDate() }), {
    description: 'R-LIFE-1 / R-LIFE-DATES: last receivable days (inclusive, Europe/Paris)',
    example: { newApplication: '2026-08-05', renewal: '2026-06-28' },
  }),
  priceCapPerCollectif: withMeta(cents(), { description: 'R-PS-CAP, integer cents', example: 865_200 }),
  psRate: rate('R-PS-RATE, exact fraction (32.5 % = 325/1000)'),
  bonusEnfants: withMeta(cents(), { description: 'R-PS-BONUS per collectif, integer cents', example: 33_500 }),
  bonusParents: withMeta(cents(), { description: 'R-PS-BONUS per collectif, integer cents', example: 33_500 }),
  maxCafShare: rate('R-ELIG-COFUNDING / R-PS-80: max Caf share of the total operating cost (80/100)'),
  rhythm: object({
    normal: weeklyRhythm,
    rural: withMeta(nullable(weeklyRhythm), {
      description: 'Rural alternative (1 × 120 consecutive min), or null when the campaign has none',
    }),
    minWeeks: withMeta(int(1, 53), { description: 'Minimum weeks of activity in the school year (27 nationally, 28 in Landes 2025-2026)' }),
  }),
  groupSize: withMeta(groupSize, {
    description: 'R-ELIG-COLLECTIVE; disabilityMin: Aude min 5 with a child needing reinforced attention, null = no such exception',
  }),
  staff: withMeta(object({ perCollectif: int(1, 20), ruralSmallGroup: int(1, 20) }), { description: 'R-ELIG-STAFF' }),
  coordinatorMinLevel: withMeta(int(0, 10), { description: 'R-ELIG-COORD: years after the baccalauréat (Bac+2 → 2)' }),
  options: object({
    noSport: withMeta(bool(), { description: 'R-ELIG-NO-SPORT' }),
    trainingRequiredForNewStaff: withMeta(bool(), { description: 'R-ELIG-TRAINING' }),
    renewalNeedsPriorBilan: withMeta(bool(), { description: 'R-LIFE-2' }),
    symbolicFamilyFeeCeiling: withMeta(nullable(cents()), { description: 'R-ELIG-CHARTER: cents per child and year, or null' }),
  }),
  conventions: withMeta(object({ maxYears: int(1, 10), centreSocialMaxYears: int(1, 10), minPriorApprovedYears: int(0, 20) }), {
    description: 'R-CONV-1 / R-CONV-SUPPORT',
  }),
  recommendedPeriod: withMeta(object({ fromMonthDay: monthDay(), toMonthDay: monthDay() }), {
    description: 'R-LIFE-5 (a warning): recommended running period, as month-day bounds',
  }),
  bilanDueDates: withMeta(
    optional(
      named(
        'BilanDueDates',
        object({ qualitative: nullable(localDate()), quantitative: nullable(localDate()), financial: nullable(localDate()) }),
      ),
    ),
    {
      description:
        'R-BILAN-DUE: last day each bilan part may be received (inclusive, Europe/Paris); null = no due date for that part. Left out at opening = none',
      example: { qualitative: '2026-06-30', quantitative: '2026-09-30', financial: '2026-09-30' },
    },
  ),
  sources: withMeta(record(text(4000)), {
    description: 'Field path → "seed file § passage" (R-PS-EXPLAIN: parameters cite their source)',
    example: { priceCapPerCollectif: '004 — « prix plafond de 8 652 € »' },
  }),
};

/**
 * Everything that differs between departments or years is a campaign parameter, never a
 * constant in code (domain.md, intro). A campaign is opened with a full set; amendments replace fields.
 */
export const campaignParametersSchema = named(
  'CampaignParameters',
  object({ cafCode: cafCode(), schoolYear: schoolYear(), ...replaceable }),
);
export type CampaignParametersInput = Infer<typeof campaignParametersSchema>;

/** Any subset of the replaceable fields, but at least one (identity fields never change). */
export const campaignPatchSchema: Schema<Partial<Omit<CampaignParametersInput, 'cafCode' | 'schoolYear'>>> = named(
  'CampaignParametersPatch',
  refine(partial(omit(campaignParametersSchema, ['cafCode', 'schoolYear'])), (patch) =>
    Object.keys(patch).length === 0 ? { path: '', message: 'must change at least one parameter' } : null,
  ),
);

export const openCampaignData = object({ parameters: campaignParametersSchema });
export const amendCampaignParametersData = object({
  cafCode: cafCode(),
  schoolYear: schoolYear(),
  patch: campaignPatchSchema,
  reason: withMeta(text(2000), { example: 'Prix plafond 2026-2027 publié par la CNAF' }),
});

/** R-BUDGET-ENVELOPE: the Caf's Clas credits for the school year, integer cents (a negative amount is malformed: 400). */
const envelopeAmount = withMeta(cents(), {
  description: 'R-BUDGET-ENVELOPE: credits available for Clas this school year, integer cents',
  example: 28_000_000,
});

export const setBudgetEnvelopeData = object({ cafCode: cafCode(), schoolYear: schoolYear(), amount: envelopeAmount });

const MAX_DELTA = Number.MAX_SAFE_INTEGER;
/** A new amount, or a signed change of the amount in force (a supplementary allocation, a cut). */
const envelopeChange = union('kind', {
  amount: named('EnvelopeNewAmount', object({ kind: oneOf(['amount'] as const), amount: envelopeAmount })),
  delta: named(
    'EnvelopeDelta',
    object({
      kind: oneOf(['delta'] as const),
      delta: withMeta(
        refine(int(-MAX_DELTA, MAX_DELTA), (v) => (v === 0 ? { path: '', message: 'must not be 0' } : null)),
        { description: 'Signed change in integer cents (+ supplementary allocation, − cut)', example: 1_500_000 },
      ),
    }),
  ),
});

export const amendBudgetEnvelopeData = object({
  cafCode: cafCode(),
  schoolYear: schoolYear(),
  change: envelopeChange,
  reason: withMeta(text(2000), { example: 'Dotation complémentaire votée par le conseil d’administration' }),
});
