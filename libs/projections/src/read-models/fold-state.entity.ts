import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One key's state of one fold (e.g. fold "project", key = a project id), as plain JSON text.
 * The projector loads it to evolve it and writes it back with the checkpoint, so the pair
 * (state, checkpoint) always describes the same prefix of the log.
 */
@Entity({ name: 'rm_fold_state' })
@Index('rm_fold_state_position', ['foldName', 'lastPosition'])
export class FoldStateEntity {
  @PrimaryColumn({ name: 'fold_name', type: 'varchar', length: 64 })
  foldName!: string;

  /** The fold's `version` that produced the state (a different version is never read). */
  @PrimaryColumn({ name: 'fold_version', type: 'integer' })
  foldVersion!: number;

  @PrimaryColumn({ name: 'state_key', type: 'varchar', length: 200 })
  key!: string;

  /** JSON text: fold states are plain JSON (keyed-fold.ts). */
  @Column({ name: 'state', type: 'text' })
  state!: string;

  /** Global position of the last event folded into this state. */
  @Column({ name: 'last_position', type: 'bigint' })
  lastPosition!: string;

  /**
   * Latest of occurredAt and recordedAt over the folded events: the instant at which this
   * state is "now" (at = knownAt = last_instant gives the same state by time travel).
   */
  @Column({ name: 'last_instant', type: 'varchar', length: 30 })
  lastInstant!: string;
}
