/**
 * A fact as the rules see it: a value plus the ids of the events it was folded from.
 * Projections fill these from the log; the rules copy the ids into every Explanation
 * (R-PS-EXPLAIN, §3 "with the facts (event ids) it used").
 */
export interface Sourced<T> {
  readonly value: T;
  readonly eventIds: readonly string[];
}

export function sourced<T>(value: T, eventIds: readonly string[] = []): Sourced<T> {
  return { value, eventIds };
}

/** Event ids of several facts, de-duplicated, in first-seen order (absent facts are skipped). */
export function eventIdsOf(...facts: ReadonlyArray<{ readonly eventIds: readonly string[] } | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const fact of facts) {
    if (!fact) continue;
    for (const id of fact.eventIds) seen.add(id);
  }
  return [...seen];
}

/**
 * Union of event-id lists, de-duplicated, in first-seen order: facts arrive in log order, so the
 * ids read chronologically, and the same facts always give the same list. (Not sorted: a project's
 * attendance carries thousands of ids, and sorting them on every figure dominated the run time.)
 */
export function unionIds(lists: Iterable<readonly string[]>): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const id of list) all.add(id);
  return [...all];
}

/** The event ids of a list of sourced facts (an iterable, so long lists are not spread as arguments). */
export function idsOf(facts: Iterable<{ readonly eventIds: readonly string[] }>): string[] {
  const lists: (readonly string[])[] = [];
  for (const f of facts) lists.push(f.eventIds);
  return unionIds(lists);
}

/** A count of facts, sourced by those facts. */
export function countOf(facts: readonly { readonly eventIds: readonly string[] }[]): Sourced<number> {
  return { value: facts.length, eventIds: idsOf(facts) };
}
