// rehab init writes a starter folder: every file is checked first, so an existing file stops the run before
// anything is written (unless --force); the files are the user's to edit, so they get ordinary permissions.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OutputError } from '../errors.js';

export interface StarterFile {
  /** Relative to the starter folder, with '/' separators; a path ending in '/' is an (empty) folder. */
  path: string;
  content: string;
}

export function writeStarterFolder(folder: string, files: readonly StarterFile[], options: { force: boolean }): string[] {
  const root = resolve(folder);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new OutputError(`${root} finns redan och är ingen mapp.`, root);
  const existing = files.filter((file) => !file.path.endsWith('/') && existsSync(join(root, file.path)));
  if (existing.length > 0 && !options.force) {
    const shown = existing.slice(0, 5).map((file) => file.path).join(', ');
    const more = existing.length > 5 ? ` och ${existing.length - 5} till` : '';
    throw new OutputError(`Filerna finns redan i ${root}: ${shown}${more}. Ingenting har skrivits. Kör med --force för att skriva över dem med nya startfiler.`, root);
  }
  const written: string[] = [];
  for (const file of files) {
    const target = join(root, file.path);
    try {
      if (file.path.endsWith('/')) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content, 'utf8');
      written.push(file.path);
    } catch {
      throw new OutputError(`Det går inte att skriva ${target}.`, target);
    }
  }
  return written;
}
