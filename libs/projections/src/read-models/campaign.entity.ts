import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PostgresType } from './postgres-column-types.js';

/** One row per campaign (Caf × school year): what a list of campaigns shows and filters on. */
@Entity({ name: 'rm_campaign', comment: 'one row per campaign (Caf x school year); the row is the answer at at = knownAt = as_of' })
@Index('rm_campaign_year', ['schoolYear', 'campaignKey'])
@Index('rm_campaign_caf', ['cafCode', 'campaignKey'])
export class CampaignEntity {
  /** "caf:school year", the key of the campaign fold and the keyset order of the list. */
  @PrimaryColumn({ name: 'campaign_key', type: 'varchar', length: 13, comment: 'caf:school year, e.g. 11:2026-2027' })
  campaignKey!: string;

  @Column({ name: 'caf_code', type: 'varchar', length: 3, comment: 'département code of the Caf: 11, 2A, 974' })
  cafCode!: string;

  @Column({ name: 'school_year', type: 'varchar', length: 9, comment: 'school year, e.g. 2026-2027' })
  schoolYear!: string;

  @Column({ name: 'caf_name', type: 'varchar', length: 60, comment: "name of the Caf, e.g. Caf de l'Aude" })
  cafName!: string;

  /** open (CampaignOpened folded) | not_opened (only amendments known: they cannot apply yet). */
  @Column({ name: 'status', type: 'varchar', length: 20, comment: 'open, or not_opened when only amendments are known' })
  status!: string;

  @Column({ name: 'opened_on', type: 'varchar', length: 10, nullable: true, comment: 'Paris date of the opening' })
  openedOn!: string | null;

  @Column({
    name: 'deadline_new',
    type: 'varchar',
    length: 10,
    nullable: true,
    comment: 'R-LIFE-DATES: last receivable day of a new application',
  })
  deadlineNew!: string | null;

  @Column({
    name: 'deadline_renewal',
    type: 'varchar',
    length: 10,
    nullable: true,
    comment: 'R-LIFE-DATES: last receivable day of a renewal',
  })
  deadlineRenewal!: string | null;

  @Column({ name: 'amendments', type: 'integer', comment: 'parameter amendments folded' })
  amendments!: number;

  @PostgresType('timestamptz')
  @Column({ name: 'as_of', type: 'varchar', length: 30, comment: 'instant the row answers for: at = knownAt = as_of' })
  asOf!: string;

  @Column({ name: 'last_position', type: 'bigint', comment: 'global position of the last event folded into the row' })
  lastPosition!: string;
}
