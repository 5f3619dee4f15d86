/**
 * The questions the bus asks of the stream directory: which projects an operator has
 * (R-CONV-SUPPORT, R-CONV-2), which conventions (R-AGREEMENT-ANNUAL) and which projects a campaign
 * has (R-BUDGET-ENVELOPE), after catching up so that a project filed a moment ago counts.
 * Declared here, narrow, so this layer depends on its question rather than on the projections'
 * main entry (TypeORM entities, the rebuild's worker threads): both StreamDirectory
 * implementations of @clas/projections satisfy it, and the default comes from its TypeORM-free
 * entry, @clas/projections/stream-directory (.dependency-cruiser.cjs checks the reach).
 */
export interface OperatorProjectDirectory {
  catchUp(): Promise<void>;
  /** Project ids, sorted; [] for an operator without projects. */
  projectsOfOperator(operatorId: string): Promise<string[]>;
  /** Convention ids, sorted; [] for an operator without conventions (R-AGREEMENT-ANNUAL: does one cover a project's year?). */
  conventionsOfOperator(operatorId: string): Promise<string[]>;
  /** Project ids of a Caf × school year, sorted (R-BUDGET-ENVELOPE: what the other approved projects commit). */
  projectsOfCampaign(cafCode: string, schoolYear: string): Promise<string[]>;
}
