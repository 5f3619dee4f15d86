import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** R-CONV-4 "now": one row per multi-year convention; the full view is JSON for the API. */
@Entity({ name: 'rm_convention_status' })
@Index('rm_convention_status_operator', ['operatorId'])
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

  /** The convention view (R-CONV-4), JSON text. */
  @Column({ name: 'view', type: 'text' })
  view!: string;

  @Column({ name: 'as_of', type: 'varchar', length: 30 })
  asOf!: string;

  @Column({ name: 'last_position', type: 'bigint' })
  lastPosition!: string;
}
