import type { Role } from '@clas/application';

/** Project- and convention-level answers (child-level detail): not dashboards (aggregates only). */
export const DETAIL_READERS: Role[] = ['caf_agent', 'committee', 'operator', 'auditor'];
/** Departmental aggregates: the Caf side and dashboards; operators see their own projects only. */
export const AGGREGATE_READERS: Role[] = ['caf_agent', 'committee', 'auditor', 'dashboard'];
/** The committee's record and ranking: the Caf, the committee and auditors (not dashboards: files are named). */
export const COMMITTEE_READERS: Role[] = ['caf_agent', 'committee', 'auditor'];
/** The log in global order (opaque ids only): dashboards and auditors. */
export const FEED_READERS: Role[] = ['dashboard', 'auditor'];
/** Lists of campaigns and operators (legal entities, no child-level data): every role, scoped. */
export const LIST_READERS: Role[] = ['caf_agent', 'committee', 'operator', 'auditor', 'dashboard'];
