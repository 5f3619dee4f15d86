import type { BilanDueDates } from '../../campaign/campaign-parameters.js';
import type { LocalDate } from '../../shared/calendar-date.js';
import type { SchoolYear } from '../../shared/school-year.js';
import { type Sourced, unionIds } from '../facts/sourced.js';
import { BILAN_KINDS, type BilanFiledFact, type BilanKind } from './bilan-due.rule.js';

/** R-BILAN-DUE: one bilan part against the due date its campaign sets. */
export interface BilanPartDeadline {
  /** The campaign's due date for the part (last day, inclusive); null = none, never late. */
  dueOn: LocalDate | null;
  /** The day the part was first received (by `today`); a later refiling after a return does not move it. */
  receivedOn: LocalDate | null;
  /** Not received by its due date, as of `today`: still missing after it, or received after it. */
  late: boolean;
  /** The filing that received it, when it was. */
  eventIds: string[];
}

export interface BilanLateness {
  projectId: string;
  schoolYear: SchoolYear;
  /** The day the question is asked for. */
  today: LocalDate;
  parts: Record<BilanKind, BilanPartDeadline>;
  /** Parts still not received whose due date has passed: what the Caf chases. */
  overdue: BilanKind[];
  /**
   * The earliest due date of a part not received yet, null when every part with a due date is in.
   * The project has a part overdue on any day after it (the read model stores it, so a worklist
   * compares it with the day it is read).
   */
  nextDueOn: LocalDate | null;
}

/**
 * R-BILAN-DUE: "Each campaign sets due dates for the parts; a part not received by its due date is
 * late." A part is received on its first filing (R-BILAN-1: one filing may carry the three parts);
 * a filing is known only from its day on, so filings after `today` do not count.
 */
export function bilanLateness(
  projectId: string,
  year: SchoolYear,
  dueDates: BilanDueDates,
  bilansFiled: readonly Sourced<BilanFiledFact>[],
  today: LocalDate,
): BilanLateness {
  const first = new Map<BilanKind, Sourced<BilanFiledFact>>();
  for (const b of bilansFiled) {
    const v = b.value;
    if (v.projectId !== projectId || v.schoolYear !== year || v.filedOn > today) continue;
    const known = first.get(v.kind);
    if (known === undefined || v.filedOn < known.value.filedOn) first.set(v.kind, b);
  }
  const parts = Object.fromEntries(
    BILAN_KINDS.map((kind) => {
      const dueOn = dueDates[kind];
      const filing = first.get(kind);
      const receivedOn = filing?.value.filedOn ?? null;
      const late = dueOn !== null && (receivedOn === null ? today > dueOn : receivedOn > dueOn);
      const part: BilanPartDeadline = { dueOn, receivedOn, late, eventIds: filing ? unionIds([filing.eventIds]) : [] };
      return [kind, part];
    }),
  ) as Record<BilanKind, BilanPartDeadline>;
  const missing = BILAN_KINDS.filter((k) => parts[k].receivedOn === null);
  const dues = missing.flatMap((k) => (parts[k].dueOn === null ? [] : [parts[k].dueOn!]));
  return {
    projectId,
    schoolYear: year,
    today,
    parts,
    overdue: missing.filter((k) => parts[k].late),
    nextDueOn: dues.length === 0 ? null : dues.reduce((a, b) => (b < a ? b : a)),
  };
}
