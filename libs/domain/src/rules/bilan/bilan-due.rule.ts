import type { LocalDate } from '../../shared/calendar-date.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { type ApprovalHistory, effectiveDecisions } from './approval-history.js';
import { type Sourced, unionIds } from '../facts/sourced.js';

/** R-BILAN-1: every approved project files, for each school year, a qualitative, a quantitative and a financial bilan. */
export type BilanKind = 'qualitative' | 'quantitative' | 'financial';
export const BILAN_KINDS: readonly BilanKind[] = ['qualitative', 'quantitative', 'financial'];

/** A bilan part as filed, with the Caf's assessment so far. In log order, the last fact per part wins. */
export interface BilanFiledFact {
  projectId: string;
  schoolYear: SchoolYear;
  kind: BilanKind;
  filedOn: LocalDate;
  assessment: 'pending' | 'compliant' | 'non_compliant';
}

export interface BilanPartStatus {
  status: 'missing' | 'pending' | 'compliant' | 'non_compliant';
  filedOn: LocalDate | null;
  eventIds: string[];
}

export interface ProjectBilanStatus {
  projectId: string;
  schoolYear: SchoolYear;
  parts: Record<BilanKind, BilanPartStatus>;
  /** Parts not filed yet. */
  outstanding: BilanKind[];
  /** All three parts filed (R-LIFE-2, R-CONV-4 "previous bilan received"). */
  received: boolean;
  /** All three parts assessed compliant (R-CONV-2). */
  compliant: boolean;
}

export function projectBilanStatus(
  projectId: string,
  year: SchoolYear,
  bilansFiled: readonly Sourced<BilanFiledFact>[],
): ProjectBilanStatus {
  const latest = new Map<BilanKind, Sourced<BilanFiledFact>>();
  for (const b of bilansFiled) if (b.value.projectId === projectId && b.value.schoolYear === year) latest.set(b.value.kind, b);
  const parts = Object.fromEntries(
    BILAN_KINDS.map((kind) => {
      const b = latest.get(kind);
      const part: BilanPartStatus = b
        ? { status: b.value.assessment, filedOn: b.value.filedOn, eventIds: unionIds([b.eventIds]) }
        : { status: 'missing', filedOn: null, eventIds: [] };
      return [kind, part];
    }),
  ) as Record<BilanKind, BilanPartStatus>;
  const outstanding = BILAN_KINDS.filter((k) => parts[k].status === 'missing');
  return {
    projectId,
    schoolYear: year,
    parts,
    outstanding,
    received: outstanding.length === 0,
    compliant: BILAN_KINDS.every((k) => parts[k].status === 'compliant'),
  };
}

export interface BilanDue extends ProjectBilanStatus {
  operatorId: string;
  /** The approval (and any correction) that makes the bilan due. */
  approvalEventIds: string[];
}

/** The bilans due for a school year: one per project whose effective decision is an approval, sorted by project id. */
export function bilanDue(approvals: ApprovalHistory, bilansFiled: readonly Sourced<BilanFiledFact>[], year: SchoolYear): BilanDue[] {
  return effectiveDecisions(approvals)
    .filter((d) => d.schoolYear === year && d.outcome === 'approved')
    .map((d) => ({ ...projectBilanStatus(d.projectId, year, bilansFiled), operatorId: d.operatorId, approvalEventIds: d.eventIds }));
}
