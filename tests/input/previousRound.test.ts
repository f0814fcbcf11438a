import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readPreviousRound } from '../../src/input/previousRound.js';

const root = mkdtempSync(join(tmpdir(), 'rehab-previous-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folderWith(name: string, manifest: string | null): string {
  const dir = mkdtempSync(join(root, `${name}-`));
  if (manifest !== null) writeFileSync(join(dir, 'manifest.json'), manifest);
  return dir;
}

function messageOf(folder: string): string {
  try {
    readPreviousRound(folder);
  } catch (error) {
    if (error instanceof InputError) return error.formatLines().join('\n');
    throw error;
  }
  throw new Error('expected an InputError');
}

const counts = (operation: string, cases: number, casesWithoutGaps: number) => ({
  operation, cases, casesWithoutGaps,
  gapsByCheck: { certificate: 1, healthTalk: 0, returnPlan: 0, activity: 2 },
  assessments: { systematic: casesWithoutGaps, partial: 0, needs_support: cases - casesWithoutGaps },
});

describe('readPreviousRound', () => {
  it('reads the checklist counts per verksamhet of a prep or aggregate manifest', () => {
    const folder = folderWith('prep', JSON.stringify({ tool: 'rehab', command: 'prep', period: '2027-vår', asOf: '2027-02-15', checklist: [counts('Hemtjänst', 4, 1), counts('Boende', 0, 0)] }));
    expect(readPreviousRound(folder)).toEqual({ period: '2027-vår', asOf: '2027-02-15', counts: [counts('Hemtjänst', 4, 1), counts('Boende', 0, 0)] });
  });

  it('refuses a folder without a manifest, a manifest that is not rehab\'s and one without counts, naming the file', () => {
    const missing = folderWith('none', null);
    expect(messageOf(missing)).toBe(`${join(missing, 'manifest.json')}: --previous: manifest.json finns inte eller kan inte läsas: ange mappen från en tidigare körning av rehab prep eller rehab aggregate`);
    expect(messageOf(folderWith('other', JSON.stringify({ tool: 'annat' })))).toMatch(/filen är inte ett manifest från rehab$/);
    expect(messageOf(folderWith('old', JSON.stringify({ tool: 'rehab', period: '2026-höst' })))).toMatch(/saknar ärendenas räkning per verksamhet/);
    expect(messageOf(folderWith('broken', '{ inte json'))).toMatch(/manifest.json är inte giltig JSON$/);
    expect(messageOf(folderWith('bad', JSON.stringify({ tool: 'rehab', checklist: [{ operation: 'A', cases: 2, casesWithoutGaps: 3 }] })))).toMatch(/ofullständig/);
  });
});
