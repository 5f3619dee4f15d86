import type { SchoolYear } from '../shared/school-year.js';

/** Where a project on an agenda belongs; null when no such project exists. */
export interface AgendaProjectFacts {
  cafCode: string;
  schoolYear: SchoolYear;
}

/**
 * What the committee decider is told about other streams (`undefined` = not provided: it throws).
 * Scheduling or holding a meeting with an agenda: every agenda project id → its Caf and year, or null.
 */
export interface CommitteeContext {
  agendaProjects?: Readonly<Record<string, AgendaProjectFacts | null>>;
}
