// The user guide's pictures must show the current documents: scripts/render-pictures.mjs records the sha256 of
// every template and renderer it rendered from; this test recomputes them on its own (git keeps no mtimes).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/runCli.js';

interface PictureRecord {
  bilder: string[];
  kallor: string;
  filer: Record<string, string>;
}

const record = JSON.parse(readFileSync(join(PROJECT_ROOT, 'docs/bilder/kallor.json'), 'utf8')) as PictureRecord;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]));
}

function currentHashes(): Record<string, string> {
  const files = ['templates', 'src/render'].flatMap((folder) => filesUnder(join(PROJECT_ROOT, folder))).map((file) => relative(PROJECT_ROOT, file).split('\\').join('/')).sort();
  return Object.fromEntries(files.map((file) => [file, createHash('sha256').update(readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex')]));
}

describe('docs/bilder: the pictures of the user guide', () => {
  it('were made from the current templates and renderers (else run: npm run pictures)', () => {
    const current = currentHashes();
    const changed = Object.keys({ ...current, ...record.filer }).filter((file) => current[file] !== record.filer[file]);
    expect(changed, 'Bilderna i docs/bilder är äldre än dessa mallar/renderare. Kör: npm run pictures').toEqual([]);
    const combined = createHash('sha256').update(Object.entries(current).map(([file, hash]) => `${file} ${hash}\n`).join('')).digest('hex');
    expect(record.kallor).toBe(combined);
  });

  it('are PNG pages of a readable size, each shown in the README', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(record.bilder.length).toBeGreaterThanOrEqual(9);
    for (const name of record.bilder) {
      const png = readFileSync(join(PROJECT_ROOT, 'docs/bilder', name));
      expect(png.subarray(0, 8).toString('hex'), name).toBe('89504e470d0a1a0a');
      // IHDR: width and height as big-endian 32-bit numbers at bytes 16 and 20.
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(width, name).toBeGreaterThanOrEqual(500);
      expect(width, name).toBeLessThanOrEqual(1400);
      expect(height, name).toBeGreaterThanOrEqual(150);
      expect(readme, name).toContain(`(docs/bilder/${name})`);
    }
  });
});
