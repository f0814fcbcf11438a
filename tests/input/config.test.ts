import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import { ConfigError } from '../../src/errors.js';
import { loadConfig, parseConfig } from '../../src/input/config.js';
import { runCli } from '../helpers/runCli.js';

function configError(input: unknown): ConfigError {
  try {
    parseConfig(input, 'rehab.config.json');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('config file (rehab.config.json)', () => {
  it('without a file: SPEC defaults, no people', () => {
    const config = loadConfig(undefined, mkdtempSync(join(tmpdir(), 'rehab-cfg-')));
    expect(config.source).toBeNull();
    expect(config.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(config.thresholds.minGroupSize).toBe(5);
    expect(config.hrSpecialists).toEqual([]);
    expect(config.processLeader).toBeNull();
  });

  it('maps the Swedish keys onto the thresholds, people and header aliases', () => {
    const config = parseConfig(
      {
        forvaltning: 'Förvaltningen för funktionsstöd',
        processledare: { namn: 'Pia Processledare', epost: 'pia@exempel.se' },
        hrSpecialister: [{ namn: 'Hanna HR', epost: 'hanna@exempel.se', verksamheter: ['Daglig verksamhet'] }, { namn: 'Ivar HR', epost: 'ivar@exempel.se' }],
        minstaGruppstorlek: 7,
        troskelvarden: { avvikelseProcentenheter: 1.5, upprepadKorttidPerioder: 5, planMaxAlderDagar: 60 },
        kolumner: { anstallda: { anstallnings_id: 'Anst.nr', enhet: ['Enhetsnamn', 'Kostnadsställe'] } },
      },
      'rehab.config.json',
    );
    expect(config.administrationName).toBe('Förvaltningen för funktionsstöd');
    expect(config.processLeader).toEqual({ name: 'Pia Processledare', email: 'pia@exempel.se' });
    expect(config.hrSpecialists).toEqual([
      { name: 'Hanna HR', email: 'hanna@exempel.se', operations: ['Daglig verksamhet'] },
      { name: 'Ivar HR', email: 'ivar@exempel.se', operations: [] },
    ]);
    expect(config.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, minGroupSize: 7, deviationPp: 1.5, repeatedShortTermPeriods: 5, planMaxAgeDays: 60 });
    expect(config.headerAliases.anstallda).toEqual({ anstallnings_id: ['Anst.nr'], enhet: ['Enhetsnamn', 'Kostnadsställe'] });
    expect(config.headerAliases.sjukfranvaro).toEqual({});
  });

  it('ignores keys that start with _ at any level (the comments rehab init writes)', () => {
    const config = parseConfig({
      _kommentar: ['fyll i'],
      forvaltning: 'F',
      hrSpecialister: [{ namn: 'A', epost: 'a@exempel.se', _kommentar: 'x' }],
      troskelvarden: { _korttidMaxDag: 'sjuklönelagen 7 §', korttidMaxDag: 10 },
      _minstaGruppstorlek: 3,
    }, 'rehab.config.json');
    expect(config.administrationName).toBe('F');
    expect(config.hrSpecialists).toEqual([{ name: 'A', email: 'a@exempel.se', operations: [] }]);
    expect(config.thresholds.shortTermMaxDay).toBe(10);
    // The commented-out key does not apply: the default 5 stays.
    expect(config.thresholds.minGroupSize).toBe(5);
    // A misspelt key without _ is still an error.
    expect(configError({ _kommentar: 'x', forvaltnig: 'F' }).message).toBe('rehab.config.json: forvaltnig: okänd nyckel');
  });

  it('names the key of an unknown key or a wrong type', () => {
    expect(configError({ okand: 1 }).message).toBe('rehab.config.json: okand: okänd nyckel');
    expect(configError({ troskelvarden: { korttidsgrans: 14 } }).message).toBe('rehab.config.json: troskelvarden.korttidsgrans: okänd nyckel');
    expect(configError({ troskelvarden: { korttidMaxDag: 'fjorton' } }).key).toBe('troskelvarden.korttidMaxDag');
    expect(configError({ hrSpecialister: [{ namn: 'A', epost: 'inte-en-adress' }] }).key).toBe('hrSpecialister.0.epost');
    expect(configError({ troskelvarden: { fordjupatStodAndel: 2 } }).key).toBe('troskelvarden.fordjupatStodAndel');
  });

  it('a broken config file stops a command with exit 2 and a Swedish message', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehab-cfg-'));
    writeFileSync(join(folder, 'fel.json'), JSON.stringify({ minstaGruppstorlek: 'fem' }));
    writeFileSync(join(folder, 'trasig.json'), '{ "forvaltning": ');
    const wrongType = runCli(['validate', '--data', 'fixtures/scenarios/utf8-bom', '--config', join(folder, 'fel.json')]);
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toContain('minstaGruppstorlek:');
    const broken = runCli(['validate', '--data', 'fixtures/scenarios/utf8-bom', '--config', join(folder, 'trasig.json')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('ogiltig JSON');
    const missing = runCli(['validate', '--data', 'fixtures/scenarios/utf8-bom', '--config', join(folder, 'finns-inte.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('kan inte läsas');
  });

  it('reads rehab.config.json from the working folder when --config is not given', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehab-cfg-'));
    writeFileSync(join(folder, 'rehab.config.json'), JSON.stringify({ forvaltning: 'Testförvaltningen' }));
    const config = loadConfig(undefined, folder);
    expect(config.source).toBe('rehab.config.json');
    expect(config.administrationName).toBe('Testförvaltningen');
  });
});

describe('config: maxFilstorlekMB (issue 13)', () => {
  it('defaults to 300 MB and takes another size from the file', () => {
    expect(parseConfig({}, null).maxFileMegabytes).toBe(300);
    expect(parseConfig({ maxFilstorlekMB: 1000 }, 'rehab.config.json').maxFileMegabytes).toBe(1000);
  });

  it('refuses a size that is not a positive number', () => {
    expect(configError({ maxFilstorlekMB: 0 }).message).toMatch(/^rehab\.config\.json: maxFilstorlekMB: /);
    expect(configError({ maxFilstorlekMB: 'stor' }).key).toBe('maxFilstorlekMB');
  });
});


describe('config messages are Swedish throughout', () => {
  it('names the key and says what is wrong, for each problem at once', () => {
    let message = '';
    try {
      parseConfig({ forvaltning: 7, hrSpecialister: [{ namn: '', epost: 'x' }], processledare: { namn: 'Pia' }, okand: true }, 'rehab.config.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'rehab.config.json: forvaltning: ska vara en text (7)',
      'rehab.config.json: processledare.epost: måste anges',
      'rehab.config.json: hrSpecialister.0.namn: får inte vara tom',
      'rehab.config.json: hrSpecialister.0.epost: ogiltig e-postadress ("x")',
      'rehab.config.json: okand: okänd nyckel',
    ]);
  });
});
