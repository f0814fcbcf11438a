// planPrep on fixtures/scenarios/cases-basic at 2027-02-10: the whole run as data, without writing a file.
import { describe, expect, it } from 'vitest';
import { defaultWindow } from '../../src/core/routineCalendar.js';
import { parseConfig } from '../../src/input/config.js';
import { readMailTemplates } from '../../src/input/mailTemplates.js';
import { readDataset } from '../../src/input/readDataset.js';
import { readSlideTexts } from '../../src/input/slideTexts.js';
import { compileFollowUpMail } from '../../src/render/mailCompiler.js';
import { planPrep, type PrepPlanInput } from '../../src/plan/prepPlan.js';
import { fixturePath } from '../helpers/runCli.js';

const AS_OF = '2027-02-10';
const CREATED_AT = '2027-02-10T07:30:00.000Z';
const config = parseConfig({}, null);
const read = readDataset(fixturePath('scenarios', 'cases-basic'), { headerAliases: config.headerAliases, requireCases: true });
const renderInvitation = compileFollowUpMail(readMailTemplates().bilaga1);
const slideTexts = readSlideTexts();

function input(overrides: Partial<PrepPlanInput> = {}): PrepPlanInput {
  return {
    dataset: read.dataset, files: read.files, readWarnings: read.warnings, config, asOf: AS_OF, window: defaultWindow(AS_OF),
    filters: {}, meetings: [], renderInvitation, slideTexts,
    run: { createdAt: CREATED_AT, version: '9.9.9', meetings: false, templates: false, ersatt: false },
    ...overrides,
  };
}

function plan(overrides: Partial<PrepPlanInput> = {}) {
  const result = planPrep(input(overrides));
  if (!result.ok) throw new Error(`findings: ${JSON.stringify(result.findings)}`);
  return result.plan;
}

describe('planPrep', () => {
  it('plans per manager a workbook, a deck and a mail, and a leadership deck per verksamhet', () => {
    const { folder, documents, summary } = plan();
    expect(folder).toBe('2027-vår');
    // Managers in Swedish name order (Märta, Olle, Åsa), folders and files after the manager; verksamheter sorted.
    const perManager = (name: string) => [
      [`Chefer/${name}/Alt. 1 HRs förberedelse – ${name}.xlsx`, 'xlsx'],
      [`Chefer/${name}/Alt. 2 HRs förberedelse – ${name}.pptx`, 'pptx'],
      [`Chefer/${name}/Bilaga 1 Inbjudan – ${name}.eml`, 'eml'],
    ];
    expect(documents.map((document) => [document.path, document.kind])).toEqual([
      ...perManager('Märta Håkansson'),
      ...perManager('Olle Nordin'),
      ...perManager('Åsa Ekström'),
      ['Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Daglig verksamhet.pptx', 'pptx'],
      ['Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Hemtjänst.pptx', 'pptx'],
      ['Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Särskilt boende.pptx', 'pptx'],
    ]);
    // The summary and the manifest list keys, not the paths with the managers' names.
    expect(summary.outputs.slice(0, 4)).toEqual(['chef-001/alt1', 'chef-001/alt2', 'chef-001/bilaga1', 'chef-002/alt1']);
    expect(summary.outputs).toEqual([...documents.map((document) => document.manifestKey), 'manifest.json']);
    // Open cases at 2027-02-10: R-1, R-6 (E10), R-2, R-3, R-4 (E20); R-7 opens 2027-02-15, R-5 is closed.
    expect(summary.openCases).toBe(5);
    // Gaps: R-2 3 (certificate expired, no health talk, no plan at day 33), R-3 2, R-4 1.
    expect([summary.casesWithGaps, summary.gaps, summary.needsSupport]).toEqual([3, 6, 2]);
  });

  it('records per verksamhet the checklist counts the next analysis compares with, counts only', () => {
    const { manifest } = plan();
    expect(manifest.checklist).toEqual([
      // No open case, but in the run.
      { operation: 'Daglig verksamhet', cases: 0, casesWithoutGaps: 0, gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 }, assessments: { systematic: 0, partial: 0, needs_support: 0 } },
      // R-1 (certificate expiring is a warning) and R-6: no gaps.
      { operation: 'Hemtjänst', cases: 2, casesWithoutGaps: 2, gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 }, assessments: { systematic: 2, partial: 0, needs_support: 0 } },
      // certificate, healthTalk, returnPlan; R-3: healthTalk (2026-02-09, a day over 12 months), activity; R-4: activity.
      { operation: 'Särskilt boende', cases: 3, casesWithoutGaps: 0, gapsByCheck: { certificate: 1, healthTalk: 2, returnPlan: 1, activity: 2 }, assessments: { systematic: 0, partial: 1, needs_support: 2 } },
    ]);
    expect(manifest.outputs).toEqual([]);
    expect(manifest.createdAt).toBe(CREATED_AT);
    expect(manifest.version).toBe('9.9.9');
    const text = JSON.stringify(manifest);
    for (const name of ['Astrid', 'Lövgren', 'Åsa', 'asa.ekstrom', 'R-1', '1001']) expect(text).not.toContain(name);
  });

  it('takes its time from the caller: the same input plans the same run', () => {
    const first = plan();
    expect(plan()).toEqual(first);
    const mail = first.documents.find((document) => document.kind === 'eml')!;
    expect(mail.kind === 'eml' && mail.model.date).toBe(CREATED_AT);
  });

  it('a meeting time gives a meeting request, also inside the mail, stamped with the run time', () => {
    const meeting = { managerEmail: 'olle.nordin@exempel.se', start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: 'Rum 3', line: 2 };
    const { documents } = plan({ meetings: [meeting] });
    const folder = 'Chefer/Olle Nordin';
    const ics = documents.find((document) => document.path === `${folder}/Mötesbokning – Olle Nordin.ics`);
    const eml = documents.find((document) => document.path === `${folder}/Bilaga 1 Inbjudan – Olle Nordin.eml`);
    expect(ics?.kind).toBe('ics');
    if (ics?.kind !== 'ics' || eml?.kind !== 'eml') throw new Error('missing documents');
    expect(ics.model).toMatchObject({ start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: 'Rum 3', stamp: CREATED_AT, attendee: { email: 'olle.nordin@exempel.se' } });
    expect(ics.model.title).toBe('Rehabiliteringsuppföljning våren 2027');
    expect(eml.model.meetingRequest).toEqual({ model: ics.model, fileName: 'Mötesbokning.ics' });
    expect(documents.filter((document) => document.kind === 'ics')).toHaveLength(1);
  });

  it('--chef plans one manager and the decks of her verksamheter', () => {
    const { documents, summary } = plan({ filters: { chef: ' ASA.Ekstrom@exempel.se ' } });
    expect(documents.map((document) => document.path)).toEqual([
      'Chefer/Åsa Ekström/Alt. 1 HRs förberedelse – Åsa Ekström.xlsx',
      'Chefer/Åsa Ekström/Alt. 2 HRs förberedelse – Åsa Ekström.pptx',
      'Chefer/Åsa Ekström/Bilaga 1 Inbjudan – Åsa Ekström.eml',
      'Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Hemtjänst.pptx',
    ]);
    expect(summary.openCases).toBe(2);
  });

  it('reports a meeting row for no manager by its line, counts managers without a time and lists them in a file for HR', () => {
    const meetings = [
      { managerEmail: 'olle.nordin@exempel.se', start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: '', line: 2 },
      { managerEmail: 'olle.nordn@exempel.se', start: '2027-02-17 09:00', end: '2027-02-17 10:00', location: '', line: 3 },
    ];
    const { documents, summary } = plan({ meetings });
    // Märta and Åsa have no row; line 3 has a typo.
    expect(summary.meetingFindings).toEqual([
      { code: 'meeting_without_manager', line: 3 },
      { code: 'managers_without_meeting', count: 2 },
    ]);
    const list = documents.find((document) => document.path === 'Mötestid saknas.txt');
    expect(list?.kind === 'txt' && list.model).toBe('Enhetschefer utan mötestid:\nMärta Håkansson <marta.hakansson@exempel.se>\nÅsa Ekström <asa.ekstrom@exempel.se>\n');
    expect(JSON.stringify(summary)).not.toContain('Märta');
    // Without --meetings nobody lacks a time.
    expect(plan().summary.meetingFindings).toEqual([]);
  });

  it('names every filter that matches nothing, at once, instead of planning', () => {
    const result = planPrep(input({ filters: { hr: 'Ingen Alls', verksamhet: 'Skola', chef: 'ingen@exempel.se' } }));
    expect(result).toEqual({
      ok: false,
      findings: [
        { code: 'unknown_hr_specialist', option: '--hr', value: 'Ingen Alls', configFile: null },
        { code: 'unknown_operation', option: '--operation', value: 'Skola', known: ['Daglig verksamhet', 'Hemtjänst', 'Särskilt boende'] },
        { code: 'unknown_manager', option: '--manager', value: 'ingen@exempel.se' },
      ],
    });
  });
});

