import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import type { Dataset, EmploymentRow } from '../../src/core/types.js';
import { planAggregate, yearEarlierWindow, type AggregatePlanInput } from '../../src/plan/aggregatePlan.js';
import type { DeckModel } from '../../src/render/deckModel.js';
import { compileAnalysisMail } from '../../src/render/mailCompiler.js';
import type { WorkbookModel } from '../../src/render/workbookModel.js';
import { readMailTemplates } from '../../src/input/mailTemplates.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { employment, segment } from '../core/absenceFigures.builders.js';

const AS_OF = '2027-11-10';
const WINDOW = { from: '2027-05-01', to: '2027-10-31' };

function staff(unitId: string, operation: string, count: number, manager: string): EmploymentRow[] {
  return Array.from({ length: count }, (_, index) =>
    employment(`${unitId}-${index + 1}`, { unitId, unitName: `Enhet ${unitId}`, operation, managerName: `Chef ${manager}`, managerEmail: `${manager}@example.se` }),
  );
}

function dataset(): Dataset {
  return {
    // Hemtjänst: E1 8, E2 3 (small), E3 6, E6 7 employees; Boende: E4 and E5 with 6 each.
    employments: [
      ...staff('E1', 'Hemtjänst', 8, 'anna'),
      ...staff('E2', 'Hemtjänst', 3, 'anna'),
      ...staff('E3', 'Hemtjänst', 6, 'bertil'),
      ...staff('E6', 'Hemtjänst', 7, 'bertil'),
      ...staff('E4', 'Boende', 6, 'cecilia'),
      ...staff('E5', 'Boende', 6, 'david'),
    ],
    sickSegments: [segment('E1-1', '2027-06-01', null), segment('E2-1', '2027-09-01', '2027-09-20'), segment('E4-2', '2027-10-01', '2027-10-31')],
    cases: [],
  };
}

function input(overrides: Partial<AggregatePlanInput> = {}): AggregatePlanInput {
  return {
    asOf: AS_OF, window: WINDOW, dataset: dataset(), thresholds: DEFAULT_THRESHOLDS, administrationName: 'Testförvaltningen',
    processLeader: { name: 'Petra Process', email: 'petra@example.se' },
    hrSpecialists: [{ name: 'Hanna HR', email: 'hanna@example.se', operations: ['Hemtjänst'] }, { name: 'Ivar HR', email: 'ivar@example.se', operations: [] }],
    reflections: [], previousRound: null, meetings: [{ email: 'hanna@example.se', start: '2027-11-15 09:00', end: '2027-11-15 10:00', location: 'Rum 1' }],
    renderMail: compileAnalysisMail(readMailTemplates().bilaga2), files: {}, readWarnings: [],
    run: { createdAt: '2027-11-10T08:00:00.000Z', version: '0.0.0-test', options: {} },
    ...overrides,
  };
}

/** Every text of a deck or workbook model. */
function modelText(model: DeckModel | WorkbookModel): string {
  return JSON.stringify(model);
}

describe('planAggregate', () => {
  const plan = planAggregate(input());
  const deck = plan.documents.find((document) => document.kind === 'pptx')!.model as DeckModel;
  const workbook = plan.documents.find((document) => document.kind === 'xlsx')!.model as WorkbookModel;

  it('plans the deck, its workbook, a mail per HR specialist and a meeting request where a time is given', () => {
    expect(plan.folder).toBe('2027-höst analys');
    expect(plan.documents.map((document) => [document.kind, document.path])).toEqual([
      ['pptx', 'Analys av rehabiliteringsarbetet i förvaltningen 2027-höst.pptx'],
      ['xlsx', 'Analys av rehabiliteringsarbetet i förvaltningen 2027-höst.xlsx'],
      ['ics', 'Bilaga 2/Bilaga 2 – Inbjudan till analys 1 (Hemtjänst).ics'],
      ['eml', 'Bilaga 2/Bilaga 2 – Inbjudan till analys 1 (Hemtjänst).eml'],
      ['eml', 'Bilaga 2/Bilaga 2 – Inbjudan till analys 2 (alla verksamheter).eml'],
    ]);
    expect(plan.summary).toMatchObject({ period: '2027-höst', managers: 4, workbooksRead: 0, mails: 2, meetingRequests: 1 });
    expect(plan.manifest.counts).toMatchObject({ managers: 4, managersWithoutWorkbook: 4, openCases: 0 });
  });

  it('hides the small unit and, so it cannot be worked out from Hemtjänst, its smallest siblings too', () => {
    // E2 (3) < 5. Hemtjänst minus the shown enheter must not give E2 alone, and a manager who knows one hidden
    // enhet must not get the rest: E2 + E3 = 9 less E3 = 3 < 5, so E6 goes too (3 + 6 + 7 − 7 = 9 ≥ 5); E1 (8) stays.
    for (const model of [deck, workbook]) {
      expect(modelText(model)).toContain('Enhet E1');
      for (const name of ['Enhet E2', 'Enhet E3', 'Enhet E6']) expect(modelText(model)).not.toContain(name);
    }
    expect(modelText(workbook)).toContain('Enhet E4');
    // No person: managers, HR specialists and employees are nowhere in the shared material.
    for (const name of ['Chef anna', 'Chef bertil', 'Hanna HR', 'Petra Process', 'Person E1-1']) expect(modelText(deck) + modelText(workbook)).not.toContain(name);
  });

  it('compares with the same months a year earlier', () => {
    expect(yearEarlierWindow(WINDOW)).toEqual({ from: '2026-05-01', to: '2026-10-31' });
    expect(yearEarlierWindow({ from: '2027-02-03', to: '2027-03-10' })).toEqual({ from: '2026-02-03', to: '2026-03-10' });
  });

  it('opens its summary with findings, and draws the funnel plot as points with lines', async () => {
    const summarySlide = deck.slides[1]!;
    expect(summarySlide.title).toBe('Sammanfattning för förvaltningsledningen');
    // E1: 153 sick days (Jun 1 – Oct 31) of 8 × 184; förvaltningen: 153 + 20 + 31 = 204 of 36 × 184.
    const total = (204 / (36 * 184)) * 100;
    expect(JSON.stringify(summarySlide)).toContain(`Sjukfrånvaron i förvaltningen är ${total.toFixed(1).replace('.', ',')} %`);
    const zip = await JSZip.loadAsync(await renderPptx(deck));
    const charts = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    const scatter = charts.find((xml) => xml.includes('<c:scatterChart>'))!;
    const series = scatter.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
    expect(series[0]).toContain('<a:ln><a:noFill/></a:ln>');
    expect(series[0]).not.toContain('<c:symbol val="none"/>');
    for (const line of series.slice(1)) expect(line).toContain('<c:symbol val="none"/>');
    // Every axis id a chart refers to is an axis it defines (pptxgenjs adds a stray one).
    for (const xml of charts) {
      const defined = new Set([...xml.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"/g)].map((match) => match[1]));
      for (const [, id] of xml.matchAll(/<c:axId val="(\d+)"\/>/g)) expect(defined.has(id)).toBe(true);
    }
  });
});
