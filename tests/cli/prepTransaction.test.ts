// rehab prep's output as a transaction (SPEC §7), attacked from outside: a second run, a folder that appears, a
// staging folder that disappears, SIGKILL, SIGINT, SIGTERM, umask 000. REHAB_TEST_PAUSE_BEFORE_COMMIT (test only)
// holds a run with every file staged, the moment where interference does the most harm.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_COMMAND, fixturePath, runCli, startCli } from '../helpers/runCli.js';
import { spawnSync } from 'node:child_process';

const DATA = fixturePath('scenarios', 'cases-basic');
const PERIOD = '2027-vår';
const LOCK = '.rehab-las';
// 3 managers × (xlsx, pptx, eml) + 3 leadership decks + manifest.
const FILES_IN_RUN = 13;

function prepArgs(out: string): string[] {
  return ['prep', '--data', DATA, '--out', out, '--as-of', '2027-02-10'];
}

function newOut(): string {
  return join(mkdtempSync(join(tmpdir(), 'rehab-tx-')), 'ut');
}

/** Starts a run that waits before its commit until `go()` is called, and resolves once every file of it is staged. */
async function pausedRun(out: string) {
  const goFile = join(mkdtempSync(join(tmpdir(), 'rehab-go-')), 'go');
  const run = startCli(prepArgs(out), { env: { REHAB_TEST_PAUSE_BEFORE_COMMIT: `until:${goFile}` } });
  const go = (): void => writeFileSync(goFile, '');
  for (let waited = 0; waited < 240_000; waited += 100) {
    const staging = existsSync(out) ? readdirSync(out).find((entry) => entry.startsWith(`.${PERIOD}.pagar-`)) : undefined;
    if (staging && existsSync(join(out, staging, 'manifest.json'))) return { ...run, go, staging: join(out, staging) };
    if (run.child.exitCode !== null) throw new Error(`run ended early: ${(await run.done).stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('run never reached its commit');
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('rehab prep output under attack', { timeout: 300_000 }, () => {
  it('two runs into one --out: the second is refused (exit 4, since when), the first completes', async () => {
    const out = newOut();
    const first = await pausedRun(out);
    const second = runCli(prepArgs(out));
    first.go();
    expect(second.status).toBe(4);
    expect(second.stderr).toMatch(/En annan körning av rehab skriver redan i .* \(sedan \d{4}-\d{2}-\d{2} \d{2}:\d{2}, process \d+\)/);
    const result = await first.done;
    expect(result.stderr).toContain('Filerna finns i');
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toEqual([PERIOD]);
    expect(filesUnder(join(out, PERIOD))).toHaveLength(FILES_IN_RUN);
  });

  it('a period folder that appears during the run is kept untouched and the run fails (exit 4)', async () => {
    const out = newOut();
    const run = await pausedRun(out);
    mkdirSync(join(out, PERIOD));
    writeFileSync(join(out, PERIOD, 'ifylld.xlsx'), 'HR:s anteckningar');
    run.go();
    const result = await run.done;
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('skapades av någon annan');
    expect(readdirSync(out)).toEqual([PERIOD]);
    expect(readdirSync(join(out, PERIOD))).toEqual(['ifylld.xlsx']);
    expect(readFileSync(join(out, PERIOD, 'ifylld.xlsx'), 'utf8')).toBe('HR:s anteckningar');
  });

  it('a staging folder deleted during the run fails it (exit 4): nothing is committed, nothing reported as done', async () => {
    const out = newOut();
    const run = await pausedRun(out);
    rmSync(run.staging, { recursive: true });
    run.go();
    const result = await run.done;
    expect(result.status).toBe(4);
    expect(result.stderr).toContain(`${FILES_IN_RUN} av ${FILES_IN_RUN} filer`);
    expect(result.stderr).not.toContain('Filerna finns i');
    expect(readdirSync(out)).toEqual([]);
  });

  it('after SIGKILL the next run cleans up the lock and the staging folder, says so, and succeeds', async () => {
    const out = newOut();
    const run = await pausedRun(out);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    // What a killed run leaves: its lock and a hidden folder of health data.
    expect(readdirSync(out).sort()).toEqual([LOCK, run.staging.slice(out.length + 1)].sort());
    const again = runCli(prepArgs(out));
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('avslutades utan att städa; dess låsfil');
    expect(again.stderr).toContain(`tog bort ${run.staging}`);
    expect(readdirSync(out)).toEqual([PERIOD]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the staging folder and the lock and exits %i', async (signal, code) => {
    const out = newOut();
    const run = await pausedRun(out);
    run.child.kill(signal);
    const result = await run.done;
    expect(result.status).toBe(code);
    expect(result.stderr).toContain('avbruten. Ingenting har skrivits.');
    expect(readdirSync(out)).toEqual([]);
  });

  it('under umask 000 every folder it creates, --out included, is 0700 and every file 0600', () => {
    const base = mkdtempSync(join(tmpdir(), 'rehab-umask-'));
    const out = join(base, 'ny', 'ut');
    const quoted = [...CLI_COMMAND, ...prepArgs(out)].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(' ');
    const result = spawnSync('/bin/sh', ['-c', `umask 000 && exec ${quoted}`], { encoding: 'utf8' });
    expect(result.stderr).toContain('Filerna finns i');
    expect(result.status).toBe(0);
    const folders = [join(base, 'ny'), out, ...readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name))];
    expect(folders.length).toBeGreaterThanOrEqual(2 + 1 + 2 + 3);
    for (const folder of folders) expect((statSync(folder).mode & 0o777).toString(8), folder).toBe('700');
    const files = filesUnder(out);
    expect(files).toHaveLength(FILES_IN_RUN);
    for (const file of files) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
  });
});
