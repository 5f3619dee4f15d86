import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The tours are run by newcomers on a clean clone, copying the shell blocks in order: a file a
// block reads must be in the repository or written by an earlier block of the same page.
const TOURS = ['README.md', 'docs/tour.md'];

/** The ```sh / ```bash blocks of a Markdown page, in order. */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:sh|bash)\n([\s\S]*?)^```/gm)].map((match) => match[1]);
}

// A relative path with an extension (not `application/json`, not a URL: those have no extension
// or start with `$`), with the few characters before it that say whether it is written or read.
const FILE =
  /(>>?\s*|\btee\s+|--out\s+|[A-Z_]+=)?(?<=^|[\s@"'(=<>])((?:\.{0,2}\/)?[\w-]+(?:[./][\w-]+)*\.(?:json|ndjson|txt|pem|csv|sh|sqlite))(?=$|[\s")'|;])/gm;

/** Files the blocks read that neither exist under `root` nor were written by an earlier block. */
function missingFiles(markdown: string, root: string): string[] {
  const written = new Set<string>();
  const missing: string[] = [];
  for (const block of shellBlocks(markdown)) {
    for (const [, writer, path] of block.matchAll(FILE)) {
      if (writer !== undefined) written.add(path);
      else if (!written.has(path) && !existsSync(join(root, path))) missing.push(path);
    }
  }
  return missing;
}

describe('the tours (README "A tour", docs/tour.md) run on a clean clone', () => {
  it.each(TOURS)('every file %s reads is in the repository or written earlier by the tour itself', (page) => {
    expect(missingFiles(readFileSync(page, 'utf8'), process.cwd())).toEqual([]);
  });

  it('finds a file read with curl -d @, $(cat …), < or as an argument, and accepts one written by >, tee, --out or an environment path', () => {
    const page = [
      '```sh',
      'npm run --silent clas -- demo | tee demo.txt',
      'source <(grep "^export" demo.txt)',
      'curl -s -H \'Content-Type: application/json\' -d @application.json "$API/projects/p/application"',
      'curl -s -d "{\\"data\\": $(cat docs/examples/varsovie-application.json)}" "$API/x"',
      'npm run --silent clas -- export --out log.ndjson',
      'CLAS_SQLITE_PATH=./data/copy.sqlite npm run --silent clas -- restore log.ndjson',
      'npm run --silent clas -- seal-key > seal-public.pem && npm run --silent clas -- verify --public-key seal-public.pem',
      'npm run --silent clas -- import commands.ndjson < input.txt',
      '```',
    ].join('\n');
    expect(missingFiles(page, process.cwd())).toEqual(['application.json', 'commands.ndjson', 'input.txt']);
  });
});
