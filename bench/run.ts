// npm run bench (issue 14): the built CLI on seeded, generated exports of an administration and a city, against
// plain csv-parse reading the same files. Median of several runs, CPU and peak memory per run, ratios, a doubling
// run (half city vs city) and start-up (`--version` vs `node -e 0`). Prints a table and writes the figures as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { BENCH_SCALE, generateExport } from '../fixtures/generator.js';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(PROJECT_ROOT, 'bin', 'rehab.js');
const BASELINE = join(PROJECT_ROOT, 'bench', 'csvParseBaseline.mjs');
const GNU_TIME = '/usr/bin/time';
const AS_OF = '2027-02-01';
const SEED = 1;
const EXPORT_FILES = ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv'] as const;

/** The two scales of issue 14 and the half city for the doubling run. */
const SCALES = {
  administration: 6_000,
  halfCity: 30_000,
  city: 60_000,
} as const;
type ScaleName = keyof typeof SCALES;

interface RunResult {
  wallSeconds: number;
  /** user + system CPU seconds, or null without GNU time. */
  cpuSeconds: number | null;
  /** Peak resident set size in kB, or null without GNU time. */
  maxRssKb: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

interface Measurement {
  scale: ScaleName | 'start-up';
  employments: number | null;
  command: string;
  runs: number;
  medianWallSeconds: number;
  medianCpuSeconds: number | null;
  maxRssMiB: number | null;
  /** CPU (else wall) median divided by the baseline's of the same scale. */
  ratioToBaseline: number | null;
  /** prep only: managers in the run, wall and CPU milliseconds per manager. */
  managers?: number;
  msPerManager?: number;
  cpuMsPerManager?: number;
  exitCodes: (number | null)[];
  firstError: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function runOnce(command: string, args: string[], scratch: string, keepStdout = false): RunResult {
  const useTime = existsSync(GNU_TIME);
  const timeFile = join(scratch, 'time.txt');
  const [program, programArgs] = useTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(program, programArgs, {
    cwd: PROJECT_ROOT,
    // Results are thrown away unless needed: the bench measures the work, not a pipe to this process.
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  let cpuSeconds: number | null = null;
  let maxRssKb: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const match = /(\d+\.\d+) (\d+\.\d+) (\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
    if (match) {
      cpuSeconds = Number(match[1]) + Number(match[2]);
      maxRssKb = Number(match[3]);
    }
    rmSync(timeFile, { force: true });
  }
  const stderr = result.error ? String(result.error.message) : (result.stderr ?? '');
  return { wallSeconds, cpuSeconds, maxRssKb, exitCode: result.status, stdout: result.stdout ?? '', stderr };
}

interface Step {
  command: string;
  program: string;
  args: () => string[];
  runs: number;
  keepStdout?: boolean;
}

function measure(step: Step, scale: Measurement['scale'], employments: number | null, scratch: string): { measurement: Measurement; results: RunResult[] } {
  const results: RunResult[] = [];
  for (let run = 0; run < step.runs; run++) results.push(runOnce(step.program, step.args(), scratch, step.keepStdout));
  const cpu = results.map((result) => result.cpuSeconds).filter((value): value is number => value !== null);
  const rss = results.map((result) => result.maxRssKb).filter((value): value is number => value !== null);
  const failure = results.find((result) => result.exitCode !== 0);
  process.stderr.write(`  ${scale} ${step.command}: ${median(results.map((result) => result.wallSeconds)).toFixed(2)} s\n`);
  return {
    results,
    measurement: {
      scale,
      employments,
      command: step.command,
      runs: step.runs,
      medianWallSeconds: median(results.map((result) => result.wallSeconds)),
      medianCpuSeconds: cpu.length === results.length ? median(cpu) : null,
      maxRssMiB: rss.length > 0 ? Math.max(...rss) / 1024 : null,
      ratioToBaseline: null,
      exitCodes: results.map((result) => result.exitCode),
      firstError: failure ? (failure.stderr.trim().split('\n')[0] ?? '') : '',
    },
  };
}

/** `rehab aggregate` is measured when the built CLI lists it in its help. */
function hasCommand(name: string): boolean {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout ?? '';
  return new RegExp(`^\\s+${name}\\b`, 'm').test(help);
}

function stepsFor(dataDir: string, scratch: string, runs: number, prepRuns: number, withAggregate: boolean): Step[] {
  const config = join(dataDir, 'rehab.config.json');
  const common = ['--data', dataDir, '--as-of', AS_OF, '--config', config];
  const node = process.execPath;
  // aggregate reads back the workbooks of the latest prep run (its one period folder), as the process leader would.
  let lastPrepOut = '';
  const periodFolder = (): string => join(lastPrepOut, readdirSync(lastPrepOut).find((name) => !name.startsWith('.')) ?? '');
  const steps: Step[] = [
    { command: 'csv-parse (baseline)', program: node, args: () => [BASELINE, ...EXPORT_FILES.map((name) => join(dataDir, name))], runs },
    { command: 'validate', program: node, args: () => [CLI, 'validate', ...common, '--format', 'json'], runs },
    { command: 'stats', program: node, args: () => [CLI, 'stats', ...common, '--format', 'json'], runs },
    { command: 'cases', program: node, args: () => [CLI, 'cases', ...common, '--format', 'json'], runs },
    // A fresh output folder for every run, so no run finds the previous run's files.
    {
      command: 'prep',
      program: node,
      args: () => {
        lastPrepOut = mkdtempSync(join(scratch, 'prep-'));
        return [CLI, 'prep', ...common, '--out', lastPrepOut, '--json'];
      },
      runs: prepRuns,
      keepStdout: true,
    },
  ];
  if (withAggregate) {
    steps.push({ command: 'aggregate', program: node, args: () => [CLI, 'aggregate', ...common, '--workbooks', periodFolder(), '--out', mkdtempSync(join(scratch, 'aggregate-'))], runs: prepRuns });
  }
  return steps;
}

function writeData(scratch: string, employments: number): string {
  const dataDir = join(scratch, `data-${employments}`);
  if (existsSync(dataDir)) return dataDir;
  const started = process.hrtime.bigint();
  const generated = generateExport({ seed: SEED, employments, asOf: AS_OF, scale: BENCH_SCALE });
  mkdirSync(dataDir, { recursive: true });
  for (const [name, bytes] of Object.entries(generated.files)) writeFileSync(join(dataDir, name), bytes);
  writeFileSync(join(dataDir, 'rehab.config.json'), JSON.stringify(generated.config, null, 2));
  const sizeMb = EXPORT_FILES.reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0) / 1024 / 1024;
  const lines = (name: string): number => generated.files[name as (typeof EXPORT_FILES)[number]].toString('utf8').split('\n').length - 2;
  process.stderr.write(
    `Genererade ${employments} anställningar: ${lines('sjukfranvaro.csv')} sjukfrånvarorader, ${lines('rehabarenden.csv')} ärenden, ` +
      `${generated.unitManagers.length} chefer, ${sizeMb.toFixed(1)} MB CSV på ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s.\n`,
  );
  return dataDir;
}

function formatTable(rows: Measurement[]): string {
  const header = ['skala', 'kommando', 'körn.', 'median vägg (s)', 'median CPU (s)', '× baslinje', 'max RSS (MiB)', 'ms/chef vägg', 'ms/chef CPU', 'status'];
  const lines = rows.map((row) => {
    const failed = row.exitCodes.some((code) => code !== 0);
    const codes = [...new Set(row.exitCodes.map((code) => (code === null ? 'ingen' : String(code))))].join('/');
    return [
      row.employments === null ? row.scale : `${row.scale} ${row.employments.toLocaleString('sv-SE')}`,
      row.command,
      String(row.runs),
      row.medianWallSeconds.toFixed(2),
      row.medianCpuSeconds === null ? '–' : row.medianCpuSeconds.toFixed(2),
      row.ratioToBaseline === null ? '–' : row.ratioToBaseline.toFixed(2),
      row.maxRssMiB === null ? '–' : row.maxRssMiB.toFixed(0),
      row.msPerManager === undefined ? '' : row.msPerManager.toFixed(1),
      row.cpuMsPerManager === undefined ? '' : row.cpuMsPerManager.toFixed(1),
      failed ? `fel (kod ${codes})` : 'ok',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]): string => cells.map((cell, column) => (column <= 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const number = Number(value ?? fallback);
  return Number.isInteger(number) && number >= 1 ? number : NaN;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      'prep-runs': { type: 'string' },
      quick: { type: 'boolean' },
      scales: { type: 'string' },
      'no-doubling': { type: 'boolean' },
      json: { type: 'string' },
      keep: { type: 'boolean' },
    },
    strict: true,
  });
  const quick = values.quick === true;
  const runs = positiveInteger(values.runs, quick ? 1 : 3);
  const prepRuns = positiveInteger(values['prep-runs'], 1);
  const scales = (values.scales ?? 'administration,city').split(',') as ScaleName[];
  if (Number.isNaN(runs) || Number.isNaN(prepRuns) || scales.some((scale) => !(scale in SCALES))) {
    process.stderr.write(
      'bench: --runs och --prep-runs ska vara positiva heltal, --scales en lista av administration, halfCity, city\n' +
        'Användning: npm run bench -- [--quick] [--runs N] [--prep-runs N] [--scales administration,city] [--no-doubling] [--json FIL] [--keep]\n',
    );
    process.exitCode = 2;
    return;
  }
  const doubling = !quick && values['no-doubling'] !== true && scales.includes('city');
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'cli', 'index.js'))) process.stderr.write('bench: dist/ saknas (kör npm run build); kommandona kommer att misslyckas.\n');
  if (!existsSync(GNU_TIME)) process.stderr.write(`bench: ${GNU_TIME} finns inte; bara väggtid mäts (inga CPU- eller minnessiffror).\n`);
  const withAggregate = hasCommand('aggregate');

