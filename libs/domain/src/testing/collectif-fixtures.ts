import { makeEvent } from '../events/catalogue.js';
import type { CollectifEvent, CollectifRef } from '../events/collectif.events.js';
import type { ActivityType } from '../events/vocabulary.js';
import { d, paris } from './fixtures.js';
import { PROJECT } from './project-fixtures.js';

/** Test data for collectif specs: collectif c1 of project prj-1, a primary group opened on 2026-10-01. */
export const COLLECTIF: CollectifRef = { collectifId: 'col-1', ...PROJECT };

export const collectifOpened = (): CollectifEvent =>
  makeEvent(
    'CollectifOpened',
    {
      ...COLLECTIF,
      plannedRef: 'c1',
      place: { name: 'École Jean-Jaurès', commune: 'Carcassonne' },
      level: 'primary',
      rural: false,
      disabilityNeeds: false,
      openedOn: d('2026-10-01'),
    },
    paris('2026-10-01'),
  );

export const childEnrolled = (childId: string, enrolledOn = '2026-10-05'): CollectifEvent =>
  makeEvent(
    'ChildEnrolled',
    {
      ...COLLECTIF,
      childId,
      schoolLevel: 'CE2',
      orientedBy: 'teacher',
      parentalConsentDate: d('2026-09-28'),
      disabilityNeeds: false,
      enrolledOn: d(enrolledOn),
    },
    paris(enrolledOn),
  );

export const childLeft = (childId: string, leftOn: string): CollectifEvent =>
  makeEvent('ChildLeft', { ...COLLECTIF, childId, reason: 'moved', leftOn: d(leftOn) }, paris(leftOn));

/** child-1 … child-n enrolled on the same day. */
export const children = (n: number, enrolledOn = '2026-10-05'): CollectifEvent[] =>
  Array.from({ length: n }, (_, i) => childEnrolled(`child-${i + 1}`, enrolledOn));

export const sessionHeld = (
  sessionId: string,
  date = '2026-11-03',
  activityTypes: ActivityType[] = ['methodology', 'playful'],
): CollectifEvent =>
  makeEvent(
    'SessionHeld',
    { ...COLLECTIF, sessionId, date: d(date), start: '16:45', minutes: 90, kind: 'children', activityTypes, warnings: [] },
    paris(date, '16:45'),
  );
