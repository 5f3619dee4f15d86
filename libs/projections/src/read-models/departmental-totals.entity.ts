import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DepartmentalMeasures } from './departmental-measures.js';
import { PostgresType } from './postgres-column-types.js';

/**
 * R-BILAN-4 totals per Caf × school year. Distinct counts (projects, operators) cannot be added
 * up from rm_departmental_figures (a project with collège and lycée collectifs appears in two
 * rows), so the totals are their own table.
 */
@Entity({
  name: 'rm_departmental_totals',
  comment:
    'R-BILAN-4 departmental bilan totals: one row per Caf x school year, approved projects only; amounts in integer cents; the row is the answer at at = knownAt = as_of',
})
export class DepartmentalTotalsEntity extends DepartmentalMeasures {
  @PrimaryColumn({ name: 'caf_code', type: 'varchar', comment: 'département code of the Caf: 11, 2A, 974', length: 3 })
  cafCode!: string;

  /** The Caf's name beside its code, for people reading the table ("Caf de l'Aude"). */
  @Column({ name: 'caf_name', type: 'varchar', length: 60, comment: "name of the Caf, e.g. Caf de l'Aude" })
  cafName!: string;

  @PrimaryColumn({ name: 'school_year', type: 'varchar', comment: 'school year of the campaign, e.g. 2026-2027', length: 9 })
  schoolYear!: string;

  /** R-BUDGET-ENVELOPE: per Caf × year only (an envelope is not split over territories). */
  @Column({
    name: 'envelope_cents',
    type: 'bigint',
    nullable: true,
    comment:
      'R-BUDGET-ENVELOPE Clas envelope of the Caf for the school year in force (set + amendments), integer cents; null = none recorded (decisions not checked)',
  })
  envelopeCents!: string | null;

  @Column({
    name: 'remaining_cents',
    type: 'bigint',
    nullable: true,
    comment:
      'R-BUDGET-ENVELOPE envelope_cents - committed_cents, integer cents; negative when decisions were recorded beyond it with an override; null without an envelope (consumed = ps_paid_cents)',
  })
  remainingCents!: string | null;

  /** Approved projects with no bilan filed yet (counted with their computed activity). */
  @Column({ name: 'bilans_missing', type: 'integer', comment: 'approved projects with no bilan filed yet' })
  bilansMissing!: number;

  /** ISO-8601 UTC text on SQLite, timestamptz on PostgreSQL. */
  @PostgresType('timestamptz')
  @Column({
    name: 'as_of',
    type: 'varchar',
    length: 30,
    comment: 'instant the row answers for: the departmental bilan at at = knownAt = as_of (latest occurredAt/recordedAt of the facts used)',
  })
  asOf!: string;
}
