import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PostgresType } from './postgres-column-types.js';

/** One row per opened collectif: counts only, no child- or staff-level detail. */
@Entity({ name: 'rm_collectif', comment: 'one row per opened collectif (counts only, no personal data)' })
@Index('rm_collectif_project', ['projectId', 'collectifId'])
@Index('rm_collectif_operator', ['operatorId', 'collectifId'])
export class CollectifEntity {
  @PrimaryColumn({ name: 'collectif_id', type: 'varchar', length: 100, comment: 'opaque id of the collectif' })
  collectifId!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 100, comment: 'the project the collectif belongs to' })
  projectId!: string;

  @Column({ name: 'caf_code', type: 'varchar', length: 3, comment: 'département code of the Caf' })
  cafCode!: string;

  @Column({ name: 'school_year', type: 'varchar', length: 9, comment: 'school year, e.g. 2026-2027' })
  schoolYear!: string;

  @Column({ name: 'operator_id', type: 'varchar', length: 100, comment: 'the operator running the project' })
  operatorId!: string;

  @Column({ name: 'school_level', type: 'varchar', length: 20, comment: 'primary, college, lycee' })
  schoolLevel!: string;

  @Column({ name: 'commune', type: 'varchar', length: 100, comment: "commune of the collectif's place" })
  commune!: string;

  @Column({ name: 'rural', type: 'boolean', comment: 'collectif in milieu rural' })
  rural!: boolean;

  @Column({ name: 'opened_on', type: 'varchar', length: 10, comment: 'Paris date of the opening' })
  openedOn!: string;

  @Column({ name: 'children_enrolled', type: 'integer', comment: 'children enrolled now (not left)' })
  childrenEnrolled!: number;

  @Column({ name: 'staff_assigned', type: 'integer', comment: 'staff assigned now (not unassigned)' })
  staffAssigned!: number;

  @Column({ name: 'sessions_held', type: 'integer', comment: 'sessions held (cancelled ones excluded)' })
  sessionsHeld!: number;

  @PostgresType('timestamptz')
  @Column({ name: 'as_of', type: 'varchar', length: 30, comment: 'instant the row answers for: at = knownAt = as_of' })
  asOf!: string;

  @Column({ name: 'last_position', type: 'bigint', comment: 'global position of the last event folded into the row' })
  lastPosition!: string;
}
