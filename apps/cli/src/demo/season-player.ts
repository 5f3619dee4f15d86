import type { CommandBus } from '@clas/application';
import { parisDateOf } from '@clas/domain';
import type { ClasQueries } from '@clas/projections';
import type { SimulatedClock } from './simulated-clock.js';
import type { SeasonPlan, Step } from './season-plan.js';

export interface CampaignTotals {
  commands: number;
  events: number;
}

export interface PlayResult {
  commands: number;
  events: number;
  /** Refusals the season expected (the late filing). */
  expectedRejections: number;
  byCampaign: Record<string, CampaignTotals>;
  elapsedMs: number;
}

export interface PlayProgress {
  index: number;
  total: number;
  step: Step;
  events: number;
}

/** A step whose outcome is not the one the season expects: the demo stops, it would show wrong data. */
export class SeasonStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeasonStepError';
  }
}

/**
 * Plays the steps in recorded order: the store's clock is moved to each step's recording instant
 * first, so recordedAt follows the simulated calendar; each command goes through the command bus
 * with the step's actor, as the API would send it.
 */
export async function playSeason(
  plan: SeasonPlan,
  deps: { bus: CommandBus; queries: ClasQueries; clock: SimulatedClock; now: string },
  onProgress: (progress: PlayProgress) => void = () => undefined,
): Promise<PlayResult> {
  const started = performance.now();
  const steps = plan.playable(deps.now);
  const result: PlayResult = { commands: 0, events: 0, expectedRejections: 0, byCampaign: {}, elapsedMs: 0 };
  for (const [index, step] of steps.entries()) {
    deps.clock.advanceTo(step.recordAt);
    const now = deps.clock.now().toISOString();
    const command = typeof step.source === 'function' ? await step.source({ queries: deps.queries, now }) : step.source;
    if (command !== null) {
      const outcome = await deps.bus.execute({ command, actor: step.actor });
      const where = `${command.type} ${command.commandId} (recorded ${parisDateOf(step.recordAt)})`;
      if (step.expectRejection !== undefined) {
        if (outcome.ok || outcome.kind !== 'rejected' || outcome.rejection.code !== step.expectRejection) {
          throw new SeasonStepError(`${where}: expected the refusal ${step.expectRejection}, got ${JSON.stringify(outcome)}`);
        }
        result.expectedRejections++;
      } else if (!outcome.ok || outcome.duplicate) {
        throw new SeasonStepError(`${where}: ${JSON.stringify(outcome)}`);
      } else {
        const totals = (result.byCampaign[step.campaign] ??= { commands: 0, events: 0 });
        totals.commands++;
        totals.events += outcome.eventIds.length;
        result.events += outcome.eventIds.length;
      }
      result.commands++;
    }
    onProgress({ index: index + 1, total: steps.length, step, events: result.events });
  }
  result.elapsedMs = performance.now() - started;
  return result;
}
