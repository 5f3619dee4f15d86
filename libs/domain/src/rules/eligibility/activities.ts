import type { ActualProjectFacts } from '../facts/project-facts.js';
import type { ActivityType } from '../../events/vocabulary.js';

/** Activities of the sessions actually held, with the sessions that carried them. */
export function heldSessionActivities(
  facts: ActualProjectFacts,
): Array<{ date: string; activities: ActivityType[]; eventIds: readonly string[] }> {
  return facts.collectifs.flatMap((c) =>
    c.sessions
      .filter((s) => !s.cancelled && s.activities !== undefined)
      .map((s) => ({ date: s.date, activities: s.activities ?? [], eventIds: s.eventIds })),
  );
}
