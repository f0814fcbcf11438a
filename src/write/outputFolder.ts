// Atomic, private output (SPEC §7): everything is written into a hidden staging folder that is renamed into
// place only when the whole run succeeded; files are owner-only. A failed run leaves nothing behind.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OutputError } from '../errors.js';

export interface WrittenFile {
  /** Path relative to the run folder, with '/' separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export class StagedFolder {
  readonly finalPath: string;
  readonly stagingPath: string;
  readonly written: WrittenFile[] = [];
  private committed = false;

  private constructor(finalPath: string, stagingPath: string) {
    this.finalPath = finalPath;
    this.stagingPath = stagingPath;
  }

  /** Prepares OUT/<name>; refuses an existing folder unless replace is set. */
  static create(outDir: string, name: string, options: { replace: boolean }): StagedFolder {
    const parent = resolve(outDir);
    const finalPath = join(parent, name);
    if (existsSync(finalPath) && !options.replace) {
      throw new OutputError(
        `Mappen ${finalPath} finns redan. Flytta den, eller kör med --ersatt för att ersätta den (ifyllda filer i den försvinner då).`,
        finalPath,
      );
    }
    try {
      mkdirSync(parent, { recursive: true });
      if (!statSync(parent).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new OutputError(`Utmappen ${parent} kan inte skapas.`, parent);
    }
    const stagingPath = join(parent, `.${name}.pagar-${process.pid}-${Date.now()}`);
    try {
      mkdirSync(stagingPath, { mode: 0o700 });
    } catch {
      throw new OutputError(`Det går inte att skriva i ${parent}.`, parent);
    }
    return new StagedFolder(finalPath, stagingPath);
  }

  write(relativePath: string, content: Buffer | string): WrittenFile {
    if (this.committed) throw new Error('staged folder already committed');
    const target = resolve(this.stagingPath, relativePath);
    if (!target.startsWith(this.stagingPath + sep)) throw new Error(`path escapes the run folder: ${relativePath}`);
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    try {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, buffer, { mode: 0o600 });
      chmodSync(target, 0o600);
    } catch (error) {
      throw new OutputError(`Filen ${relativePath} kan inte skrivas (${(error as NodeJS.ErrnoException).code ?? 'fel'}).`, target);
    }
    const file: WrittenFile = {
      path: relative(this.stagingPath, target).split(sep).join('/'),
      bytes: buffer.length,
      sha256: createHash('sha256').update(buffer).digest('hex'),
    };
    this.written.push(file);
    return file;
  }

  /** Moves the finished folder into place (replacing an old one only when allowed at create). */
  commit(): string {
    const backup = `${this.finalPath}.gammal-${process.pid}`;
    try {
      if (existsSync(this.finalPath)) renameSync(this.finalPath, backup);
      renameSync(this.stagingPath, this.finalPath);
      chmodSync(this.finalPath, 0o700);
      if (existsSync(backup)) rmSync(backup, { recursive: true, force: true });
    } catch (error) {
      if (existsSync(backup) && !existsSync(this.finalPath)) renameSync(backup, this.finalPath);
      throw new OutputError(`Mappen ${this.finalPath} kan inte skapas (${(error as NodeJS.ErrnoException).code ?? 'fel'}).`, this.finalPath);
    }
    this.committed = true;
    return this.finalPath;
  }

  /** Removes the staging folder after a failure. */
  discard(): void {
    if (!this.committed) rmSync(this.stagingPath, { recursive: true, force: true });
  }
}
