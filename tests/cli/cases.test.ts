import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, runCli } from '../helpers/runCli.js';

// fixtures/scenarios/cases-basic, evaluated at 2027-02-10 (2027 is not a leap year). Default thresholds.
const DATA = fixturePath('scenarios', 'cases-basic');
const AS_OF = ['--as-of', '2027-02-10'];

const ASA = 'asa.ekstrom@exempel.se';
const MARTA = 'marta.hakansson@exempel.se';
const OLLE = 'olle.nordin@exempel.se';

// Hand-computed, one case at a time:
const R1 = {
  // sick 1 Dec 2026 – ongoing: 31 (Dec) + 31 (Jan) + 10 (Feb) = day 72
  caseId: 'R-1', employmentId: '1001', unitId: 'E10', manager: ASA, periodStart: '2026-12-01', dayNumber: 72,
  // certificate ends on the as-of date → expiring (not a gap); plan needed (day ≥ 60), made 52 days ago, follow-up 1 Mar
  checks: { certificate: 'expiring', healthTalk: 'ok', returnPlan: 'ok', activity: 'ok' },
  gaps: 0, assessment: 'systematic',
  // day 90 in 18 days: 10 Feb + 18 = 28 Feb
  nextMilestone: { day: 90, date: '2027-02-28' },
  // expiring still says when: lakarintyg_tom
  reasons: { certificate: { code: 'expiring', date: '2027-02-10' } },
};
const R6 = {
  // last sick day 9 Dec 2026: no current period
  caseId: 'R-6', employmentId: '1006', unitId: 'E10', manager: ASA, periodStart: null, dayNumber: null,
  checks: { certificate: 'not_applicable', healthTalk: 'ok', returnPlan: 'not_applicable', activity: 'ok' },
  gaps: 0, assessment: 'systematic', nextMilestone: null, reasons: {},
};
const R2 = {
  // moved to E20 on 1 Jul 2026; 5–20 Jan (16 days), 4 well days, 25 Jan – ongoing (7 + 10) → day 33 of a period from 5 Jan
  caseId: 'R-2', employmentId: '1002', unitId: 'E20', manager: MARTA, periodStart: '2027-01-05', dayNumber: 33,
  // certificate ended 5 Feb; no health talk; day 33 ≥ 30 with forvantas_over_60_dagar empty → plan needed, none
  checks: { certificate: 'expired', healthTalk: 'missing', returnPlan: 'missing', activity: 'ok' },
  gaps: 3, assessment: 'needs_support',
  // day 90 in 57 days: 28 Feb (18), 31 Mar (49), 8 Apr (57)
  nextMilestone: { day: 90, date: '2027-04-08' },
  reasons: { certificate: { code: 'expired', date: '2027-02-05' }, healthTalk: { code: 'missing', date: null }, returnPlan: { code: 'missing', date: null } },
};
const R3 = {
  // sick 4–14 Feb: day 7 on 10 Feb → no certificate needed yet
  caseId: 'R-3', employmentId: '1003', unitId: 'E20', manager: MARTA, periodStart: '2027-02-04', dayNumber: 7,
  // health talk 2026-02-09 < 2026-02-10 (as-of − 12 months); documentation 20 Dec = 52 days ago
  checks: { certificate: 'not_applicable', healthTalk: 'outdated', returnPlan: 'not_applicable', activity: 'inactive' },
  gaps: 2, assessment: 'needs_support',
  // day 90 in 83 days: 28 Feb (18), 31 Mar (49), 30 Apr (79), 4 May (83)
  nextMilestone: { day: 90, date: '2027-05-04' },
  // documented 20 Dec (more than 30 days ago): the date is the reason
  reasons: { healthTalk: { code: 'outdated', date: '2026-02-09' }, activity: { code: 'documentation_stale', date: '2026-12-20' } },
};
const R4 = {
  // sick in November only; next activity 9 Feb is yesterday
  caseId: 'R-4', employmentId: '1004', unitId: 'E20', manager: MARTA, periodStart: null, dayNumber: null,
  checks: { certificate: 'not_applicable', healthTalk: 'ok', returnPlan: 'not_applicable', activity: 'no_next_activity' },
  gaps: 1, assessment: 'partial', nextMilestone: null,
  reasons: { activity: { code: 'no_next_activity', date: '2027-02-09' } },
};
const noGaps = { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 };
const MANAGERS = [
  { manager: ASA, cases: 2, gapsByCheck: noGaps, totalGaps: 0, needsSupport: 0, deeperSupport: false, uncoveredSickLeave: 0 },
  // 2 of 3 need support ≥ half → offer deeper support; gaps: certificate R-2, health talk R-2 R-3, plan R-2, activity R-3 R-4
  { manager: MARTA, cases: 3, gapsByCheck: { certificate: 1, healthTalk: 2, returnPlan: 1, activity: 2 }, totalGaps: 6, needsSupport: 2, deeperSupport: true, uncoveredSickLeave: 0 },
  // no open case, but an employee with repeated short-term absence
  { manager: OLLE, cases: 0, gapsByCheck: noGaps, totalGaps: 0, needsSupport: 0, deeperSupport: false, uncoveredSickLeave: 0 },
];
const REPEATED = [
  // six periods from 2 Mar to 7 Dec 2026; the health talk of R-6 (20 Oct) is before the sixth period
  { employmentId: '1006', unitId: 'E10', manager: ASA, periodCount: 6, thresholdPeriodStart: '2026-12-07', caseId: 'R-6', finding: 'no_health_talk_after_threshold_period' },
  // six periods from 16 Feb 2026 to 11 Jan 2027 (inside Feb 2026 – Jan 2027), no case
  { employmentId: '1005', unitId: 'E30', manager: OLLE, periodCount: 6, thresholdPeriodStart: '2027-01-11', caseId: null, finding: 'no_open_case' },
];

