import type { Actor, ClasCommand, CommandBus } from '@clas/application';
import { actors, commands } from '../../libs/application/src/testing/season.fixtures.js';
import { COMMAND_BUS } from '../../apps/api/src/tokens.js';
import type { ApiHarness } from './api-harness.js';

/**
 * The Aude 2026-2027 season up to a running collectif, written through the API's own command
 * bus (the real ClasCommandBus) with each step's real actor: campaign, operators op-1 and op-2,
 * project prj-1 of op-1 approved for 2 collectifs, collectif col-1 with 8 children, a parent action.
 */
export const CHILDREN = ['child-01', 'child-02', 'child-03', 'child-04', 'child-05', 'child-06', 'child-07', 'child-08'];

export async function seedSeason(api: ApiHarness): Promise<void> {
  const bus = api.app.get<CommandBus>(COMMAND_BUS);
  const run = async (command: ClasCommand, actor: Actor) => {
    const outcome = await bus.execute({ command, actor });
    if (!outcome.ok) throw new Error(`seed ${command.type} failed: ${JSON.stringify(outcome)}`);
  };
  await run(commands.openCampaign(), actors.agent);
  await run(commands.registerOperator('op-1'), actors.agent);
  await run(commands.registerOperator('op-2'), actors.agent);
  await run(commands.fileApplication('prj-1'), actors.operator);
  await run(commands.openExamination('prj-1'), actors.agent);
  await run(commands.approve('prj-1'), actors.committee);
  await run(commands.openCollectif('col-1', 'prj-1'), actors.operator);
  for (const child of CHILDREN) await run(commands.enrol(child), actors.operator);
  await run(commands.parentAction('prj-1'), actors.operator);
}
