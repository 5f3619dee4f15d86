import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PostgresType } from './postgres-column-types.js';

/**
 * One row per registered operator: its registered name (a legal entity's, not a person's: no
 * personal data here), kind and Caf.
 */
@Entity({ name: 'rm_operator', comment: 'one row per registered operator (legal entity: no personal data)' })
@Index('rm_operator_caf_name', ['cafCode', 'name', 'operatorId'])
export class OperatorEntity {
  @PrimaryColumn({ name: 'operator_id', type: 'varchar', length: 100, comment: 'opaque id of the operator' })
  operatorId!: string;

  @Column({ name: 'caf_code', type: 'varchar', length: 3, comment: 'département code of the Caf the operator registered with' })
  cafCode!: string;

  @Column({ name: 'name', type: 'varchar', length: 300, comment: "the operator's registered name" })
  name!: string;

  /** Lower-cased name, what the name search matches (same on both dialects). */
  @Column({ name: 'name_search', type: 'varchar', length: 300, comment: 'lower-cased name for the name search' })
  nameSearch!: string;

  @Column({ name: 'kind', type: 'varchar', length: 40, comment: 'operator kind (association, centre_social, commune, …)' })
  kind!: string;

  /** Worklists (R-ELIG-OPERATOR): declaration kinds (insurance, laïcité charter) never declared. */
  @Column({ name: 'declarations_missing', type: 'integer', comment: 'declaration kinds (insurance, laicite charter) never declared' })
  declarationsMissing!: number;

  @Column({ name: 'registered_on', type: 'varchar', length: 10, nullable: true, comment: 'Paris date of the registration' })
  registeredOn!: string | null;

  @PostgresType('timestamptz')
  @Column({ name: 'as_of', type: 'varchar', length: 30, comment: 'instant the row answers for: at = knownAt = as_of' })
  asOf!: string;

  @Column({ name: 'last_position', type: 'bigint', comment: 'global position of the last event folded into the row' })
  lastPosition!: string;
}
