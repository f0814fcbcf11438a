import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import { THRESHOLD_KEYS, loadConfig } from '../../src/input/config.js';
import { readMeetings } from '../../src/input/meetings.js';
import { PROJECT_ROOT, fixturePath, runCli } from '../helpers/runCli.js';

/** Every file under a folder, relative, with '/' separators — an independent listing of templates/. */
function filesUnder(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split('\\').join('/')]));
  return walk(root).sort();
}

describe('rehab init', () => {
  it('writes a config that loads with the default thresholds, copies of every template, an example meetings file and an export folder', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'rehab-init-')), 'ny mapp');
    const result = runCli(['init', folder]);
    expect(result.status).toBe(0);
    const templates = filesUnder(join(PROJECT_ROOT, 'templates'));
    expect(templates).toContain('mail/bilaga1.text.hbs');
    expect(templates).toContain('ledningsgrupp/01-tema.md');
    expect(filesUnder(folder)).toEqual(
      ['export/LÄS MIG.txt', 'moten.exempel.csv', 'rehab.config.json', ...templates.map((path) => `mallar/${path}`)].sort(),
    );
    for (const path of templates) {
      expect(readFileSync(join(folder, 'mallar', path), 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, 'templates', path), 'utf8'));
    }

    const config = loadConfig('rehab.config.json', folder);
    expect(config.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(config.hrSpecialists.map((hr) => hr.operations)).toEqual([['Verksamhet A', 'Verksamhet B'], ['Verksamhet C']]);
    expect(config.processLeader?.email).toBe('processledare@exempel.se');
    // Every threshold carries its source beside it, e.g. the law for the certificate.
    const raw = JSON.parse(readFileSync(join(folder, 'rehab.config.json'), 'utf8')) as { troskelvarden: Record<string, unknown> };
    expect(raw.troskelvarden._lakarintygFranDag).toContain('sjuklönelagen 8 §');
    expect(raw.troskelvarden._planFranDag).toContain('socialförsäkringsbalken 30 kap. 6 §');
    expect(Object.keys(raw.troskelvarden).filter((key) => !key.startsWith('_'))).toHaveLength(17); // 16 of issue 3–4 + sjukfallUtanArendeFranDag (issue 9)
    // Every threshold the config accepts is in the starter file, each with its source beside it.
    expect(Object.keys(raw.troskelvarden).filter((key) => !key.startsWith('_')).sort()).toEqual(Object.keys(THRESHOLD_KEYS).sort());
    for (const key of Object.keys(THRESHOLD_KEYS)) expect(typeof raw.troskelvarden[`_${key}`], key).toBe('string');

    const meetings = readMeetings(join(folder, 'moten.exempel.csv'));
    expect(meetings).toHaveLength(2);
    expect(meetings[0]!.managerEmail).toBe('forsta.chefen@exempel.se');

    // 12 templates (7 mail files, 5 slide texts) + config + meetings + export note = 15.
    expect(templates).toHaveLength(12);
    expect(result.stderr).toContain('Klart: rehab init skrev 15 filer');
    expect(result.stderr).toContain('Öppna rehab.config.json och fyll i förvaltningens namn');
    expect(result.stderr).toContain('rehab prep --data export --out underlag --templates mallar');
  });

  it('never overwrites without --force: exit 4, nothing written; --force writes the starter files again', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehab-init-'));
    expect(runCli(['init'], { cwd: folder }).status).toBe(0);
    writeFileSync(join(folder, 'rehab.config.json'), '{ "forvaltning": "Min förvaltning" }\n');
    writeFileSync(join(folder, 'export', 'anstallda.csv'), 'egna data\n');

    const again = runCli(['init'], { cwd: folder });
    expect(again.status).toBe(4);
    expect(again.stderr).toContain('Filerna finns redan');
    expect(again.stderr).toContain('rehab.config.json');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(folder, 'rehab.config.json'), 'utf8')).toBe('{ "forvaltning": "Min förvaltning" }\n');

    const forced = runCli(['init', '--force', '--json'], { cwd: folder });
    expect(forced.status).toBe(0);
    const summary = JSON.parse(forced.stdout) as { folder: string; written: string[] };
    expect(summary.folder).toBe('.');
    expect(summary.written).toContain('rehab.config.json');
    expect(loadConfig(undefined, folder).administrationName).toBe('Förvaltningen för … (fyll i)');
    // The user's own exports are not starter files and stay.
    expect(readFileSync(join(folder, 'export', 'anstallda.csv'), 'utf8')).toBe('egna data\n');
  });

  it('the starter config works as it is: validate reads the demo exports with it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehab-init-'));
    expect(runCli(['init'], { cwd: folder }).status).toBe(0);
    const result = runCli(['validate', '--data', fixturePath('demo'), '--as-of', '2027-02-01', '--format', 'json'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('rehab.config.json:');
  });
});
