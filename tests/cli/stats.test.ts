// rehab stats on fixtures/scenarios/stats-basic (see its README). As-of 2027-02-10:
// window 2026-08-01..2027-01-31 = 184 days, previous window 2026-02-01..2026-07-31 = 181 days.
//
// Exposure (days in the window × rate):
//   E10 Hemtjänst Öster: 1001 184, 1002 184, 1003 184 × 0.5 = 92, 1004 184, 1005 from 1 Nov 92 × 0.75 = 69,
//       1007 until 30 Sep 61                                        → 774, 6 employees
//   E20 Ängsgården: 1006 184, 1007 from 1 Oct 31 + 30 + 31 + 31 = 123 → 307, 2 employees
//   E30 Försörjningsstöd city: 1008 184, 1009 until 31 Oct 92 × 0.8 = 73.6 → 257.6, 2 employees
//   förvaltning 774 + 307 + 257.6 = 1338.6, 9 employees
// Sick days (FTE) in the window:
//   1001 1–10 Sep, 5 well days, 16–25 Sep = days 11–20 → short 10 + 4 = 14, long 6                    (E10)
//   1002 10–11 Nov at 60 % → short 1.2 (and a reader warning for the extent)                          (E10)
//   1003 1–10 Oct at 25 % of 50 % → short 10 × 0.125 = 1.25                                           (E10)
//   1004 20 Jul–30 Sep: 12 days before the window, so 1 Aug = day 13 → short 2, long 59;
//        61 days in the window, period 73 days up to the window end ≥ 60 → 61 long-spell days         (E10)
//   1006 from 20 Jan, ongoing → 20–31 Jan = 12 short                                                   (E20)
//   1007 25 Sep–5 Oct: 25–30 Sep days 1–6 in E10 → 6 short; 1–5 Oct days 7–11 in E20 → 5 short
//   1008 1–31 Dec at 50 % → days 1–14 short 7, days 15–31 long 8.5                                    (E30)
//   1009 25 Oct–5 Nov at 100 % of 80 %: 25–31 Oct short 7 × 0.8 = 5.6; 1–5 Nov without employment (warning 5 days)
//   E10 short 14 + 1.2 + 1.25 + 2 + 6 = 24.45, long 6 + 59 = 65, total 89.45, long-spell 61
//   E20 short 12 + 5 = 17; E30 short 7 + 5.6 = 12.6, long 8.5, total 21.1
//   förvaltning short 54.05, long 73.5, total 127.55
// Previous window: exposure E10 181 × (1 + 1 + 0.5 + 1 + 1 [1007]) = 814.5, E20 181, E30 181 + 144.8 = 325.8;
//   sick only 1004's 12 days (20–31 Jul) in E10.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/runCli.js';
import { fixturePath, runCli } from '../helpers/runCli.js';

const data = fixturePath('scenarios', 'stats-basic');
const base = ['stats', '--data', data, '--as-of', '2027-02-10'];

interface UnitJson {
  level: string;
  id: string;
  [key: string]: unknown;
}

