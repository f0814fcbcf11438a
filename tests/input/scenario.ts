// Builds small datasets in a temporary folder from the utf8-bom scenario, with rows replaced or added.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '../helpers/runCli.js';

export type InputFile = 'anstallda.csv' | 'sjukfranvaro.csv' | 'rehabarenden.csv';

/** Header and rows of a file of fixtures/scenarios/utf8-bom (the BOM dropped). */
export function baseLines(file: InputFile): string[] {
  return readFileSync(fixturePath('scenarios', 'utf8-bom', file), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n');
}

/** A folder with the three files; a file given as null is left out. Lines are joined with \n. */
export function tempDataset(files: Partial<Record<InputFile, string[] | null>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rehab-input-'));
  for (const file of ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv'] as const) {
    const lines = files[file] === undefined ? baseLines(file) : files[file];
    if (lines !== null) writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
  }
  return dir;
}
