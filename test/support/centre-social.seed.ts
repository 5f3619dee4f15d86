import type { Actor, ClasCommand, CommandBus } from '@clas/application';
import { actors } from '@clas/application/testing';
import { COMMAND_BUS } from '../../apps/api/src/tokens.js';
import type { ApiHarness } from './api-harness.js';

/** op-cs, a centre social of Caf 11 within its Caf approval (R-CONV-1): a multi-year convention needs no prior approved years. */
export const centreSocial: Actor = { id: 'user-op-cs', role: 'operator', caf: null, operatorId: 'op-cs' };
/** Its project and collectifs: a convention covers projects of its operator, and notifies its collectifs (R-SCOPE, issue 11 §4). */
export const CENTRE_SOCIAL_PROJECT = 'prj-cs';
export const CENTRE_SOCIAL_COLLECTIFS = ['col-cs-a', 'col-cs-b'];

const at = (date: string) => `${date}T08:00:00Z`;

/** Registers op-cs, drafts prj-cs and opens its two collectifs, in-process as the `system` actor (after seedSeason: the Aude campaign is open). */
export async function seedCentreSocial(api: ApiHarness): Promise<void> {
  const place = (name: string) => ({ name, commune: 'Carcassonne' });
  const commands = [
    {
      type: 'RegisterOperator',
      commandId: 'register-op-cs',
      occurredAt: at('2026-04-15'),
      data: {
        operatorId: 'op-cs',
        cafCode: '11',
        name: 'Centre social La Fontaine',
        kind: 'centre_social',
        cafApproval: { from: '2024-01-01', to: '2029-12-31' },
      },
    },
    {
      type: 'DraftProject',
      commandId: 'draft-prj-cs',
      occurredAt: at('2026-05-15'),
      data: {
        projectId: CENTRE_SOCIAL_PROJECT,
        operatorId: 'op-cs',
        cafCode: '11',
        schoolYear: '2026-2027',
        title: 'Clas du centre social',
        schoolCycle: 'primary',
      },
    },
    ...CENTRE_SOCIAL_COLLECTIFS.map((collectifId) => ({
      type: 'OpenCollectif',
      commandId: `open-${collectifId}`,
      occurredAt: at('2026-05-20'),
      data: {
        collectifId,
        projectId: CENTRE_SOCIAL_PROJECT,
        place: place(`Salle ${collectifId}`),
        level: 'primary',
        rural: false,
        disabilityNeeds: false,
      },
    })),
  ] as ClasCommand[];
  const bus = api.app.get<CommandBus>(COMMAND_BUS);
  for (const command of commands) {
    const outcome = await bus.execute({ command, actor: actors.system });
    if (!outcome.ok) throw new Error(`seed ${command.type} failed: ${JSON.stringify(outcome)}`);
  }
}
