// Fuzzing the whole pipeline in-process (issue 13): a mutated export through validate, stats, cases and prep as the
// CLI runs them (options → read → core → render → plan → write). Every case ends with exit 0 or 3 and a Swedish
// message — no crash, stack trace, control character on the terminal, output folder after exit 3, invalid XML,
// formula cell, broken mail header or file outside the output folder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, baseExport, count, countOutcome, fileMutation, filesUnder, hostileValue, mutatedExport, numRuns, outcomeProblems, reportCounts, runInProcess, writtenProblems } from './harness.js';

const work = mkdtempSync(join(tmpdir(), 'rehab-fuzz-pipeline-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  reportCounts('pipeline');
});

const base = baseExport(11, 8);
let caseNumber = 0;

function caseFolder(files: Record<string, Buffer>): { root: string; data: string; out: string } {
  caseNumber += 1;
  const root = join(work, String(caseNumber));
  const data = join(root, 'export');
  mkdirSync(data, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(data, name), bytes);
  // No config file in the folder: the run uses the defaults, as on a fresh machine.
  return { root, data, out: join(root, 'ut') };
}

/** Names that end up in folder names, headers, slide titles and table cells: the same hostile text in every row. */
function withHostileNames(text: string, column: string, value: string): string {
  const lines = text.split('\n');
  const index = lines[0]!.split(';').indexOf(column);
  if (index < 0) return text;
  const quoted = /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return lines.map((line, number) => {
    if (number === 0 || line === '') return line;
    const cells = line.split(';');
    // Every other row only, so the hostile name meets ordinary ones in the same run.
    if (number % 2 === 1) cells[index] = quoted;
    return cells.join(';');
  }).join('\n');
}

const NAME_COLUMNS = ['namn', 'forvaltning', 'avdelning', 'verksamhet', 'enhet_id', 'enhet', 'chef_namn'] as const;

async function checkCase(property: string, files: Record<string, Buffer>, commands: readonly string[]): Promise<void> {
  const { root, data, out } = caseFolder(files);
  try {
    for (const command of commands) {
      const args =
        command === 'prep'
          ? ['prep', '--data', data, '--out', out, '--as-of', AS_OF, '--quiet']
          : command.startsWith('stats') || command.startsWith('cases')
            ? [...command.split(' '), '--data', data, '--as-of', AS_OF]
            : [command, '--data', data, '--as-of', AS_OF];
      const result = await runInProcess(args);
      countOutcome(property, `${command.split(' ')[0]} exit ${result.status}`);
      expect(outcomeProblems(result), `${command}: ${result.stderr.slice(0, 300)}`).toEqual([]);
      if (command === 'prep') {
        if (result.status === 3) expect(filesUnder(out)).toEqual([]);
        else expect(await writtenProblems(out)).toEqual([]);
        // Nothing beside the export and the output folder: no file written outside --out.
        expect(readdirSync(root).filter((name) => name !== 'ut')).toEqual(['export']);
      }
      if (command.includes('json') && result.status === 0) expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the whole pipeline on fuzzed exports', () => {
  it('the unchanged base export runs every command with exit 0 and clean documents', async () => {
    await checkCase('base export', mutatedExport(base, []), ['validate', 'stats --format table', 'stats --format json', 'cases --format csv', 'prep']);
  });

  it('property: hostile names in the organisation and manager columns give exit 0 or 3 and clean documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAME_COLUMNS), hostileValue, async (column, value) => {
        count('hostile names through prep');
        countOutcome('hostile names through prep', column);
        const files = mutatedExport(base, []);
        files['anstallda.csv'] = Buffer.from(withHostileNames(base['anstallda.csv'], column, value), 'utf8');
        await checkCase('hostile names through prep', files, ['stats --format table', 'cases --format csv', 'prep']);
      }),
      { numRuns: numRuns(6, 200) },
    );
  });

  it('property: broken exports give exit 0 or 3 in every command, nothing written on 3', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileMutation, { minLength: 1, maxLength: 2 }), async (changes) => {
        count('mutated export through validate, stats, cases, prep');
        await checkCase('mutated export through validate, stats, cases, prep', mutatedExport(base, changes), ['validate', 'stats --format json', 'stats --format csv', 'cases --format table', 'prep']);
      }),
      { numRuns: numRuns(8, 300) },
    );
  });

  it('property: stats and cases on broken exports (no documents, so many more inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileMutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('stats --format table', 'stats --format csv', 'cases --format json', 'cases --format table'), async (changes, command) => {
        count('mutated export through stats or cases');
        await checkCase('mutated export through stats or cases', mutatedExport(base, changes), [command]);
      }),
      { numRuns: numRuns(30, 2_000) },
    );
  });
});
