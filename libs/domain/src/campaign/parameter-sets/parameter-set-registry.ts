import type { SchoolYear } from '../../shared/school-year.js';
import type { CampaignParameters } from '../campaign-parameters.js';
import { AUDE_2026_2027 } from './aude-2026-2027.parameters.js';
import { LANDES_2025_2026 } from './landes-2025-2026.parameters.js';
import { LOIRET_2019 } from './loiret-2019.parameters.js';

/** Registry key: "<caf>-<schoolYear>", e.g. "11-2026-2027". */
export function parameterSetKey(cafCode: string, year: SchoolYear): string {
  return `${cafCode}-${year}`;
}

/**
 * Every complete parameter set the seeds give. Mayenne 2023-2024 is not here: seed 002 states
 * neither cap, bonuses nor deadline, see `mayenne2023To2024`.
 */
export const PARAMETER_SET_LIST: readonly CampaignParameters[] = [LOIRET_2019, LANDES_2025_2026, AUDE_2026_2027];

export const PARAMETER_SETS: Readonly<Record<string, CampaignParameters>> = Object.fromEntries(
  PARAMETER_SET_LIST.map((set) => [parameterSetKey(set.cafCode, set.schoolYear), set]),
);

export function findParameterSet(cafCode: string, year: SchoolYear): CampaignParameters | null {
  return PARAMETER_SETS[parameterSetKey(cafCode, year)] ?? null;
}