function statsJson(extra: string[] = []): { json: Record<string, unknown> & { units: UnitJson[] }; stderr: string } {
  const result = runCli([...base, '--format', 'json', ...extra]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return { json: JSON.parse(result.stdout) as Record<string, unknown> & { units: UnitJson[] }, stderr: result.stderr };
}

describe('rehab stats --format json (SPEC §5)', () => {
  let json: Record<string, unknown> & { units: UnitJson[] };
  beforeAll(() => {
    json = statsJson().json;
  });

  it('has the SPEC keys first, in order, and the hand-computed administration figures', () => {
    expect(Object.keys(json)).toEqual(['asOf', 'window', 'administration', 'units', 'warnings', 'previousWindow', 'trend', 'statutory', 'repeatedShortTerm', 'funnelDispersion', 'cells']);
    expect(json.asOf).toBe('2027-02-10');
    expect(json.window).toEqual({ from: '2026-08-01', to: '2027-01-31' });
    expect(json.previousWindow).toEqual({ from: '2026-02-01', to: '2026-07-31' });
    const administration = json.administration as Record<string, number | string>;
    expect(Object.keys(administration)).toEqual(['name', 'employees', 'exposureDays', 'shortPct', 'longPct', 'totalPct', 'longSpellSharePct', 'previousTotalPct']);
    expect(administration.name).toBe('Vård- och omsorgsförvaltningen');
    expect(administration.employees).toBe(9);
    expect(administration.exposureDays).toBeCloseTo(1338.6, 10);
    expect(administration.shortPct).toBeCloseTo((54.05 / 1338.6) * 100, 10);
    expect(administration.longPct).toBeCloseTo((73.5 / 1338.6) * 100, 10);
    expect(administration.totalPct).toBeCloseTo((127.55 / 1338.6) * 100, 10);
    expect(administration.longSpellSharePct).toBeCloseTo((61 / 127.55) * 100, 10);
    // Previous window: 12 / (814.5 + 181 + 325.8 = 1321.3).
    expect(administration.previousTotalPct).toBeCloseTo((12 / 1321.3) * 100, 10);
  });

  it('lists every level with exactly the SPEC keys, sorted by level then name', () => {
    expect(json.units.map((unit) => `${unit.level}:${unit.id}`)).toEqual([
      'enhet:E30', 'enhet:E10', 'enhet:E20', // Försörjningsstöd city, Hemtjänst Öster, Ängsgården
      'verksamhet:Försörjningsstöd', 'verksamhet:Hemtjänst', 'verksamhet:Särskilt boende',
      'avdelning:Individ- och familjeomsorg', 'avdelning:Äldreomsorg',
    ]);
    for (const unit of json.units) {
      // The SPEC §5 keys in order, then the added ones.
      expect(Object.keys(unit)).toEqual(['level', 'id', 'name', 'parent', 'employees', 'exposureDays', 'shortPct', 'longPct', 'totalPct', 'longSpellSharePct', 'previousTotalPct', 'diffPp', 'deviates', 'suppressed', 'funnel', 'signal', 'hiddenInSharedMaterial']);
    }
  });

  it('gives funnel limits to enheter and verksamheter, computed by hand (SPEC §3 "Fair comparison")', () => {
    // p₀ = 127.55/1338.6 = 0.095286, θ₀ = asin(√0.095286) = 0.3138097. E10: n = 774/184 = 4.2065 FTE, s = 1/(2√4.2065) = 0.2437858.
    // Enheter z: E10 0.1356, E20 −0.1970, E30 −0.0557 → winsorised φ = 0.0137, I·φ ≤ 2 → τ² = 0.
    // 95 %: θ₀ − 1.959964 × s = −0.1640 → 0 %; θ₀ + 0.4778 = 0.7916211 → sin² = 50.622278 %.
    // 99.8 %: θ₀ − 0.7534 < 0 → 0 %; θ₀ + 3.090232 × s = 1.0671644 → 76.708790 %. 11.56 % is inside: no signal.
    const e10 = json.units.find((unit) => unit.id === 'E10')!;
    expect(e10.funnel).toEqual({ lower95Pct: 0, upper95Pct: expect.closeTo(50.622278, 5), lower998Pct: 0, upper998Pct: expect.closeTo(76.70879, 5) });
    expect(e10.signal).toBeNull();
    expect(json.units.filter((unit) => unit.level !== 'avdelning').every((unit) => unit.funnel !== null)).toBe(true);
    expect(json.units.filter((unit) => unit.level === 'avdelning').map((unit) => [unit.funnel, unit.signal])).toEqual([[null, null], [null, null]]);
    expect(json.funnelDispersion).toEqual({ enhet: { units: 3, phi: expect.closeTo(0.0136871, 6), tau2: 0 }, verksamhet: expect.objectContaining({ units: 3 }) });
  });

  it('gives the hand-computed enhet figures', () => {
    const administrationTotal = (127.55 / 1338.6) * 100;
    const e10 = json.units.find((unit) => unit.id === 'E10')!;
    expect(e10).toMatchObject({ name: 'Hemtjänst Öster', parent: 'Hemtjänst', employees: 6, exposureDays: 774, deviates: true, suppressed: false });
    expect(e10.shortPct).toBeCloseTo((24.45 / 774) * 100, 10);
    expect(e10.longPct).toBeCloseTo((65 / 774) * 100, 10);
    expect(e10.totalPct).toBeCloseTo((89.45 / 774) * 100, 10);
    expect(e10.longSpellSharePct).toBeCloseTo((61 / 89.45) * 100, 10);
    expect(e10.previousTotalPct).toBeCloseTo((12 / 814.5) * 100, 10);
    // 11.5568 − 9.5286 = 2.0282 pp ≥ 2.0 → deviates.
    expect(e10.diffPp).toBeCloseTo((89.45 / 774) * 100 - administrationTotal, 10);

    const e20 = json.units.find((unit) => unit.id === 'E20')!;
    expect(e20).toMatchObject({ name: 'Ängsgården', parent: 'Särskilt boende', employees: 2, exposureDays: 307, longPct: 0, longSpellSharePct: 0, previousTotalPct: 0, deviates: false, suppressed: true });
    expect(e20.shortPct).toBeCloseTo((17 / 307) * 100, 10);

    const e30 = json.units.find((unit) => unit.id === 'E30')!;
    expect(e30).toMatchObject({ employees: 2, suppressed: true });
    expect(e30.exposureDays).toBeCloseTo(257.6, 10);
    expect(e30.shortPct).toBeCloseTo((12.6 / 257.6) * 100, 10);
    expect(e30.longPct).toBeCloseTo((8.5 / 257.6) * 100, 10);
    expect(e30.diffPp).toBeCloseTo((21.1 / 257.6) * 100 - administrationTotal, 10);
  });

  it('rolls up to avdelning as sums of days', () => {
    // Äldreomsorg = E10 + E20: exposure 1081, sick 106.45, long-spell 61, previous 12 / 995.5; 7 employees.
    const elderCare = json.units.find((unit) => unit.id === 'Äldreomsorg')!;
    expect(elderCare).toMatchObject({ level: 'avdelning', name: 'Äldreomsorg', parent: 'Vård- och omsorgsförvaltningen', employees: 7, exposureDays: 1081, deviates: false, suppressed: false });
    expect(elderCare.totalPct).toBeCloseTo((106.45 / 1081) * 100, 10);
    expect(elderCare.longSpellSharePct).toBeCloseTo((61 / 106.45) * 100, 10);
    expect(elderCare.previousTotalPct).toBeCloseTo((12 / 995.5) * 100, 10);
    expect(json.units.find((unit) => unit.id === 'Hemtjänst')).toMatchObject({ level: 'verksamhet', parent: 'Äldreomsorg', exposureDays: 774 });
  });

  it('reports the reader warning and the sick days without employment', () => {
    expect(json.warnings).toEqual([
      { code: 'unusual_extent', file: 'sjukfranvaro.csv', line: 4, message: expect.stringContaining('60 %'), value: 60 },
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 10, message: expect.stringContaining('5 dagar'), days: 5 },
    ]);
  });

  it('adds the trend, the statutory breakdown and repeated short-term absence', () => {
    const trend = json.trend as { months: string[]; administration: { month: string; totalPct: number | null }[]; units: Record<string, unknown[]> };
    expect(trend.months[0]).toBe('2026-02-01');
    expect(trend.months[11]).toBe('2027-01-01');
    // December 2026: exposure 31 × 6 + 15.5 (1003) + 23.25 (1005) = 224.75 (1009 has left); sick 1008: 7 + 8.5 = 15.5.
    expect(trend.administration[10]).toEqual({ month: '2026-12-01', shortPct: expect.closeTo((7 / 224.75) * 100, 10), longPct: expect.closeTo((8.5 / 224.75) * 100, 10), totalPct: expect.closeTo((15.5 / 224.75) * 100, 10) });
    expect(Object.keys(trend.units)).toHaveLength(8);
    // Women 1001, 1003, 1004, 1006, 1009; men 1002, 1005, 1007, 1008: all ≤ 10 → suppressed.
    // Ages at 2027: 1003 29; 1001 47, 1002 37, 1005 42, 1007 35; 1004 57, 1006 62, 1008 52; 1009 has no fodelsear.
    expect((json.statutory as { group: string; employees: number; suppressed: boolean }[]).map((figure) => [figure.group, figure.employees, figure.suppressed])).toEqual([
      ['women', 5, true], ['men', 4, true], ['age_29_or_less', 1, true], ['age_30_to_49', 4, true], ['age_50_or_more', 3, true],
    ]);
    expect(json.repeatedShortTerm).toEqual([]);
  });

  it('--level filters the units and the trend', () => {
    const { json: filtered } = statsJson(['--level', 'avdelning']);
    expect(filtered.units.map((unit) => unit.id)).toEqual(['Individ- och familjeomsorg', 'Äldreomsorg']);
    expect(Object.keys((filtered.trend as { units: object }).units).sort()).toEqual(['avdelning:Individ- och familjeomsorg', 'avdelning:Äldreomsorg']);
  });

  it('--from/--to sets the window and the previous window of the same length', () => {
    // December 2026: see above, 15.5 / 224.75; 8 employees (1009 left in October).
    // Previous = November: exposure 30 × 6 + 15 (1003) + 22.5 (1005) = 217.5; sick 1002's 1.2 (1009's November days have no row).
    const { json: december } = statsJson(['--from', '2026-12-01', '--to', '2026-12-31']);
    expect(december.window).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    const administration = december.administration as Record<string, number>;
    expect(administration.employees).toBe(8);
    expect(administration.exposureDays).toBeCloseTo(224.75, 10);
    expect(administration.totalPct).toBeCloseTo((15.5 / 224.75) * 100, 10);
    expect(administration.previousTotalPct).toBeCloseTo((1.2 / 217.5) * 100, 10);
    expect(december.warnings).toEqual([expect.objectContaining({ code: 'unusual_extent' })]);
  });
});

