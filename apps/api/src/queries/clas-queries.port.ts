import type { ClasQueries } from '@clas/projections';

/** The questions the API asks (ClasQueries in production; tests may hand in another implementation). */
export type ClasQueriesPort = Pick<
  ClasQueries,
  | 'eligibility'
  | 'payablePs'
  | 'projectBilan'
  | 'projectHistory'
  | 'convention'
  | 'departmentalBilan'
  | 'projectLetters'
  | 'letter'
  | 'agreement'
  | 'committee'
  | 'committeeMeeting'
  | 'committeeRanking'
  | 'envelope'
>;