describe('planPrep: the leadership deck case picture', () => {
  it('counts sick leave without a case per verksamhet of today\'s organisation, as the checklist lists it', async () => {
    const { evaluateCases } = await import('../../src/core/caseChecklist.js');
    const demoAsOf = '2027-02-01';
    const demo = readDataset(fixturePath('demo'), { headerAliases: config.headerAliases, requireCases: true });
    const result = planPrep(input({ dataset: demo.dataset, files: demo.files, readWarnings: demo.warnings, asOf: demoAsOf, window: defaultWindow(demoAsOf) }));
    if (!result.ok) throw new Error(`findings: ${JSON.stringify(result.findings)}`);
    // An independent tally: the checklist's list, each entry's unit placed by the unit's latest row in anstallda.csv.
    const checklist = evaluateCases(demo.dataset, { asOf: demoAsOf, thresholds: config.thresholds, repeatedShortTerm: [] });
    const operationOfUnit = new Map<string, string>();
    for (const row of [...demo.dataset.employments].sort((a, b) => a.validFrom.localeCompare(b.validFrom))) operationOfUnit.set(row.unitId, row.operation);
    let checked = 0;
    for (const deck of result.plan.documents.filter((document) => document.path.startsWith('Ledningsgrupp/'))) {
      const operation = deck.path.replace(/^Ledningsgrupp\/Rehabiliteringsuppföljning till ledningsgrupp – (.*)\.pptx$/, '$1');
      const text = JSON.stringify(deck.model);
      if (text.includes(`Siffrorna för ${operation} visas inte`)) continue;
      const expected = checklist.uncoveredSickLeave.filter((entry) => operationOfUnit.get(entry.unitId) === operation).length;
      const match = /"Sjukskrivna från dag 15 utan rehabärende"[^\]]*?\},\{[^}]*?"text":"([^"]+)"/.exec(text);
      expect(match, `${operation}: case picture row`).not.toBeNull();
      expect(match![1], operation).toBe(expected > 0 && expected < config.thresholds.minGroupSize ? `färre än ${config.thresholds.minGroupSize}` : String(expected));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
