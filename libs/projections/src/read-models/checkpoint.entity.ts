import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where a projection stands in the log. Written in the same transaction as the read-model
 * rows of the batch it closes, so after a crash the read models and the checkpoint agree.
 */
@Entity({ name: 'rm_checkpoint' })
export class CheckpointEntity {
  @PrimaryColumn({ name: 'projection', type: 'varchar', length: 64 })
  projection!: string;

  /** The projection's version (its derivation); a mismatch at start means truncate and replay. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  /** Every fold with its version, e.g. "campaign@1,project@2": a fold bump also forces the replay. */
  @Column({ name: 'signature', type: 'varchar', length: 500 })
  signature!: string;

  /** Global position of the last event applied (0 = nothing yet). */
  @Column({ name: 'position', type: 'bigint' })
  position!: string;

  /** ISO instant of the commit. */
  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string;
}
