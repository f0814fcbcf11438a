// Output is a transaction (SPEC §7). A run locks its --out folder, writes into a hidden staging folder beside the
// target, checks every file against the hash it recorded, and only then renames the staging folder into place.
// It never moves or deletes a folder it did not create unless --replace says so (and then the old one goes only
// after the new one is in place); what a killed run leaves (lock, staging folder, half-done replacement) is cleaned
// up by the next run, which says so. Folders are 0700 and files 0600 whatever the umask.
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OutputError } from '../errors.js';
import { writeMessage } from './output.js';

export interface WrittenFile {
  /** Path relative to the run folder, with '/' separators. */
  path: string;
  bytes: number;
  sha256: string;
}

/** The lock file in the --out folder: one run at a time writes there. */
export const LOCK_FILE = '.rehab-las';

interface LockContent {
  pid: number;
  host: string;
  /** ISO instant. */
  startedAt: string;
}

const STAGING_MARK = '.pagar-';
const BACKUP_MARK = '.gammal-';
/** Exit codes after a signal, as shells report them (128 + signal number). */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** A lock file without readable content younger than this is a run between creating and filling it. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'fel';
}

/** Creates every missing folder of `path` as 0700 (mkdir's recursive mode is subject to the umask and skips chmod). */
function makeFolders(path: string): void {
  const missing: string[] = [];
  for (let current = path; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of missing) {
    mkdirSync(folder, { mode: FOLDER_MODE });
    chmodSync(folder, FOLDER_MODE);
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

function readLock(path: string): LockContent | null {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    if (typeof content.pid !== 'number' || typeof content.host !== 'string' || typeof content.startedAt !== 'string') return null;
    return { pid: content.pid, host: content.host, startedAt: content.startedAt };
  } catch {
    return null;
  }
}

/** '2027-02-10 08:30' in the machine's time zone: what a user compares with the clock on the wall. */
function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** pid of a staging or backup folder's name (`.2027-vår.pagar-1234-…`, `.2027-vår.gammal-1234`), or null. */
function leftoverOf(entry: string): { kind: 'staging' | 'backup'; target: string; pid: number } | null {
  const match = /^\.(.+)\.(pagar|gammal)-(\d+)(?:-\d+)?$/.exec(entry);
  if (!match) return null;
  return { kind: match[2] === 'pagar' ? 'staging' : 'backup', target: match[1]!, pid: Number(match[3]) };
}

export class StagedFolder {
  readonly parent: string;
  readonly finalPath: string;
  readonly stagingPath: string;
  readonly written: WrittenFile[] = [];
  private readonly lockPath: string;
  private readonly replace: boolean;
  private finished = false;
  private readonly onSignal: Partial<Record<keyof typeof SIGNAL_EXIT, () => void>> = {};

  private constructor(parent: string, name: string, replace: boolean) {
    this.parent = parent;
    this.finalPath = join(parent, name);
    this.stagingPath = join(parent, `.${name}${STAGING_MARK}${process.pid}-${Date.now()}`);
    this.lockPath = join(parent, LOCK_FILE);
    this.replace = replace;
  }

  /**
   * Locks OUT, cleans what a killed run left there, refuses an existing OUT/<name> unless replace is set, and
   * creates the staging folder. SIGINT/SIGTERM from now on remove the staging folder and the lock, then exit 130/143.
   */
  static create(outDir: string, name: string, options: { replace: boolean }): StagedFolder {
    const parent = resolve(outDir);
    try {
      makeFolders(parent);
      if (!statSync(parent).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new OutputError(`Utmappen ${parent} kan inte skapas.`, parent);
    }
    const folder = new StagedFolder(parent, name, options.replace);
    folder.lock();
    try {
      folder.cleanLeftovers();
      if (existsSync(folder.finalPath) && !options.replace) {
        throw new OutputError(
          `Mappen ${folder.finalPath} finns redan. Flytta den, eller kör med --replace för att ersätta den (ifyllda filer i den försvinner då).`,
          folder.finalPath,
        );
      }
      try {
        mkdirSync(folder.stagingPath, { mode: FOLDER_MODE });
        chmodSync(folder.stagingPath, FOLDER_MODE);
      } catch {
        throw new OutputError(`Det går inte att skriva i ${parent}.`, parent);
      }
      folder.trapSignals();
    } catch (error) {
      folder.discard();
      throw error;
    }
    return folder;
  }

  private lock(): void {
    const content: LockContent = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      let descriptor: number;
      try {
        descriptor = openSync(this.lockPath, 'wx', FILE_MODE);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw new OutputError(`Det går inte att skriva i ${this.parent} (${errorCode(error)}).`, this.parent);
        const holder = readLock(this.lockPath);
        const justCreated = holder === null && Date.now() - mtimeMs(this.lockPath) < UNREADABLE_LOCK_GRACE_MS;
        if (justCreated || (holder && (holder.host !== content.host || isAlive(holder.pid)))) {
          const since = holder ? localTime(holder.startedAt) : localTime(new Date(mtimeMs(this.lockPath)).toISOString());
          const where = !holder ? 'en körning som just startar' : holder.host === content.host ? `process ${holder.pid}` : `process ${holder.pid} på datorn ${holder.host}`;
          throw new OutputError(
            `En annan körning av rehab skriver redan i ${this.parent} (sedan ${since}, ${where}). ` +
              `Vänta tills den är klar. Om ingen sådan körning pågår: ta bort filen ${this.lockPath}.`,
            this.lockPath,
          );
        }
        // The holder is gone (or its lock was cut short by a crash): take the lock over. Moving it aside is atomic,
        // so of two runs that both found it stale only one gets it; the other tries again and meets the winner's lock.
        const aside = `${this.lockPath}.${process.pid}`;
        try {
          renameSync(this.lockPath, aside);
        } catch {
          continue;
        }
        const moved = readLock(aside);
        if (moved && holder && (moved.pid !== holder.pid || moved.startedAt !== holder.startedAt)) {
          // Someone took it over between our look and our move: give the lock back and meet it on the next try.
          try {
            linkSync(aside, this.lockPath);
          } finally {
            rmSync(aside, { force: true });
          }
          continue;
        }
        rmSync(aside, { force: true });
        const what = holder ? ` (process ${holder.pid}, startad ${localTime(holder.startedAt)})` : '';
        writeMessage(`rehab: en tidigare körning${what} avslutades utan att städa; dess låsfil i ${this.parent} togs bort.`);
        continue;
      }
      try {
        writeSync(descriptor, `${JSON.stringify(content)}\n`);
      } finally {
        closeSync(descriptor);
      }
      chmodSync(this.lockPath, FILE_MODE);
      return;
    }
    throw new OutputError(`Låsfilen ${this.lockPath} kan inte skapas.`, this.lockPath);
  }

  /** Holding the lock, every staging or backup folder in OUT belongs to a run that no longer runs. */
  private cleanLeftovers(): void {
    for (const entry of readdirSync(this.parent)) {
      // A lock moved aside by a run killed while taking over a stale one.
      if (entry.startsWith(`${LOCK_FILE}.`) && /^\d+$/.test(entry.slice(LOCK_FILE.length + 1))) rmSync(join(this.parent, entry), { force: true });
      const leftover = leftoverOf(entry);
      if (!leftover) continue;
      const path = join(this.parent, entry);
      const target = join(this.parent, leftover.target);
      if (leftover.kind === 'staging') {
        rmSync(path, { recursive: true, force: true });
        writeMessage(`rehab: tog bort ${path}, som en avbruten körning (process ${leftover.pid}) lämnade efter sig.`);
      } else if (!existsSync(target)) {
        // Killed between moving the old folder aside and moving the new one in: the old one goes back.
        renameSync(path, target);
        writeMessage(`rehab: återställde ${target}, som en avbruten körning (process ${leftover.pid}) höll på att ersätta.`);
      } else {
        // The new folder is in place: the old one was to go, as --replace asked.
        rmSync(path, { recursive: true, force: true });
        writeMessage(`rehab: tog bort ${path}, den ersatta mappen som en avbruten körning (process ${leftover.pid}) lämnade kvar.`);
      }
    }
  }

  private trapSignals(): void {
    for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) {
      const handler = (): void => {
        this.discard();
        writeMessage('rehab: avbruten. Ingenting har skrivits.');
        // The one exit outside the entry: a signal ends the process here, after cleaning up.
        process.exit(SIGNAL_EXIT[signal]);
      };
      this.onSignal[signal] = handler;
      process.on(signal, handler);
    }
  }

  private untrapSignals(): void {
    for (const [signal, handler] of Object.entries(this.onSignal)) process.off(signal, handler);
  }

  write(relativePath: string, content: Buffer | string): WrittenFile {
    if (this.finished) throw new Error('staged folder already committed or discarded');
    const target = resolve(this.stagingPath, relativePath);
    if (!target.startsWith(this.stagingPath + sep)) throw new Error(`path escapes the run folder: ${relativePath}`);
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    try {
      // Subfolders only: a staging folder removed by someone else is not silently recreated.
      const folders = relative(this.stagingPath, dirname(target)).split(sep).filter(Boolean);
      let folder = this.stagingPath;
      if (!existsSync(folder)) throw Object.assign(new Error('staging folder gone'), { code: 'ENOENT' });
      for (const part of folders) {
        folder = join(folder, part);
        if (!existsSync(folder)) {
          mkdirSync(folder, { mode: FOLDER_MODE });
          chmodSync(folder, FOLDER_MODE);
        }
      }
      const descriptor = openSync(target, 'wx', FILE_MODE);
      try {
        writeSync(descriptor, buffer);
      } finally {
        closeSync(descriptor);
      }
      chmodSync(target, FILE_MODE);
    } catch (error) {
      throw new OutputError(`Filen ${relativePath} kan inte skrivas i ${this.stagingPath} (${errorCode(error)}). Ingenting har skrivits.`, target);
    }
    const file: WrittenFile = {
      path: relative(this.stagingPath, target).split(sep).join('/'),
      bytes: buffer.length,
      sha256: createHash('sha256').update(buffer).digest('hex'),
    };
    this.written.push(file);
    return file;
  }

  /** Every file written is still in `root` with the bytes it was written with; throws OutputError naming what is not. */
  verify(root: string = this.stagingPath): void {
    const problems: string[] = [];
    for (const file of this.written) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, ...file.path.split('/')));
      } catch {
        problems.push(`${file.path} saknas`);
        continue;
      }
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) problems.push(`${file.path} har ändrats`);
    }
    if (problems.length > 0) {
      const shown = problems.slice(0, 5).join(', ') + (problems.length > 5 ? ` och ${problems.length - 5} till` : '');
      throw new OutputError(
        `Körningen kunde inte slutföras: ${problems.length} av ${this.written.length} filer i ${root} stämmer inte (${shown}). Ingenting har skrivits.`,
        root,
      );
    }
  }

  /** Verifies, then moves the finished folder into place; an old folder goes only with replace, after the new one is in. */
  commit(): string {
    if (this.finished) throw new Error('staged folder already committed or discarded');
    try {
      this.verify();
    } catch (error) {
      this.discard();
      throw error;
    }
    const backup = join(this.parent, `.${relative(this.parent, this.finalPath)}${BACKUP_MARK}${process.pid}`);
    let movedAside = false;
    let placed = false;
    try {
      if (existsSync(this.finalPath)) {
        if (!this.replace) {
          throw new OutputError(
            `Mappen ${this.finalPath} skapades av någon annan medan underlaget togs fram (en annan körning, eller återställda filer). ` +
              'Den har lämnats orörd och ingenting har skrivits. Kör igen, eller med --replace för att ersätta den.',
            this.finalPath,
          );
        }
        renameSync(this.finalPath, backup);
        movedAside = true;
      }
      renameSync(this.stagingPath, this.finalPath);
      placed = true;
      chmodSync(this.finalPath, FOLDER_MODE);
      // Checked again where it now is: a file removed in the instant between check and rename is no success either.
      this.verify(this.finalPath);
    } catch (error) {
      // Ours goes if it went in but is not whole; the old folder (if moved aside) comes back.
      if (placed) rmSync(this.finalPath, { recursive: true, force: true });
      if (movedAside && !existsSync(this.finalPath)) renameSync(backup, this.finalPath);
      this.discard();
      if (error instanceof OutputError) throw error;
      throw new OutputError(`Mappen ${this.finalPath} kan inte skapas (${errorCode(error)}). Ingenting har skrivits.`, this.finalPath);
    }
    if (movedAside) rmSync(backup, { recursive: true, force: true });
    this.finish();
    return this.finalPath;
  }

  /** Removes the staging folder and the lock (after a failure or a signal); a committed folder stays. */
  discard(): void {
    if (this.finished) return;
    rmSync(this.stagingPath, { recursive: true, force: true });
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    this.untrapSignals();
    const holder = readLock(this.lockPath);
    if (holder && holder.pid === process.pid && holder.host === hostname()) rmSync(this.lockPath, { force: true });
  }
}
