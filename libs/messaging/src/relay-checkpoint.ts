/** The relay's position in the log: the globalPosition of the last event the broker acknowledged. */
export interface RelayCheckpointStore {
  /** 0 when the relay never ran. */
  load(relayName: string): Promise<number>;
  save(relayName: string, position: number): Promise<void>;
  close(): Promise<void>;
}

export class InMemoryRelayCheckpointStore implements RelayCheckpointStore {
  readonly saved: number[] = [];
  private readonly positions = new Map<string, number>();

  async load(relayName: string): Promise<number> {
    return this.positions.get(relayName) ?? 0;
  }

  async save(relayName: string, position: number): Promise<void> {
    this.positions.set(relayName, position);
    this.saved.push(position);
  }

  async close(): Promise<void> {}
}
