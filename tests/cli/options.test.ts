// Each command's options step reports every missing or wrong flag at once (exit 2), before reading anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

// A working folder without rehab.config.json, so only the flags are wrong.
const cwd = mkdtempSync(`${tmpdir()}/rehab-options-`);

describe('the options step of each command', () => {
  it.each([
    ['prep', ['prep', '--as-of', '20270230'], [
      'rehab: --data måste anges: mappen med exportfilerna',
      'rehab: --out måste anges: mappen där underlaget skrivs',
      'rehab: --as-of: ogiltigt datum (20270230), ange ÅÅÅÅ-MM-DD',
    ]],
    ['aggregate', ['aggregate'], [
      'rehab: --data måste anges: mappen med exportfilerna',
      'rehab: --workbooks måste anges: mappen med HR:s ifyllda arbetsböcker',
      'rehab: --out måste anges: mappen där analysen skrivs',
    ]],
    ['cases', ['cases', '--format', 'xlsx', '--as-of', '1899-12-31'], [
      'rehab: --data måste anges: mappen med exportfilerna',
      'rehab: --as-of: datumet 1899-12-31 ligger utanför 1900-01-01 – 2199-12-31',
      'rehab: --format: ogiltigt värde (xlsx), välj ett av: table, json, csv',
    ]],
    ['calendar', ['calendar', '--months', '0', '--format', 'csv'], [
      'rehab: --months: ange ett heltal från 1 till 60 (0)',
      'rehab: --format: ogiltigt värde (csv), välj ett av: text, json',
    ]],
  ])('%s', (_name, args, lines) => {
    const result = runCli(args, { cwd });
    expect(result.stderr.trim().split('\n')).toEqual(lines);
    expect(result.status).toBe(2);
  });

  it('--help lists the choices in Swedish', () => {
    const help = runCli(['stats', '--help']).stdout;
    expect(help).toContain('(välj: table, json, csv)');
    expect(help).not.toContain('choices');
  });
});
