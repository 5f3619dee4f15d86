import type { Actor, ClasCommand } from '@clas/application';
import type { Instant } from '@clas/domain';
import type { ClasQueries } from '@clas/projections';

/** What a step computed at play time can read: the answers as of the simulated now. */
export interface StepContext {
  queries: ClasQueries;
  now: Instant;
}

/** A command known in advance, or one computed when its turn comes (a payment from the PS due then). */
export type CommandSource = ClasCommand | ((context: StepContext) => Promise<ClasCommand | null>);

export interface Step {
  /** When the system learns it: the store's clock is set to this before the command runs. */
  recordAt: Instant;
  /** Insertion order, to keep steps recorded at the same instant in the order written. */
  seq: number;
  /** Campaign the step belongs to, "40-2025-2026", for the summary. */
  campaign: string;
  actor: Actor;
  source: CommandSource;
  /** A refusal the season expects (the late filing): its rejection code. */
  expectRejection?: string;
}

type CommandType = ClasCommand['type'];
type DataOf<T extends CommandType> = Extract<ClasCommand, { type: T }>['data'];

/**
 * The season as a list of steps, written in any order and played in recorded order. Command
 * ids are deterministic ("demo-<n>-<type>") so a season is the same run after run.
 */
export class SeasonPlan {
  readonly steps: Step[] = [];
  private seq = 0;
  private ids = 0;

  command<T extends CommandType>(type: T, occurredAt: Instant, data: DataOf<T>): ClasCommand {
    return { type, commandId: `demo-${++this.ids}-${type}`, occurredAt, data } as ClasCommand;
  }

  add(step: Omit<Step, 'seq'>): void {
    if (typeof step.source !== 'function' && Date.parse(step.source.occurredAt) > Date.parse(step.recordAt)) {
      throw new Error(`season bug: ${step.source.type} recorded at ${step.recordAt}, before it occurred (${step.source.occurredAt})`);
    }
    this.steps.push({ ...step, seq: this.seq++ });
  }

  /** The steps in recorded order, up to `now` (the future has not happened yet). */
  playable(now: Instant): Step[] {
    const limit = Date.parse(now);
    return this.steps
      .filter((s) => Date.parse(s.recordAt) <= limit)
      .sort((a, b) => Date.parse(a.recordAt) - Date.parse(b.recordAt) || a.seq - b.seq);
  }
}
