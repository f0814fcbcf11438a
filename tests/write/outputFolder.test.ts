// The output transaction in one process: lock, staging, hash check at commit, replace only when asked.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { LOCK_FILE, StagedFolder } from '../../src/write/outputFolder.js';

function outFolder(): string {
  return mkdtempSync(join(tmpdir(), 'rehab-out-'));
}

describe('staged output folder', () => {
  it('is invisible until committed, then owner-only', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    const written = folder.write('chefer/E1/fil.txt', 'hej');
    // sha256 of "hej", from `echo -n hej | sha256sum`
    expect(written).toEqual({ path: 'chefer/E1/fil.txt', bytes: 3, sha256: '9c478bf63e9500cb5db1e85ece82f18c8eb9e52e2f9135acd7f10972c8d563ba' });
    expect(existsSync(join(out, '2027-vår'))).toBe(false);
    const finalPath = folder.commit();
    expect(readFileSync(join(finalPath, 'chefer/E1/fil.txt'), 'utf8')).toBe('hej');
    expect(statSync(join(finalPath, 'chefer/E1/fil.txt')).mode & 0o777).toBe(0o600);
    expect(statSync(join(finalPath, 'chefer')).mode & 0o777).toBe(0o700);
    expect(statSync(finalPath).mode & 0o777).toBe(0o700);
    expect(readdirSync(out)).toEqual(['2027-vår']);
  });

  it('a discarded run leaves nothing behind, not even its lock', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('a.txt', 'x');
    expect(readdirSync(out)).toContain(LOCK_FILE);
    folder.discard();
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an existing folder unless asked to replace it', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('ny.txt', 'ny');
    folder.commit();
    expect(() => StagedFolder.create(out, '2027-vår', { replace: false })).toThrow(OutputError);
    writeFileSync(join(out, '2027-vår', 'gammal.txt'), 'gammal');
    const again = StagedFolder.create(out, '2027-vår', { replace: true });
    again.write('ny.txt', 'nyare');
    again.commit();
    expect(readdirSync(join(out, '2027-vår'))).toEqual(['ny.txt']);
    expect(readdirSync(out)).toEqual(['2027-vår']);
  });

  it('one run at a time: a second one in the same --out is refused while the first holds the lock', () => {
    const out = outFolder();
    const first = StagedFolder.create(out, '2027-vår', { replace: false });
    let refusal: unknown;
    try {
      StagedFolder.create(out, '2027-höst', { replace: false });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(OutputError);
    expect((refusal as Error).message).toMatch(new RegExp(`skriver redan i .* \\(sedan \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}, process ${process.pid}\\)`));
    first.write('a.txt', 'a');
    first.commit();
    // Released at commit: the next run may go.
    StagedFolder.create(out, '2027-höst', { replace: false }).discard();
  });

  it('a folder that appears during the run is kept and the run fails', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('ny.txt', 'ny');
    mkdirSync(join(out, '2027-vår'));
    writeFileSync(join(out, '2027-vår', 'ifylld.xlsx'), 'HR:s anteckningar');
    expect(() => folder.commit()).toThrow(/skapades av någon annan/);
    expect(readFileSync(join(out, '2027-vår', 'ifylld.xlsx'), 'utf8')).toBe('HR:s anteckningar');
    expect(readdirSync(out)).toEqual(['2027-vår']);
  });

  it('a file missing or changed at commit fails the run and moves nothing into place', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('a.txt', 'a');
    folder.write('b/c.txt', 'c');
    rmSync(join(folder.stagingPath, 'b', 'c.txt'));
    expect(() => folder.commit()).toThrow(/1 av 2 filer .* stämmer inte \(b\/c\.txt saknas\)/);
    expect(readdirSync(out)).toEqual([]);

    const changed = StagedFolder.create(out, '2027-vår', { replace: false });
    changed.write('a.txt', 'a');
    writeFileSync(join(changed.stagingPath, 'a.txt'), 'b');
    expect(() => changed.commit()).toThrow(/a\.txt har ändrats/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a staging folder removed mid-run is not recreated: the next write fails', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('a.txt', 'a');
    rmSync(folder.stagingPath, { recursive: true });
    expect(() => folder.write('Chefer/E1/b.txt', 'b')).toThrow(OutputError);
    folder.discard();
    expect(readdirSync(out)).toEqual([]);
  });

  it('cleans up what a dead run left: its lock, its staging folder, a half-done replacement', () => {
    const out = outFolder();
    // A pid that cannot be running: above the kernel's pid_max (at most 2^22).
    const dead = 4_999_999;
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), startedAt: '2027-02-10T07:00:00.000Z' }));
    mkdirSync(join(out, `.2027-vår.pagar-${dead}-1`));
    writeFileSync(join(out, `.2027-vår.pagar-${dead}-1`, 'halvfärdig.xlsx'), 'x');
    // Killed between moving the old folder aside and moving the new one in.
    mkdirSync(join(out, `.2026-höst.gammal-${dead}`));
    writeFileSync(join(out, `.2026-höst.gammal-${dead}`, 'ifylld.xlsx'), 'HR:s anteckningar');
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('a.txt', 'a');
    folder.commit();
    expect(readdirSync(out).sort()).toEqual(['2026-höst', '2027-vår']);
    expect(readFileSync(join(out, '2026-höst', 'ifylld.xlsx'), 'utf8')).toBe('HR:s anteckningar');
  });

  it('creates --out and its missing parents as 0700', () => {
    const base = outFolder();
    const out = join(base, 'a', 'b');
    StagedFolder.create(out, '2027-vår', { replace: false }).discard();
    expect(statSync(join(base, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(out).mode & 0o777).toBe(0o700);
  });

  it('the manifest hash of a file is the hash of its bytes on disk', () => {
    const out = outFolder();
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    const content = Buffer.from([0, 1, 2, 255]);
    const file = folder.write('x.bin', content);
    const finalPath = folder.commit();
    expect(file.sha256).toBe(createHash('sha256').update(readFileSync(join(finalPath, 'x.bin'))).digest('hex'));
  });
});