describe('rehab stats --format csv', () => {
  let result: CliResult;
  beforeAll(() => {
    result = runCli([...base, '--format', 'csv']);
  });

  it('writes UTF-8 with BOM, semicolons, decimal comma and Swedish headers; warnings go to stderr', () => {
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('\uFEFFNivå;Id;Namn;Överordnad;Anställda;Exponering (heltidsdagar);Korttid (%);Långtid (%);Totalt (%);')).toBe(true);
    const lines = result.stdout.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 8 + 1); // header, förvaltning, 8 units, trailing empty
    // 89.45/774 = 11.5568 %, 24.45/774 = 3.1589 %, 65/774 = 8.3979 %, diff 2.0282 pp.
    // Funnel limits of E10 and E20 as in the JSON test: 0 / 50,62 / 0 / 76,71 and (n = 307/184, s = 0.3870880) 0 / 77,16 / 0 / 99,63.
    expect(lines).toContain('Enhet;E10;Hemtjänst Öster;Hemtjänst;6;774,00;3,16;8,40;11,56;68,19;1,47;2,03;Ja;Nej;;0,00;50,62;0,00;76,71');
    // A negative difference stays a number (not neutralised as a formula).
    expect(lines).toContain('Enhet;E20;Ängsgården;Särskilt boende;2;307,00;5,54;0,00;5,54;0,00;0,00;-3,99;Nej;Ja;;0,00;77,16;0,00;99,63');
    expect(lines[1]).toBe('Förvaltning;;Vård- och omsorgsförvaltningen;;9;1338,60;4,04;5,49;9,53;47,82;0,91;;;;;;;;');
    expect(lines[0]!.endsWith(';Rättvis jämförelse;Nedre gräns 95 % (%);Övre gräns 95 % (%);Nedre gräns 99,8 % (%);Övre gräns 99,8 % (%)')).toBe(true);
    expect(result.stderr).toContain('sjukfranvaro.csv:10:');
  });

  it('--level enhet keeps the förvaltning row and the enheter only', () => {
    const enheter = runCli([...base, '--format', 'csv', '--level', 'enhet']);
    const rows = enheter.stdout.slice(1).trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(';')[0])).toEqual(['Förvaltning', 'Enhet', 'Enhet', 'Enhet']);
  });
});

