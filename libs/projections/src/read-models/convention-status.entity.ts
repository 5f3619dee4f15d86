import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PostgresType } from './postgres-column-types.js';

/** R-CONV-4 "now": one row per multi-year convention; the full view is JSON for the API. */
@Entity({ name: 'rm_convention_status' })
@Index('rm_convention_status_operator', ['operatorId'])
@Index('rm_convention_status_caf_status', ['cafCode', 'status', 'conventionId'])
export class ConventionStatusEntity {
  @PrimaryColumn({ name: 'convention_id', type: 'varchar', length: 100 })
  conventionId!: string;

  @Column({ name: 'caf_code', type: 'varchar', length: 3 })
  cafCode!: string;

  @Column({ name: 'operator_id', type: 'varchar', length: 100 })
  operatorId!: string;

  /** requested | signed | refused | terminated */
  @Column({ name: 'status', type: 'varchar', length: 20 })
  status!: string;

  @Column({ name: 'start_school_year', type: 'varchar', length: 9, nullable: true })
  startSchoolYear!: string | null;

  @Column({ name: 'years', type: 'integer', nullable: true })
  years!: number | null;

  /** Worklists (R-CONV-AMEND-YEAR): amendments requested and not decided yet. */
  @Column({ name: 'pending_amendments', type: 'integer', comment: 'amendments requested and not decided yet' })
  pendingAmendments!: number;

  /** The convention view (R-CONV-4), JSON text. */
  @PostgresType('jsonb')
  @Column({ name: 'view', type: 'text', comment: 'R-CONV-4 convention view; jsonb on PostgreSQL' })
  view!: string;

  @PostgresType('timestamptz')
  @Column({ name: 'as_of', type: 'varchar', length: 30, comment: 'instant the row answers for: at = knownAt = as_of' })
  asOf!: string;

  @Column({ name: 'last_position', type: 'bigint' })
  lastPosition!: string;
}
