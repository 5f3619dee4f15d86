import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { GENERATED_FILE, generatedFile, responseSchemas } from './generate-response-schemas.js';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Issue 12 §2: the answers' TypeScript types are the declarations; their served schemas are derived, never edited. */
describe('response-schemas.generated.ts', () => {
  it('is what the generator derives from the ResponseTypes today (run `npm run contract:generate` after changing an answer type)', () => {
    const committed = readFileSync(`${root}/${GENERATED_FILE}`, 'utf8');
    expect(generatedFile(responseSchemas(root))).toBe(committed);
  }, 60_000);
});
