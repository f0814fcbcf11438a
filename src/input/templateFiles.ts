// Template files live under templates/; --templates DIR overrides any of them file by file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

export const BUNDLED_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

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
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new ConfigError(`Mallen ${relativePath} kan inte läsas (${path}).`, '--templates');
  }
}
