// npm run bench: times the built CLI on generated data sets of growing size (median wall time, peak memory, exit code).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateExport } from '../fixtures/generator.js';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(PROJECT_ROOT, 'bin', 'rehab.js');
const GNU_TIME = '/usr/bin/time';
const AS_OF = '2027-02-01';
const SEED = 1;

interface RunResult {
  wallSeconds: number;
  /** Peak resident set size in kB, or null without GNU time. */
  maxRssKb: number | null;
  exitCode: number | null;
  stderr: string;
}

interface Row {
  employments: number;
  command: string;
  medianSeconds: number;
  maxRssKb: number | null;
  exitCodes: (number | null)[];
  firstError: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function runOnce(args: string[], scratch: string): RunResult {
  const useTime = existsSync(GNU_TIME);
  const timeFile = join(scratch, 'time.txt');
  const [command, commandArgs] = useTime
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, CLI, ...args]]
    : [process.execPath, [CLI, ...args]];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, {
    cwd: PROJECT_ROOT,
    // Results go nowhere: the bench measures the work, not a pipe to this process.
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let maxRssKb: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (match) maxRssKb = Number(match[1]);
    rmSync(timeFile, { force: true });
  }
  const stderr = result.error ? String(result.error.message) : (result.stderr ?? '');
  return { wallSeconds, maxRssKb, exitCode: result.status, stderr };
}

function commandsFor(dataDir: string, scratch: string): { label: string; args: () => string[] }[] {
  const config = join(dataDir, 'rehab.config.json');
  const common = ['--data', dataDir, '--as-of', AS_OF, '--config', config];
  return [
    { label: 'validate', args: () => ['validate', ...common, '--format', 'json'] },
    { label: 'stats', args: () => ['stats', ...common, '--format', 'json'] },
    { label: 'cases', args: () => ['cases', ...common, '--format', 'json'] },
    // A fresh output folder for every run, so no run finds the previous run's files.
    { label: 'prep', args: () => ['prep', ...common, '--out', mkdtempSync(join(scratch, 'prep-')), '--json'] },
  ];
}

function formatTable(rows: Row[], runs: number): string {
  const header = ['anställningar', 'kommando', `median (s, ${runs} körn.)`, 'max RSS (MB)', 'status'];
  const lines = rows.map((row) => {
    const failed = row.exitCodes.some((code) => code !== 0);
    const codes = [...new Set(row.exitCodes.map((code) => (code === null ? 'ingen' : String(code))))].join('/');
    return [
      row.employments.toLocaleString('sv-SE'),
      row.command,
      row.medianSeconds.toFixed(2),
      row.maxRssKb === null ? '–' : (row.maxRssKb / 1024).toFixed(0),
      failed ? `misslyckades (kod ${codes})` : 'ok (kod 0)',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]): string => cells.map((cell, column) => (column <= 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } },
    strict: true,
  });
  const sizes = (values.sizes ?? '1000,5000,20000').split(',').map(Number);
  const runs = Number(values.runs ?? '3');
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('bench: --sizes ska vara heltal åtskilda med komma och --runs ett positivt heltal\n');
    process.exitCode = 2;
    return;
  }
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'cli', 'index.js'))) process.stderr.write('bench: dist/ saknas (kör npm run build); kommandona kommer att misslyckas.\n');
  if (!existsSync(GNU_TIME)) process.stderr.write(`bench: ${GNU_TIME} finns inte; bara väggtid mäts.\n`);

  const scratch = mkdtempSync(join(tmpdir(), 'rehab-bench-'));
  const rows: Row[] = [];
  try {
    for (const employments of sizes) {
      const dataDir = join(scratch, `data-${employments}`);
      const started = process.hrtime.bigint();
      const generated = generateExport({ seed: SEED, employments, asOf: AS_OF });
      mkdirSync(dataDir, { recursive: true });
      for (const [name, bytes] of Object.entries(generated.files)) writeFileSync(join(dataDir, name), bytes);
      writeFileSync(join(dataDir, 'rehab.config.json'), JSON.stringify(generated.config, null, 2));
      const sizeKb = Object.keys(generated.files).reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0) / 1024;
      process.stderr.write(
        `Genererade ${employments} anställningar (${sizeKb.toFixed(0)} kB CSV) på ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s.\n`,
      );
      for (const command of commandsFor(dataDir, scratch)) {
        const results: RunResult[] = [];
        for (let run = 0; run < runs; run++) results.push(runOnce(command.args(), scratch));
        const rss = results.map((result) => result.maxRssKb).filter((value): value is number => value !== null);
        const failure = results.find((result) => result.exitCode !== 0);
        rows.push({
          employments,
          command: command.label,
          medianSeconds: median(results.map((result) => result.wallSeconds)),
          maxRssKb: rss.length > 0 ? Math.max(...rss) : null,
          exitCodes: results.map((result) => result.exitCode),
          firstError: failure ? (failure.stderr.trim().split('\n')[0] ?? '') : '',
        });
        process.stderr.write(`  ${command.label}: klar\n`);
      }
    }
  } finally {
    if (values.keep) process.stderr.write(`Data och utdata finns kvar i ${scratch}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }

  process.stdout.write(`\nrehab bench: as-of ${AS_OF}, seed ${SEED}, Node ${process.version}\n\n${formatTable(rows, runs)}\n`);
  const failures = rows.filter((row) => row.firstError !== '');
  if (failures.length > 0) {
    process.stdout.write('\nFel (första raden av stderr):\n');
    for (const row of failures) process.stdout.write(`  ${row.employments} ${row.command}: ${row.firstError}\n`);
  }
}

main();
