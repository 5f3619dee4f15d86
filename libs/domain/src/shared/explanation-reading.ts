import type { Explanation } from './recorded-event.js';

/**
 * Reading an explanation tree back, for the renderers that turn it into text: the tree is the one
 * derivation, so a summary reads its figures there instead of computing them a second time. A
 * missing node or field is a programming error (the rule that builds the tree changed), not an
 * expected failure.
 */
export function explanationNodes(tree: Explanation, ruleId: string): Explanation[] {
  const own = tree.ruleId === ruleId ? [tree] : [];
  return [...own, ...(tree.children ?? []).flatMap((child) => explanationNodes(child, ruleId))];
}

export function explanationNode(tree: Explanation, ruleId: string): Explanation {
  const [node] = explanationNodes(tree, ruleId);
  if (!node) throw new Error(`explanation ${tree.ruleId} has no ${ruleId} node`);
  return node;
}

function fieldOf(record: unknown, key: string): unknown {
  if (typeof record !== 'object' || record === null) throw new Error(`explanation field ${key}: not an object`);
  return (record as Record<string, unknown>)[key];
}

export function numberField(record: unknown, key: string): number {
  const value = fieldOf(record, key);
  if (typeof value !== 'number') throw new Error(`explanation field ${key} is not a number`);
  return value;
}

export function stringField(record: unknown, key: string): string {
  const value = fieldOf(record, key);
  if (typeof value !== 'string') throw new Error(`explanation field ${key} is not a string`);
  return value;
}

export function booleanField(record: unknown, key: string): boolean {
  const value = fieldOf(record, key);
  if (typeof value !== 'boolean') throw new Error(`explanation field ${key} is not a boolean`);
  return value;
}

export function arrayField(record: unknown, key: string): unknown[] {
  const value = fieldOf(record, key);
  if (!Array.isArray(value)) throw new Error(`explanation field ${key} is not an array`);
  return value as unknown[];
}

/** A `{ num, den }` rate field. */
export function rateField(record: unknown, key: string): { num: number; den: number } {
  const value = fieldOf(record, key);
  return { num: numberField(value, 'num'), den: numberField(value, 'den') };
}

export function optionalStringField(record: unknown, key: string): string | null {
  const value = fieldOf(record, key);
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Error(`explanation field ${key} is not a string`);
  return value;
}
