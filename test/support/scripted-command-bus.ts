import type { CommandBus, CommandOutcome, CommandRequest } from '@clas/application';

/**
 * A command bus that answers what the test scripted and keeps every request: for the edge's
 * own behaviour (outcome mapping, envelope, If-Match), independent of the domain.
 */
export class ScriptedCommandBus implements CommandBus {
  readonly requests: CommandRequest[] = [];
  private next: CommandOutcome | Error = {
    ok: true,
    streamId: 'campaign-11-2026-2027',
    eventIds: ['e-1'],
    streamVersion: 0,
    positions: [1],
    duplicate: false,
  };

  answer(outcome: CommandOutcome | Error): void {
    this.next = outcome;
  }

  async execute(request: CommandRequest): Promise<CommandOutcome> {
    this.requests.push(request);
    if (this.next instanceof Error) throw this.next;
    return this.next;
  }
}
