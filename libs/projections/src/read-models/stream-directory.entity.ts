import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which streams exist and what they belong to, so a time-travel question about one project or
 * one campaign reads only the streams it needs (architecture.md, "Time travel") without a scan.
 */
@Entity({ name: 'rm_stream_directory' })
@Index('rm_stream_directory_project', ['projectId'])
@Index('rm_stream_directory_campaign', ['campaignKey'])
@Index('rm_stream_directory_operator', ['operatorId'])
@Index('rm_stream_directory_kind_project', ['kind', 'projectId'])
export class StreamDirectoryEntity {
  @PrimaryColumn({ name: 'stream_id', type: 'varchar', length: 200 })
  streamId!: string;

  /** campaign | operator | project | collectif | convention */
  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 100, nullable: true })
  projectId!: string | null;

  /** "<caf>:<school year>", e.g. "11:2026-2027". */
  @Column({ name: 'campaign_key', type: 'varchar', length: 20, nullable: true })
  campaignKey!: string | null;

  @Column({ name: 'operator_id', type: 'varchar', length: 100, nullable: true })
  operatorId!: string | null;

  @Column({ name: 'caf_code', type: 'varchar', length: 3, nullable: true })
  cafCode!: string | null;

  @Column({ name: 'school_year', type: 'varchar', length: 9, nullable: true })
  schoolYear!: string | null;

  /** Conventions only: the projects the convention covers, JSON array text. */
  @Column({ name: 'project_ids', type: 'text', nullable: true })
  projectIds!: string | null;

  /** Global position of the stream's first event. */
  @Column({ name: 'first_position', type: 'bigint' })
  firstPosition!: string;
}
