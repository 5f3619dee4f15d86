import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Keys whose state changed since their answers were last derived. Written with the states, in
 * the batch's transaction, and deleted with the derived rows: when derivation is deferred (a
 * rebuild derives once at the end), a crash in between still knows what to recompute.
 */
@Entity({ name: 'rm_dirty_key' })
export class DirtyKeyEntity {
  @PrimaryColumn({ name: 'projection', type: 'varchar', length: 64 })
  projection!: string;

  @PrimaryColumn({ name: 'fold_name', type: 'varchar', length: 64 })
  foldName!: string;

  @PrimaryColumn({ name: 'state_key', type: 'varchar', length: 200 })
  key!: string;

  /** Always 1: lets the upsert helper write it. */
  @Column({ name: 'marks', type: 'integer' })
  marks!: number;
}
