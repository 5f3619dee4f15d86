/** One record for the broker: the key decides the partition, hence the order consumers see. */
export interface OutboundMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Where the relay sends events. `publish` resolves only once the broker has acknowledged every
 * message (all in-sync replicas, for Kafka), and rejects if any was not: the relay moves its
 * checkpoint on resolution only.
 */
export interface Publisher {
  publish(messages: readonly OutboundMessage[]): Promise<void>;
  close(): Promise<void>;
}
