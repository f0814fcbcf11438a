import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { StagedFolder } from '../../src/write/outputFolder.js';

describe('staged output folder', () => {
  it('is invisible until committed, then owner-only', () => {
    const out = mkdtempSync(join(tmpdir(), 'rehab-out-'));
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    const written = folder.write('chefer/E1/fil.txt', 'hej');
    // sha256 of "hej", from `echo -n hej | sha256sum`
    expect(written).toEqual({ path: 'chefer/E1/fil.txt', bytes: 3, sha256: '9c478bf63e9500cb5db1e85ece82f18c8eb9e52e2f9135acd7f10972c8d563ba' });
    expect(existsSync(join(out, '2027-vår'))).toBe(false);
    const finalPath = folder.commit();
    expect(readFileSync(join(finalPath, 'chefer/E1/fil.txt'), 'utf8')).toBe('hej');
    expect(statSync(join(finalPath, 'chefer/E1/fil.txt')).mode & 0o777).toBe(0o600);
    expect(statSync(finalPath).mode & 0o777).toBe(0o700);
    expect(readdirSync(out)).toEqual(['2027-vår']);
  });

  it('a discarded run leaves nothing behind', () => {
    const out = mkdtempSync(join(tmpdir(), 'rehab-out-'));
    const folder = StagedFolder.create(out, '2027-vår', { replace: false });
    folder.write('a.txt', 'x');
    folder.discard();
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an existing folder unless asked to replace it', () => {
    const out = mkdtempSync(join(tmpdir(), 'rehab-out-'));
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
});