describe('rehab stats table', () => {
  it('prints a Swedish table with decimal comma and marks suppressed units', () => {
    const result = runCli(base);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Sjukfrånvaro per 2027-02-10 – Vård- och omsorgsförvaltningen');
    expect(result.stdout).toContain('Enheter');
    expect(result.stdout).toContain('Verksamheter');
    expect(result.stdout).toContain('Avdelningar');
    expect(result.stdout).toContain('Kön och ålder');
    const e10 = result.stdout.split('\n').find((line) => line.startsWith('Hemtjänst Öster'))!;
    // Kort 3,2, Lång 8,4, Totalt 11,6, ≥60 d 68,2, Föreg. 1,5, Diff +2,0, Avviker ja.
    expect(e10.split(/\s{2,}/)).toEqual(['Hemtjänst Öster', 'E10', 'Hemtjänst', '6', '774,0', '3,2', '8,4', '11,6', '68,2', '1,5', '+2,0', 'ja']);
    expect(result.stdout).toMatch(/^Ängsgården \*/m);
    expect(result.stdout).toContain('1 338,6');
    expect(result.stderr).toContain('Varning: sjukfranvaro.csv:4:');
  });

  it('--level verksamhet shows only that level', () => {
    const result = runCli([...base, '--level', 'verksamhet']);
    expect(result.stdout).toContain('Verksamheter');
    expect(result.stdout).not.toContain('Enheter\n');
    expect(result.stdout).not.toContain('Avdelningar');
  });
});

