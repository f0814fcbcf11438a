// Fuzzing options and the config file (issue 13: "every option range-checked"): any flags with any values, and any
// rehab.config.json, end with exit 0, 2 (usage or config, in Swedish) or 3 — never "oväntat fel".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, baseExport, count, countOutcome, hostileValue, mutatedExport, numRuns, outcomeProblems, reportCounts, runInProcess } from './harness.js';

const work = mkdtempSync(join(tmpdir(), 'rehab-fuzz-options-'));
const data = join(work, 'export');
mkdirSync(data);
for (const [name, bytes] of Object.entries(mutatedExport(baseExport(3, 6), []))) writeFileSync(join(data, name), bytes);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  reportCounts('options');
});

const dateLike = fc.oneof(
  fc.constantFrom('2027-02-10', '20270210', '2027-02-30', '1900-01-01', '2199-12-31', '1899-12-31', '2200-01-01', '0000-01-01', '9999-12-31', '2027-2-1', '', ' ', '-1', 'i dag'),
  fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2300-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);
const numberLike = fc.oneof(fc.constantFrom('0', '1', '6', '60', '61', '20000', '-3', '1.5', '1e3', '0x10', '', 'sex', '99999999999999999999'), fc.nat(100_000).map(String));
const value = fc.oneof(dateLike, numberLike, hostileValue, fc.constantFrom('table', 'json', 'csv', 'text', 'enhet', 'all', 'x'));

const FLAGS: Record<string, fc.Arbitrary<string>> = {
  '--as-of': dateLike, '--from': dateLike, '--to': dateLike, '--months': numberLike,
  '--format': value, '--level': value, '--manager': value, '--chef': value,
};
const COMMANDS: Record<string, readonly string[]> = {
  stats: ['--as-of', '--from', '--to', '--months', '--format', '--level'],
  cases: ['--as-of', '--format', '--manager', '--chef'],
  validate: ['--as-of', '--format'],
  calendar: ['--as-of', '--months', '--format'],
};

const argv = fc.constantFrom(...Object.keys(COMMANDS)).chain((command) =>
  fc
    .array(fc.constantFrom(...COMMANDS[command]!).chain((flag) => FLAGS[flag]!.map((text) => [flag, text])), { maxLength: 4 })
    .map((pairs) => [command, ...(command === 'calendar' ? [] : ['--data', data]), ...pairs.flat()]),
);

describe('options and config files', () => {
  it('property: any flags with any values end with exit 0, 2 or 3 and a Swedish message', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        count('command-line options');
        const result = await runInProcess(args);
        countOutcome('command-line options', `exit ${result.status}`);
        expect(outcomeProblems(result, [0, 2, 3]), JSON.stringify(args)).toEqual([]);
        if (result.status === 2) expect(result.stderr).toMatch(/^rehab: /);
      }),
      { numRuns: numRuns(60, 10_000) },
    );
  });

  const KEYS = ['forvaltning', 'minstaGruppstorlek', 'skyddMotInsyn', 'maxFilstorlekMB', 'hrSpecialister', 'processledare', 'kolumner', 'troskelvarden', 'okand'];
  const THRESHOLD_KEYS = ['korttidMaxDag', 'langaPerioderDagar', 'aterinsjuknandeDagar', 'avvikelseProcentenheter', 'upprepadKorttidPerioder', 'upprepadKorttidManader',
    'lagstadgadGruppDoljsVidHogst', 'lakarintygFranDag', 'lakarintygUtgarInomDagar', 'halsosamtalMaxAlderManader', 'planFranDag', 'planSenastDag', 'planMaxAlderDagar',
    'aktivitetMaxAlderDagar', 'fordjupatStodAndel', 'fordjupatStodArenden'];
  const jsonValue = fc.oneof(
    fc.integer({ min: -10, max: 400 }), fc.constantFrom(0, 1, 1e9, -1, 0.5, 1e308, 3650, 60, 61), fc.boolean(), fc.constant(null), hostileValue,
    fc.array(fc.oneof(hostileValue, fc.record({ namn: hostileValue, epost: fc.constantFrom('hr@kommun.example', 'x', '') })), { maxLength: 2 }),
    fc.dictionary(hostileValue, hostileValue, { maxKeys: 2 }),
  );
  // Mostly numbers for the thresholds (so a config is often valid but for one extreme value), sometimes anything.
  const thresholdValue = fc.oneof({ weight: 4, arbitrary: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(1e5, 1e6, 1e9, 2 ** 31, 1e15)) }, { weight: 1, arbitrary: jsonValue });
  const config = fc.record({
    top: fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), jsonValue, { maxKeys: 2 }) }),
    thresholds: fc.dictionary(fc.constantFrom(...THRESHOLD_KEYS), thresholdValue, { maxKeys: 3 }),
  }).map(({ top, thresholds }) => ({ ...top, troskelvarden: thresholds }));

  it('property: any rehab.config.json ends with exit 0 or 2 (the key named) for stats and cases', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(config, fc.constantFrom('stats', 'cases'), fc.boolean(), async (json, command, raw) => {
        count('config files');
        index += 1;
        const path = join(work, `config-${index}.json`);
        writeFileSync(path, raw ? JSON.stringify(json).slice(0, Math.max(1, index % 40)) : JSON.stringify(json));
        const result = await runInProcess([command, '--data', data, '--as-of', AS_OF, '--config', path, '--format', 'json']);
        countOutcome('config files', `exit ${result.status}`);
        expect(outcomeProblems(result, [0, 2, 3]), JSON.stringify(json).slice(0, 300)).toEqual([]);
        rmSync(path);
      }),
      { numRuns: numRuns(40, 5_000) },
    );
  });
});
