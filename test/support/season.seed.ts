import type { Actor, ClasCommand, CommandBus } from '@clas/application';
import { actors, approvedInMeeting, commands } from '@clas/application/testing';
import { COMMAND_BUS } from '../../apps/api/src/tokens.js';
import { FakeClock } from '@clas/event-store/testing';
import type { ApiHarness } from './api-harness.js';

/**
 * The Aude 2026-2027 season up to a running collectif, written through the API's own command
 * bus (the real ClasCommandBus) with each step's real actor: campaign, operators op-1 and op-2,
 * project prj-1 of op-1 approved for 2 collectifs, collectif col-1 with 8 children, a parent action.
 */
export const CHILDREN = ['child-01', 'child-02', 'child-03', 'child-04', 'child-05', 'child-06', 'child-07', 'child-08'];

/** A command and who sends it. */
export type SeedStep = readonly [ClasCommand, Actor];

/** The season's own steps, in the order they happened. */
function seasonSteps(): SeedStep[] {
  return [
    [commands.openCampaign(), actors.agent],
    [commands.registerOperator('op-1'), actors.agent],
    [commands.registerOperator('op-2'), actors.agent],
    [commands.fileApplication('prj-1'), actors.operator],
    [commands.openExamination('prj-1'), actors.agent],
    ...approvedInMeeting('prj-1').map((step): SeedStep => [step, actors.committee]),
    [commands.openCollectif('col-1', 'prj-1'), actors.operator],
    ...CHILDREN.map((child): SeedStep => [commands.enrol(child), actors.operator]),
    [commands.parentAction('prj-1'), actors.operator],
  ];
}

/**
 * Writes the season, and a test's own `extra` steps, in the order they happened (a stable sort
 * on occurredAt: a step of the same instant keeps its place, the season's first). The bus judges
 * every deadline on the instant it receives a command (R-LIFE-RECEIPT), so a filing of June must
 * be received in June: with the harness's StoryClock the bus already receives each command when
 * it happened; a test's own FakeClock is moved the same way here.
 */
export async function seedSeason(api: ApiHarness, extra: readonly SeedStep[] = []): Promise<void> {
  const bus = api.app.get<CommandBus>(COMMAND_BUS);
  const { clock } = api;
  const receive =
    api.story === null && clock instanceof FakeClock ? (command: ClasCommand) => clock.advanceTo(command.occurredAt) : () => undefined;
  const steps = [...seasonSteps(), ...extra].sort(([a], [b]) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  for (const [command, actor] of steps) {
    receive(command);
    const outcome = await bus.execute({ command, actor });
    if (!outcome.ok) throw new Error(`seed ${command.type} failed: ${JSON.stringify(outcome)}`);
  }
}
