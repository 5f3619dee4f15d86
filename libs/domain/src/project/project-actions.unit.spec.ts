import { describe, it } from '@jest/globals';
import { makeEvent } from '../events/catalogue.js';
import { d, paris } from '../testing/fixtures.js';
import { PROJECT, approvedProject, drafted, examinationOpened, filed, refused } from '../testing/project-fixtures.js';
import { specification } from '../testing/specification.js';
import type { ProjectCommand } from './project.commands.js';
import { projectDecider } from './project.decider.js';

const spec = specification(projectDecider);

const parentAction = (objective: string, date = '2026-12-05'): ProjectCommand => ({
  type: 'RecordParentAction',
  commandId: 'pa',
  occurredAt: paris('2026-12-06'),
  data: {
    projectId: PROJECT.projectId,
    actionId: 'act-1',
    objective: objective as 'P2',
    date: d(date),
    parentsReached: 14,
    description: 'Christmas snack with the families',
  },
});

describe('project actions (R-ELIG-AXES, R-BILAN-2)', () => {
  it('R-ELIG-AXES P2: a parent action is recorded with its date and the number of parents reached', () => {
    spec
      .given(approvedProject())
      .when(parentAction('P2'))
      .then([
        makeEvent(
          'ParentActionHeld',
          {
            ...PROJECT,
            actionId: 'act-1',
            objective: 'P2',
            date: d('2026-12-05'),
            parentsReached: 14,
            collectifIds: [],
            description: 'Christmas snack with the families',
          },
          paris('2026-12-06'),
        ),
      ]);
  });

  it('R-INPUT: a future date or a reused id is rejected (an unknown objective code: project.schemas.unit.spec)', () => {
    spec.given(approvedProject()).when(parentAction('P2', '2026-12-07')).thenRejected('INVALID_INPUT', 'R-INPUT');
    const [held] = spec.given(approvedProject()).when(parentAction('P2')).thenAccepted();
    spec
      .given([...approvedProject(), held])
      .when(parentAction('P3'))
      .thenRejected('DUPLICATE_ACTION', 'R-INPUT');
  });

  it('R-ELIG-AXES S3: the concertation before the start can be recorded on a draft; nothing is recorded on a refused project', () => {
    const concertation: ProjectCommand = {
      type: 'RecordSchoolConcertation',
      commandId: 'sc',
      occurredAt: paris('2026-06-10'),
      data: {
        projectId: PROJECT.projectId,
        concertationId: 'sc-1',
        objective: 'S3',
        moment: 'before_start',
        date: d('2026-06-09'),
        schools: ['École Jean-Jaurès'],
      },
    };
    spec.given([drafted()]).when(concertation).thenAccepted();
    spec.given([filed(), examinationOpened(), refused()]).when(concertation).thenRejected('APPLICATION_CLOSED', 'R-LIFE');
  });

  it('R-ELIG-AXES T1: a partner relation is recorded under objective T1', () => {
    const relation: ProjectCommand = {
      type: 'RecordPartnerRelation',
      commandId: 'pr',
      occurredAt: paris('2027-01-20'),
      data: {
        projectId: PROJECT.projectId,
        relationId: 'rel-1',
        partnerName: 'Reaap de l’Aude',
        partnerKind: 'reaap',
        date: d('2027-01-20'),
        description: 'joint parents evening',
      },
    };
    spec
      .given(approvedProject())
      .when(relation)
      .then([
        makeEvent(
          'PartnerRelationRecorded',
          {
            ...PROJECT,
            relationId: 'rel-1',
            objective: 'T1',
            partnerName: 'Reaap de l’Aude',
            partnerKind: 'reaap',
            date: d('2027-01-20'),
            description: 'joint parents evening',
          },
          paris('2027-01-20'),
        ),
      ]);
  });
});