describe('rehab cases', () => {
  it('prints the SPEC §5 JSON: open cases sorted by manager, unit, case id; closed and future cases left out', () => {
    const result = runCli(['cases', '--data', DATA, ...AS_OF, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown> & { cases: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['asOf', 'cases', 'managers', 'repeatedShortTerm', 'uncoveredSickLeave']);
    // 1007 has a closed case and a case opened on 15 Feb, but was sick only in Sep–Oct: no current period.
    expect(json.uncoveredSickLeave).toEqual([]);
    expect(json.asOf).toBe('2027-02-10');
    // R-5 is closed, R-7 is opened on 15 Feb
    expect(json.cases).toEqual([R1, R6, R2, R3, R4]);
    for (const evaluation of json.cases) {
      expect(Object.keys(evaluation)).toEqual(['caseId', 'employmentId', 'unitId', 'manager', 'periodStart', 'dayNumber', 'checks', 'gaps', 'assessment', 'nextMilestone', 'reasons']);
      expect(Object.keys(evaluation.checks as object)).toEqual(['certificate', 'healthTalk', 'returnPlan', 'activity']);
    }
    expect(json.managers).toEqual(MANAGERS);
    expect(json.repeatedShortTerm).toEqual(REPEATED);
    // no person's name in the machine-readable output
    expect(result.stdout).not.toMatch(/Lövgren|Öhman|Ärlig|Åberg|Sjöberg|Öberg|Ekström|Håkansson|Nordin/);
  });

  it('--chef keeps one manager, whatever the case of the e-mail address', () => {
    const result = runCli(['cases', '--data', DATA, ...AS_OF, '--format', 'json', '--chef', 'Marta.Hakansson@Exempel.SE']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { cases: { caseId: string }[]; managers: unknown[]; repeatedShortTerm: unknown[] };
    expect(json.cases.map((evaluation) => evaluation.caseId)).toEqual(['R-2', 'R-3', 'R-4']);
    expect(json.managers).toEqual([MANAGERS[1]]);
    expect(json.repeatedShortTerm).toEqual([]);
  });

  it('an unknown --chef gives an empty result and a Swedish note, exit 0', () => {
    const result = runCli(['cases', '--data', DATA, ...AS_OF, '--format', 'json', '--chef', 'ingen@exempel.se']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('ingen chef med e-post ingen@exempel.se');
    expect(JSON.parse(result.stdout)).toEqual({ asOf: '2027-02-10', cases: [], managers: [], repeatedShortTerm: [], uncoveredSickLeave: [] });
  });

  it('prints a Swedish table per manager and per case', () => {
    const result = runCli(['cases', '--data', DATA, ...AS_OF]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Rehabärenden per 2027-02-10: 5 öppna ärenden');
    const marta = lines.find((line) => line.startsWith('Märta Håkansson <marta.hakansson@exempel.se>'))!;
    expect(marta.split(/\s{2,}/)).toEqual(['Märta Håkansson <marta.hakansson@exempel.se>', '3', '2', '1', '2', '1', '2', '6', 'Ja', '0']);
    const r3 = lines.find((line) => line.startsWith('R-3 '))!;
    expect(r3.split(/\s{2,}/)).toEqual([
      'R-3', 'Särskilt boende Ängen', 'Upprepad korttidsfrånvaro', '2027-02-04', '7', 'Ej aktuellt', 'Äldre än 12 månader', 'Ej aktuellt',
      'Ingen aktuell dokumentation', '2', 'Behöver stöd', 'dag 90 (2027-05-04)',
      'senaste hälsosamtalet 2026-02-09; senaste dokumentationen 2026-12-20',
    ]);
    expect(lines.find((line) => line.startsWith('1005 '))!.split(/\s{2,}/)).toEqual([
      '1005', 'Daglig verksamhet Lärkan', 'olle.nordin@exempel.se', '6', '2027-01-11', '–', 'Inget öppet rehabärende',
    ]);
    // codes stay in the JSON; the table speaks Swedish
    expect(result.stdout).not.toMatch(/needs_support|not_applicable|expiring/);
  });

  it('prints a semicolon CSV with BOM, Swedish headers and words', () => {
    const result = runCli(['cases', '--data', DATA, ...AS_OF, '--format', 'csv']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = result.stdout.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
    expect(rows[0]).toEqual([
      'Ärende', 'Anställning', 'Ärendetyp', 'Öppnat', 'Enhets-id', 'Enhet', 'Chef (e-post)', 'Sjukperiod från', 'Dag i sjukperioden',
      'Giltigt läkarintyg', 'Genomfört hälsosamtal', 'Plan för återgång i arbete', 'Löpande dokumentation och aktivitet',
      'Antal brister', 'Bedömning', 'Nästa milstolpe (dag)', 'Milstolpen nås',
      'Varför: giltigt läkarintyg', 'Varför: genomfört hälsosamtal', 'Varför: plan för återgång i arbete', 'Varför: löpande dokumentation och aktivitet',
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['R-1', 'R-6', 'R-2', 'R-3', 'R-4']);
    expect(rows[3]).toEqual([
      'R-2', '1002', 'Långtidsfrånvaro', '2027-01-10', 'E20', 'Särskilt boende Ängen', MARTA, '2027-01-05', '33',
      'Har gått ut', 'Saknas', 'Saknas', 'Ja', '3', 'Behöver stöd', '90', '2027-04-08',
      'läkarintyget gick ut 2027-02-05', 'inget hälsosamtal registrerat', 'ingen plan upprättad', '',
    ]);
    expect(rows[2]![7]).toBe('');
  });

  describe('sick leave without a case on the demo data (fixtures/demo, as-of 2027-02-01)', () => {
    const demo = ['cases', '--data', fixturePath('demo'), '--as-of', '2027-02-01'];

    it('lists the 8 employments on day 112–310 with no case (issue 9), and one on day 25, highest day first', () => {
      const result = runCli([...demo, '--format', 'json']);
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout) as { uncoveredSickLeave: { dayNumber: number; extent: number; periodStart: string }[]; managers: { uncoveredSickLeave: number }[]; cases: { employmentId: string }[] };
      expect(json.uncoveredSickLeave.map((entry) => entry.dayNumber)).toEqual([310, 257, 228, 227, 219, 184, 142, 112, 25]);
      for (const entry of json.uncoveredSickLeave) {
        expect(Object.keys(entry)).toEqual(['employmentId', 'unitId', 'manager', 'periodStart', 'dayNumber', 'extent', 'nextMilestone']);
        // periodStart + (dayNumber − 1) days ≤ as-of: gap days only make the period start earlier.
        expect(Date.parse(entry.periodStart) + (entry.dayNumber - 1) * 86_400_000).toBeLessThanOrEqual(Date.parse('2027-02-01'));
      }
      const openCaseEmployments = new Set(json.cases.map((evaluation) => evaluation.employmentId));
      expect(json.uncoveredSickLeave.some((entry) => openCaseEmployments.has((entry as unknown as { employmentId: string }).employmentId))).toBe(false);
      expect(json.managers.reduce((sum, summary) => sum + summary.uncoveredSickLeave, 0)).toBe(9);
    });

    it('shows them in the table and after the cases in the CSV, in Swedish', () => {
      const table = runCli(demo).stdout;
      expect(table).toContain('Sjukfrånvaro utan öppet rehabärende (längst först)');
      expect(table).toMatch(/^\S+ +.+ +\S+@exempelstad\.se +\d{4}-\d{2}-\d{2} +310 +50 % +dag 365 \(2027-03-28\)$/m);
      const csv = runCli([...demo, '--format', 'csv']).stdout.slice(1).split('\r\n');
      const header = csv.indexOf('Sjukfrånvaro utan öppet rehabärende: anställning;Enhets-id;Enhet;Chef (e-post);Sjukperiod från;Dag i sjukperioden;Omfattning (%);Nästa milstolpe (dag);Milstolpen nås');
      expect(header).toBeGreaterThan(1);
      expect(csv[header - 1]).toBe('');
      // 310 → day 365 in 55 days: 1 Feb + 55 = 28 Mar.
      expect(csv[header + 1]!.split(';').slice(4)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '310', '50', '365', '2027-03-28']);
      expect(csv.slice(header + 1).filter((line) => line !== '')).toHaveLength(9);
    });
  });

  describe('errors', () => {
    const partial = mkdtempSync(join(tmpdir(), 'rehab-cases-'));
    copyFileSync(join(DATA, 'anstallda.csv'), join(partial, 'anstallda.csv'));
    copyFileSync(join(DATA, 'sjukfranvaro.csv'), join(partial, 'sjukfranvaro.csv'));
    afterAll(() => rmSync(partial, { recursive: true, force: true }));

    it('exits 3 when rehabarenden.csv is missing, with nothing on stdout', () => {
      const result = runCli(['cases', '--data', partial, ...AS_OF, '--format', 'json']);
      expect(result.status).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('rehabarenden.csv');
    });

    it('exits 2 without --data or with an unknown --format', () => {
      expect(runCli(['cases', ...AS_OF]).status).toBe(2);
      const badFormat = runCli(['cases', '--data', DATA, ...AS_OF, '--format', 'xlsx']);
      expect(badFormat.status).toBe(2);
      expect(badFormat.stderr).toContain('--format: ogiltigt värde (xlsx)');
    });
  });
});
