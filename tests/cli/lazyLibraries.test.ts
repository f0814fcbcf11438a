// stats, cases, validate and calendar start without the document libraries: they are loaded when a document is
// written (src/write/applyPlan.ts) or an HR workbook is read (src/input/hrWorkbookReader.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, fixturePath } from '../helpers/runCli.js';

// Every module the CLI imports passes this resolve hook (module.register, Node ≥ 20.6): it logs the resolved URLs.
const HOOKS = `
  import { appendFileSync } from 'node:fs';
  export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    appendFileSync(process.env.REHAB_TEST_MODULE_LOG, resolved.url + '\\n');
    return resolved;
  }`;

/** Runs the built CLI in a child and lists the document libraries it imported. */
function librariesLoaded(args: string[]): { status: number | null; libraries: string[] } {
  const log = join(mkdtempSync(join(tmpdir(), 'rehab-modules-')), 'modules.txt');
  writeFileSync(log, '');
  const script = `
    import { register } from 'node:module';
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
    const { run } = await import(${JSON.stringify(`${PROJECT_ROOT}dist/cli/main.js`)});
    process.exitCode = await run(${JSON.stringify(args)});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, REHAB_TEST_MODULE_LOG: log } });
  const urls = readFileSync(log, 'utf8');
  expect(urls).toContain('dist/cli/main.js');
  return { status: result.status, libraries: LIBRARIES.filter((name) => urls.includes(`/node_modules/${name}/`)) };
}

const LIBRARIES = ['exceljs', 'pptxgenjs', 'jszip', 'nodemailer', 'ics', 'handlebars'];
const DATA = ['--data', fixturePath('scenarios', 'cases-basic'), '--as-of', '2027-02-10'];

describe('document libraries load lazily', () => {
  it.each([
    ['stats', ['stats', ...DATA, '--format', 'json']],
    ['cases', ['cases', ...DATA, '--format', 'json']],
    ['validate', ['validate', ...DATA]],
    ['calendar', ['calendar', '--as-of', '2027-02-10']],
  ])('%s loads none', (_name, args) => {
    expect(librariesLoaded(args)).toEqual({ status: 0, libraries: [] });
  });

  it('prep loads those it writes with, and without meeting times not ics (the check can see them)', () => {
    const out = mkdtempSync(join(tmpdir(), 'rehab-lazy-'));
    const { status, libraries } = librariesLoaded(['prep', ...DATA, '--out', out, '--replace']);
    expect(status).toBe(0);
    expect(libraries).toEqual(['exceljs', 'pptxgenjs', 'jszip', 'nodemailer', 'handlebars']);
  });

  it('`rehab --version` alone loads no library and no command, only the version', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'rehab-modules-')), 'modules.txt');
    writeFileSync(log, '');
    const script = `
      import { register } from 'node:module';
      register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
      process.argv = [process.argv[0], 'rehab', '--version'];
      await import(${JSON.stringify(`${PROJECT_ROOT}dist/cli/index.js`)});`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, REHAB_TEST_MODULE_LOG: log } });
    expect(result.stdout).toBe(`${JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version}\n`);
    const loaded = readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:'));
    expect(loaded.map((url) => url.slice(url.indexOf('/dist/')))).toEqual(['/dist/cli/index.js', '/dist/cli/version.js']);
  });
});