  const scratch = mkdtempSync(join(tmpdir(), 'rehab-bench-'));
  const rows: Measurement[] = [];
  const doublingRows: { command: string; halfCitySeconds: number; citySeconds: number; ratio: number }[] = [];
  try {
    const startUpRuns = Math.max(runs, 5);
    const nodeOnly = measure({ command: 'node -e 0', program: process.execPath, args: () => ['-e', '0'], runs: startUpRuns }, 'start-up', null, scratch).measurement;
    const version = measure({ command: 'rehab --version', program: process.execPath, args: () => [CLI, '--version'], runs: startUpRuns }, 'start-up', null, scratch).measurement;
    version.ratioToBaseline = version.medianWallSeconds / nodeOnly.medianWallSeconds;
    rows.push(nodeOnly, version);

    const measured = doubling ? [...new Set<ScaleName>([...scales.filter((scale) => scale !== 'city'), 'halfCity', 'city'])] : scales;
    for (const scale of measured) {
      const employments = SCALES[scale];
      const dataDir = writeData(scratch, employments);
      // The half city only serves the doubling run: the commands that grow with the data.
      const steps = stepsFor(dataDir, scratch, runs, prepRuns, withAggregate).filter(
        (step) => scale !== 'halfCity' || scales.includes('halfCity') || ['csv-parse (baseline)', 'stats', 'cases', 'prep'].includes(step.command),
      );
      let baseline: Measurement | null = null;
      for (const step of steps) {
        const { measurement, results } = measure(step, scale, employments, scratch);
        if (step.command === 'csv-parse (baseline)') baseline = measurement;
        else if (baseline) {
          measurement.ratioToBaseline =
            measurement.medianCpuSeconds !== null && baseline.medianCpuSeconds !== null
              ? measurement.medianCpuSeconds / baseline.medianCpuSeconds
              : measurement.medianWallSeconds / baseline.medianWallSeconds;
        }
        if (step.command === 'prep') {
          const summary = results.map((result) => /"managers":\s*(\d+)/.exec(result.stdout)).find((match) => match !== null);
          if (summary) {
            measurement.managers = Number(summary[1]);
            measurement.msPerManager = (measurement.medianWallSeconds * 1000) / measurement.managers;
            if (measurement.medianCpuSeconds !== null) measurement.cpuMsPerManager = (measurement.medianCpuSeconds * 1000) / measurement.managers;
          }
        }
        rows.push(measurement);
      }
    }
    if (doubling) {
      for (const command of ['csv-parse (baseline)', 'stats', 'cases', 'prep']) {
        const half = rows.find((row) => row.scale === 'halfCity' && row.command === command);
        const full = rows.find((row) => row.scale === 'city' && row.command === command);
        if (!half || !full) continue;
        const seconds = (row: Measurement): number => row.medianCpuSeconds ?? row.medianWallSeconds;
        doublingRows.push({ command, halfCitySeconds: seconds(half), citySeconds: seconds(full), ratio: seconds(full) / seconds(half) });
      }
    }
  } finally {
    if (values.keep) process.stderr.write(`Data och utdata finns kvar i ${scratch}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'okänd processor'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB minne, Node ${process.version}`;
  const lines = [`rehab bench: seed ${SEED}, as-of ${AS_OF}, ${machine}`, '', formatTable(rows)];
  if (doublingRows.length > 0) {
    lines.push('', 'Fördubbling (30 000 → 60 000 anställningar, CPU-tid):');
    for (const row of doublingRows) lines.push(`  ${row.command.padEnd(22)} ${row.halfCitySeconds.toFixed(2)} s → ${row.citySeconds.toFixed(2)} s = ${row.ratio.toFixed(2)}×`);
  }
  const failures = rows.filter((row) => row.firstError !== '');
  if (failures.length > 0) {
    lines.push('', 'Fel (första raden av stderr):');
    for (const row of failures) lines.push(`  ${row.scale} ${row.command}: ${row.firstError}`);
  }
  const jsonPath = resolve(values.json ?? join(tmpdir(), 'rehab-bench.json'));
  writeFileSync(jsonPath, `${JSON.stringify({ seed: SEED, asOf: AS_OF, machine, measurements: rows, doubling: doublingRows }, null, 2)}\n`);
  lines.push('', `JSON: ${jsonPath}`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

main();
