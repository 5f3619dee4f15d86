import type { CampaignParameters } from './campaign-parameters.js';
import {
  type Problem,
  checkBoolean,
  checkCafCode,
  checkCents,
  checkDate,
  checkInt,
  checkObject,
  checkSchoolYear,
  invalid,
} from '../commands/input-validation.js';

/**
 * R-INPUT for campaign parameters: a campaign carries every figure the rules use, so a bad
 * figure here would silently skew every project of the Caf for the year.
 */
type FieldCheck = (value: unknown, path: string) => Problem;
type Obj = Record<string, unknown>;

function checkRate(value: unknown, path: string, maxOne: boolean): Problem {
  const r = value as Obj;
  return (
    checkObject(value, path) ??
    checkInt(r.num, `${path}.num`, 0) ??
    checkInt(r.den, `${path}.den`, 1) ??
    (maxOne && (r.num as number) > (r.den as number) ? invalid(path, 'must not exceed 100 %', { value }) : null)
  );
}

function checkRhythm(value: unknown, path: string): Problem {
  const r = value as Obj;
  return checkObject(value, path) ?? checkInt(r.sessionsPerWeek, `${path}.sessionsPerWeek`, 1, 7) ?? checkInt(r.minMinutesPerSession, `${path}.minMinutesPerSession`, 1, 1440);
}

function checkMonthDay(value: unknown, path: string): Problem {
  return typeof value === 'string' && checkDate(`2000-${value}`, path) === null ? null : invalid(path, 'must be a month-day MM-DD', { value });
}

/** One check per replaceable top-level field; amendments replace whole fields, so they reuse these. */
export const CAMPAIGN_PARAMETER_FIELD_CHECKS: { readonly [K in Exclude<keyof CampaignParameters, 'cafCode' | 'schoolYear'>]: FieldCheck } = {
  deadlines: (v, p) => checkObject(v, p) ?? checkDate((v as Obj).newApplication, `${p}.newApplication`) ?? checkDate((v as Obj).renewal, `${p}.renewal`),
  priceCapPerCollectif: (v, p) => checkCents(v, p),
  psRate: (v, p) => checkRate(v, p, true),
  bonusEnfants: (v, p) => checkCents(v, p),
  bonusParents: (v, p) => checkCents(v, p),
  maxCafShare: (v, p) => checkRate(v, p, true),
  rhythm: (v, p) => {
    const r = v as Obj;
    return (
      checkObject(v, p) ??
      checkRhythm(r.normal, `${p}.normal`) ??
      (r.rural === null ? null : checkRhythm(r.rural, `${p}.rural`)) ??
      checkInt(r.minWeeks, `${p}.minWeeks`, 1, 53)
    );
  },
  groupSize: (v, p) => {
    const g = v as Obj;
    return (
      checkObject(v, p) ??
      checkInt(g.min, `${p}.min`, 1) ??
      checkInt(g.max, `${p}.max`, g.min as number) ??
      checkInt(g.ruralMin, `${p}.ruralMin`, 1, g.max as number) ??
      (g.disabilityMin === null ? null : checkInt(g.disabilityMin, `${p}.disabilityMin`, 1, g.max as number))
    );
  },
  staff: (v, p) => checkObject(v, p) ?? checkInt((v as Obj).perCollectif, `${p}.perCollectif`, 1) ?? checkInt((v as Obj).ruralSmallGroup, `${p}.ruralSmallGroup`, 1),
  coordinatorMinLevel: (v, p) => checkInt(v, p, 0, 10),
  options: (v, p) => {
    const o = v as Obj;
    return (
      checkObject(v, p) ??
      checkBoolean(o.noSport, `${p}.noSport`) ??
      checkBoolean(o.trainingRequiredForNewStaff, `${p}.trainingRequiredForNewStaff`) ??
      checkBoolean(o.renewalNeedsPriorBilan, `${p}.renewalNeedsPriorBilan`) ??
      (o.symbolicFamilyFeeCeiling === null ? null : checkCents(o.symbolicFamilyFeeCeiling, `${p}.symbolicFamilyFeeCeiling`))
    );
  },
  conventions: (v, p) => {
    const c = v as Obj;
    return (
      checkObject(v, p) ??
      checkInt(c.maxYears, `${p}.maxYears`, 1, 10) ??
      checkInt(c.centreSocialMaxYears, `${p}.centreSocialMaxYears`, 1, 10) ??
      checkInt(c.minPriorApprovedYears, `${p}.minPriorApprovedYears`, 0, 20)
    );
  },
  recommendedPeriod: (v, p) => checkObject(v, p) ?? checkMonthDay((v as Obj).fromMonthDay, `${p}.fromMonthDay`) ?? checkMonthDay((v as Obj).toMonthDay, `${p}.toMonthDay`),
  sources: (v, p) => {
    const problem = checkObject(v, p);
    if (problem) return problem;
    const bad = Object.entries(v as Obj).find(([, text]) => typeof text !== 'string');
    return bad ? invalid(`${p}.${bad[0]}`, 'must be a text') : null;
  },
};

export const REPLACEABLE_PARAMETER_FIELDS = Object.keys(CAMPAIGN_PARAMETER_FIELD_CHECKS) as Array<keyof typeof CAMPAIGN_PARAMETER_FIELD_CHECKS>;

export function checkCampaignParameters(value: unknown, path = 'parameters'): Problem {
  const problem = checkObject(value, path) ?? checkCafCode((value as Obj).cafCode, `${path}.cafCode`) ?? checkSchoolYear((value as Obj).schoolYear, `${path}.schoolYear`);
  if (problem) return problem;
  for (const field of REPLACEABLE_PARAMETER_FIELDS) {
    const fieldProblem = CAMPAIGN_PARAMETER_FIELD_CHECKS[field]((value as Obj)[field], `${path}.${field}`);
    if (fieldProblem) return fieldProblem;
  }
  return null;
}

/** A patch names at least one replaceable field and nothing else (identity fields never change). */
export function checkCampaignPatch(value: unknown, path = 'patch'): Problem {
  const problem = checkObject(value, path);
  if (problem) return problem;
  const keys = Object.keys(value as Obj);
  if (keys.length === 0) return invalid(path, 'must change at least one parameter');
  for (const key of keys) {
    if (!(REPLACEABLE_PARAMETER_FIELDS as string[]).includes(key)) return invalid(`${path}.${key}`, 'is not a replaceable campaign parameter', { key });
    const fieldProblem = CAMPAIGN_PARAMETER_FIELD_CHECKS[key as keyof typeof CAMPAIGN_PARAMETER_FIELD_CHECKS]((value as Obj)[key], `${path}.${key}`);
    if (fieldProblem) return fieldProblem;
  }
  return null;
}