describe('rehab stats errors', () => {
  it('needs --data (exit 2)', () => {
    const result = runCli(['stats']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--data måste anges');
  });

  it('rejects an unknown level (exit 2)', () => {
    const result = runCli([...base, '--level', 'grupp']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--level: ogiltigt värde (grupp)');
  });

  it('stops on invalid input with exit 3 and writes nothing to stdout', () => {
    const result = runCli(['stats', '--data', fixturePath('scenarios', 'error-bad-date'), '--as-of', '2027-02-10', '--format', 'json']);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Indata är ogiltiga');
  });
});

describe('stats options: one step, every problem at once, in Swedish', () => {
  it('reports every wrong flag and every config problem together, one line each (exit 2)', () => {
    const work = mkdtempSync(join(tmpdir(), 'rehab-options-'));
    const config = join(work, 'rehab.config.json');
    writeFileSync(config, JSON.stringify({ minstaGruppstorlek: 0, troskelvarden: { korttidMaxDag: '14' }, hrSpecialister: [{ namn: 'Ebba', epost: 'ebba' }] }));
    const result = runCli(['stats', '--as-of', '2027-02-30', '--level', 'grupp', '--format', 'xml', '--config', config]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'rehab: --data måste anges: mappen med exportfilerna',
      'rehab: --as-of: ogiltigt datum (2027-02-30), ange ÅÅÅÅ-MM-DD',
      'rehab: --level: ogiltigt värde (grupp), välj ett av: enhet, verksamhet, avdelning, all',
      'rehab: --format: ogiltigt värde (xml), välj ett av: table, json, csv',
      `rehab: ${config}: hrSpecialister.0.epost: ogiltig e-postadress ("ebba")`,
      `rehab: ${config}: minstaGruppstorlek: ange ett heltal från 1 till 100000`,
      `rehab: ${config}: troskelvarden.korttidMaxDag: ange ett heltal från 1 till 365`,
    ]);
    expect(result.stderr).not.toMatch(/förväntade|expected|number|undefined/);
  });

  it('names the default config file it could not read, never "undefined"', () => {
    const work = mkdtempSync(join(tmpdir(), 'rehab-options-'));
    mkdirSync(join(work, 'rehab.config.json'));
    const result = runCli(['stats', '--data', fixturePath('scenarios', 'stats-basic')], { cwd: work });
    expect(result.stderr.trim()).toBe(`rehab: Konfigurationsfilen ${join(work, 'rehab.config.json')} kan inte läsas.`);
    expect(result.status).toBe(2);
  });
});
