import kafkajs from 'kafkajs';
import type { OutboundMessage, Publisher } from './publisher.port.js';

const { Kafka, logLevel } = kafkajs;

export interface KafkaPublisherOptions {
  brokers: readonly string[];
  clientId?: string;
  /** Per-request timeout; a broker that does not answer in time fails the batch (retried by the relay). */
  requestTimeoutMs?: number;
}

/**
 * kafkajs producer set for no loss and no reordering: `acks: -1` (all in-sync replicas, so with
 * min.insync.replicas=2 an ack survives a broker loss), idempotent (the broker drops the
 * producer's own retries by sequence number) and one request in flight (a retried request can
 * never overtake a later one, keeping each partition — each stream — in order).
 */
export class KafkaPublisher implements Publisher {
  private readonly producer: kafkajs.Producer;
  private connected: Promise<void> | null = null;

  constructor(options: KafkaPublisherOptions) {
    const kafka = new Kafka({
      clientId: options.clientId ?? 'clas-relay',
      brokers: [...options.brokers],
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      logLevel: logLevel.WARN,
      // The relay owns retries (with its checkpoint); kafkajs retries a little inside one send.
      retry: { retries: 5 },
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, kafkajs.Message[]>();
    for (const message of messages) {
      let list = byTopic.get(message.topic);
      if (list === undefined) byTopic.set(message.topic, (list = []));
      list.push({ key: message.key, value: message.value, headers: message.headers });
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
    });
  }

  private connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    return this.connected;
  }

  async close(): Promise<void> {
    if (this.connected === null) return;
    await this.connected.catch(() => undefined);
    await this.producer.disconnect();
    this.connected = null;
  }
}
