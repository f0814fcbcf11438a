// Template files live under templates/; --templates DIR overrides any of them file by file.
// In the single executable the bundled templates are strings compiled in (embeddedTemplates.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';
import { EMBEDDED_TEMPLATES } from './embeddedTemplates.js';

export const BUNDLED_TEMPLATES_DIR = EMBEDDED_TEMPLATES ? '(inbyggda mallar)' : fileURLToPath(new URL('../../templates', import.meta.url));

/** Path of a template (relative to templates/), taken from overrideDir when it has the file. */
export function templatePath(relativePath: string, overrideDir?: string): string {
  if (overrideDir) {
    const overridden = join(overrideDir, relativePath);
    if (existsSync(overridden)) return overridden;
  }
  return join(BUNDLED_TEMPLATES_DIR, relativePath);
}

export function readTemplate(relativePath: string, overrideDir?: string): string {
  const path = templatePath(relativePath, overrideDir);
  const embedded = path.startsWith(BUNDLED_TEMPLATES_DIR) ? EMBEDDED_TEMPLATES?.[relativePath] : undefined;
  if (embedded !== undefined) return embedded;
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new ConfigError(`Mallen ${relativePath} kan inte läsas (${path}).`, '--templates');
  }
}

/** Every bundled template file, as paths relative to templates/ with '/' separators, sorted. */
export function listBundledTemplates(folder = ''): string[] {
  const prefix = folder ? `${folder}/` : '';
  if (EMBEDDED_TEMPLATES) return Object.keys(EMBEDDED_TEMPLATES).filter((path) => path.startsWith(prefix)).sort();
  const walk = (relative: string): string[] =>
    readdirSync(join(BUNDLED_TEMPLATES_DIR, relative), { withFileTypes: true }).flatMap((entry) => {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? walk(path) : [path];
    });
  return walk(folder).sort();
}

/** The files of one template folder: from overrideDir when it has the folder (then only its files), else the bundled ones. */
export function readTemplateFolder(
  folder: string, overrideDir: string | undefined, wanted: (name: string) => boolean,
): { dir: string; files: { name: string; path: string; content: string }[] } {
  const dir = templatePath(folder, overrideDir);
  const embedded = EMBEDDED_TEMPLATES;
  if (dir.startsWith(BUNDLED_TEMPLATES_DIR) && embedded) {
    const files = listBundledTemplates(folder).filter((path) => !path.slice(folder.length + 1).includes('/') && wanted(path.slice(folder.length + 1)));
    return { dir, files: files.map((path) => ({ name: path.slice(folder.length + 1), path: join(BUNDLED_TEMPLATES_DIR, path), content: embedded[path]! })) };
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`Mappen med mallar saknas (${dir}).`, '--templates');
  const names = readdirSync(dir).filter((name) => wanted(name) && statSync(join(dir, name)).isFile());
  return {
    dir,
    files: names.map((name) => {
      const path = join(dir, name);
      try {
        return { name, path, content: readFileSync(path, 'utf8') };
      } catch {
        throw new ConfigError(`Mallen ${path} kan inte läsas.`, '--templates');
      }
    }),
  };
}
