// Plain-object inputs for the deck tests (invented names; figures chosen so the expected text is easy to compute).
import type { AdministrationFigures, MonthlyRate, UnitFigures } from '../../src/core/absenceFigures.js';
import type { CaseEvaluation, ManagerCaseSummary, RepeatedShortTermFinding } from '../../src/core/caseChecklist.js';
import type { HrDeckInput } from '../../src/render/hrDeck.js';

export const MONTHS = ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01'];

export function administration(overrides: Partial<AdministrationFigures> = {}): AdministrationFigures {
  return {
    name: 'Förvaltningen för funktionsstöd',
    employees: 900,
    exposureDays: 150_000,
    shortSickDays: 4_200,
    longSickDays: 6_300,
    longSpellSickDays: 4_000,
    shortPct: 2.8,
    longPct: 4.2,
    totalPct: 7.0,
    longSpellSharePct: 38.1,
    previousTotalPct: 7.5,
    ...overrides,
  };
}

export function unit(id: string, name: string, overrides: Partial<UnitFigures> = {}): UnitFigures {
  return {
    level: 'enhet',
    id,
    name,
    parent: 'Boende norr',
    department: 'Avdelning boende',
    operation: 'Boende norr',
    managerName: 'Karin Lindqvist',
    managerEmail: 'karin.lindqvist@example.se',
    employees: 20,
    exposureDays: 3_000,
    shortSickDays: 90,
    longSickDays: 120,
    longSpellSickDays: 60,
    shortPct: 3.0,
    longPct: 4.0,
    totalPct: 7.0,
    longSpellSharePct: 28.6,
    previousTotalPct: 6.5,
    diffPp: 0,
    deviates: false,
    suppressed: false,
    funnel: null,
    signal: null,
    ...overrides,
  };
}

export function monthly(values: (number | null)[]): MonthlyRate[] {
  return MONTHS.map((month, index) => {
    const total = values[index] ?? null;
    return { month, shortPct: total === null ? null : total / 2, longPct: total === null ? null : total / 2, totalPct: total };
  });
}

export const EMPLOYEE_NAMES = [
  'Astrid Öberg', 'Bengt Åkesson', 'Cecilia Ängström', 'David Nyström', 'Elin Sjöberg', 'Fredrik Håkansson',
  'Greta Löfgren', 'Hassan Jönsson', 'Ingrid Björk', 'Johan Strömberg', 'Kerstin Dahl', 'Leila Ekström',
];

export function caseEvaluation(index: number, overrides: Partial<CaseEvaluation> = {}): CaseEvaluation {
  return {
    caseId: `R-${String(100 + index)}`,
    employmentId: `A${String(1000 + index)}`,
    employeeName: EMPLOYEE_NAMES[index % EMPLOYEE_NAMES.length]!,
    caseType: 'langtid',
    openedDate: '2026-10-01',
    expectedOver60Days: 'ja',
    unitId: 'E1',
    unitName: 'Gruppbostad Solrosen',
    operation: 'Boende norr',
    department: 'Avdelning boende',
    manager: 'karin.lindqvist@example.se',
    managerName: 'Karin Lindqvist',
    periodStart: '2026-12-01',
    dayNumber: 72,
    checks: { certificate: 'ok', healthTalk: 'ok', returnPlan: 'ok', activity: 'ok' },
    reasons: {},
    gaps: 0,
    gapChecks: [],
    assessment: 'systematic',
    nextMilestone: { day: 90, date: '2027-02-28' },
    dates: {
      certificateTo: '2027-03-15',
      healthTalkDate: '2026-11-01',
      planMadeDate: '2026-12-20',
      planRevisedDate: null,
      planFollowUpDate: '2027-03-01',
      lastDocumentationDate: '2027-02-01',
      nextActivityDate: '2027-02-20',
    },
    ...overrides,
  };
}

/** 12 cases: 0–3 need support (missing plan), 4–5 partial (no next activity), the rest systematic. */
export function twelveCases(): CaseEvaluation[] {
  return Array.from({ length: 12 }, (_, index) => {
    if (index < 4) {
      return caseEvaluation(index, { checks: { certificate: 'expired', healthTalk: 'ok', returnPlan: 'missing', activity: 'ok' }, gaps: 2, gapChecks: ['certificate', 'returnPlan'], assessment: 'needs_support' });
    }
    if (index < 6) {
      return caseEvaluation(index, { unitName: 'Daglig verksamhet Hamnen', unitId: 'E2', checks: { certificate: 'expiring', healthTalk: 'ok', returnPlan: 'not_applicable', activity: 'no_next_activity' }, gaps: 1, gapChecks: ['activity'], assessment: 'partial' });
    }
    return caseEvaluation(index);
  });
}

export function summaryOf(cases: CaseEvaluation[]): ManagerCaseSummary {
  const gapsByCheck = { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 };
  for (const evaluation of cases) for (const check of evaluation.gapChecks) gapsByCheck[check] += 1;
  const needsSupport = cases.filter((evaluation) => evaluation.assessment === 'needs_support').length;
  return {
    manager: 'karin.lindqvist@example.se',
    managerName: 'Karin Lindqvist',
    cases: cases.length,
    gapsByCheck,
    totalGaps: cases.reduce((sum, evaluation) => sum + evaluation.gaps, 0),
    needsSupport,
    deeperSupport: needsSupport >= 3 || needsSupport * 2 >= cases.length,
    uncoveredSickLeave: 0,
  };
}

export function finding(overrides: Partial<RepeatedShortTermFinding> = {}): RepeatedShortTermFinding {
  return {
    employmentId: 'A2001',
    employeeName: 'Mikael Forsberg',
    unitId: 'E2',
    unitName: 'Daglig verksamhet Hamnen',
    manager: 'karin.lindqvist@example.se',
    periodCount: 7,
    thresholdPeriodStart: '2026-11-03',
    caseId: null,
    finding: 'no_open_case',
    ...overrides,
  };
}

export function hrDeckInput(overrides: Partial<HrDeckInput> = {}): HrDeckInput {
  const units = [
    unit('E1', 'Gruppbostad Solrosen', { shortPct: 3.25, longPct: 6.5, totalPct: 9.75, previousTotalPct: 8.5, diffPp: 2.75, deviates: true }),
    unit('E2', 'Daglig verksamhet Hamnen', { shortPct: 2.0, longPct: 3.0, totalPct: 5.0, previousTotalPct: 6.0, diffPp: -2.0 }),
  ];
  const cases = twelveCases();
  return {
    period: '2027-vår',
    asOf: '2027-02-10',
    window: { from: '2026-08-01', to: '2027-01-31' },
    administration: administration(),
    manager: { name: 'Karin Lindqvist', email: 'karin.lindqvist@example.se' },
    units,
    trend: {
      months: MONTHS,
      administration: monthly([7.1, 7.0, 6.9, 6.8, 6.5, 6.0, 6.4, 6.9, 7.2, 7.4, 7.6, 7.3]),
      units: {
        'enhet:E1': monthly([8, 8.5, 9, 9.5, 10, 9, 9.5, 10, 10.5, 9.5, 9, 10]),
        'enhet:E2': monthly([null, null, 5, 5.5, 4, 4.5, 5, 5.5, 6, 4.5, 5, 4.5]),
      },
    },
    cases,
    summary: summaryOf(cases),
    repeatedShortTerm: [finding(), finding({ employmentId: 'A2002', employeeName: 'Nora Wikström', unitId: 'E1', unitName: 'Gruppbostad Solrosen', periodCount: 6, caseId: 'R-300', finding: 'no_health_talk_after_threshold_period' })],
    hrSpecialist: { name: 'Sara Holm', email: 'sara.holm@example.se' },
    ...overrides,
  };
}

export function operationFigures(overrides: Partial<UnitFigures> = {}): UnitFigures {
  return unit('Boende norr', 'Boende norr', { level: 'verksamhet', parent: 'Avdelning boende', operation: 'Boende norr', managerName: null, managerEmail: null, employees: 64, exposureDays: 9_600, shortPct: 2.9, longPct: 5.1, totalPct: 8.0, previousTotalPct: 7.6, diffPp: 1.0, ...overrides });
}

/**
 * Boende norr: Solrosen (20), Hamnen (18), Linden (22) shown; Vitsippan (3) hidden (fewer than 5), and with one hidden
 * unit the smallest shown sibling (Hamnen, 18) must go too (secondary suppression). Another verksamhet keeps the tree realistic.
 */
export function managementUnits(): { units: UnitFigures[]; allUnits: UnitFigures[]; operation: UnitFigures } {
  const units = [
    unit('E1', 'Gruppbostad Solrosen', { employees: 20, exposureDays: 3_000, shortPct: 3.25, longPct: 6.5, totalPct: 9.75, previousTotalPct: 8.5, diffPp: 2.75, deviates: true }),
    unit('E2', 'Daglig verksamhet Hamnen', { employees: 18, exposureDays: 2_700, shortPct: 2.0, longPct: 3.0, totalPct: 5.0, previousTotalPct: 6.0, diffPp: -2.0 }),
    unit('E3', 'Servicebostad Linden', { employees: 22, exposureDays: 3_300, shortPct: 2.5, longPct: 4.5, totalPct: 7.0, previousTotalPct: 7.2, diffPp: 0 }),
    unit('E4', 'Korttidsboende Vitsippan', { employees: 3, exposureDays: 600, shortPct: 6.0, longPct: 17.45, totalPct: 23.45, previousTotalPct: 4.0, diffPp: 16.45, suppressed: true, managerName: 'Ulf Sandberg', managerEmail: 'ulf.sandberg@example.se' }),
  ];
  const operation = operationFigures();
  const otherUnits = [
    unit('E9', 'Boende söder Ekbacken', { parent: 'Boende söder', operation: 'Boende söder', employees: 30 }),
    unit('E10', 'Boende söder Almen', { parent: 'Boende söder', operation: 'Boende söder', employees: 25 }),
    operationFigures({ id: 'Boende söder', name: 'Boende söder', employees: 55 }),
    unit('Avdelning boende', 'Avdelning boende', { level: 'avdelning', parent: 'Förvaltningen för funktionsstöd', operation: '', employees: 119 }),
  ];
  return { units, allUnits: [...units, operation, ...otherUnits], operation };
}

/** Every XML part of a .pptx as text, by part name. */
export async function unzipXml(pptx: Buffer): Promise<Map<string, string>> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  const parts = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir && /\.(xml|rels)$/.test(entry.name)) parts.set(entry.name, await entry.async('string'));
  }
  return parts;
}

/** Part names of a .pptx, XML or not. */
export async function partNames(pptx: Buffer): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  return Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name);
}

/** What PowerPoint would "repair": chart axis ids without an axis, overrides for missing parts, parts without a content type. */
export async function packageProblems(pptx: Buffer): Promise<string[]> {
  const xml = await unzipXml(pptx);
  const names = await partNames(pptx);
  const problems: string[] = [];
  for (const [name, chart] of xml) {
    if (!/^ppt\/charts\/chart\d+\.xml$/.test(name)) continue;
    const axes = new Set([...chart.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"/g)].map((match) => match[1]));
    for (const match of chart.matchAll(/<c:axId val="(\d+)"/g)) if (!axes.has(match[1])) problems.push(`${name}: axId ${match[1]} has no axis`);
  }
  const contentTypes = xml.get('[Content_Types].xml') ?? '';
  const overrides = [...contentTypes.matchAll(/<Override PartName="\/([^"]+)"/g)].map((match) => match[1]!);
  const defaults = new Set([...contentTypes.matchAll(/<Default Extension="([^"]+)"/g)].map((match) => match[1]!.toLowerCase()));
  for (const part of overrides) if (!names.includes(part)) problems.push(`Override for missing part ${part}`);
  for (const part of names) {
    if (part === '[Content_Types].xml') continue;
    const extension = part.split('.').pop()!.toLowerCase();
    if (!overrides.includes(part) && !defaults.has(extension)) problems.push(`no content type for ${part}`);
    if (/^ppt\/(slides|charts|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(part) && !overrides.includes(part)) problems.push(`no Override for ${part}`);
  }
  return problems;
}

/** Slide XML in slide order (slide1.xml, slide2.xml, …). */
export function slidesInOrder(xml: Map<string, string>): string[] {
  return [...xml.keys()]
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
    .map((name) => xml.get(name)!);
}

/** The visible text runs of one slide's XML, joined. */
export function slideText(slideXml: string): string {
  return [...slideXml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join(' ');
}

export function isHidden(slideXml: string): boolean {
  return /<p:sld\b[^>]*\sshow="0"/.test(slideXml);
}

/** Series of a chart part: name → values by point index (missing points absent). */
export function chartSeries(chartXml: string): { name: string; categories: string[]; values: (number | null)[] }[] {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => {
    const ser = match[1]!;
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? '';
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1] ?? '';
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
    const categories = [...cat.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g)].map((point) => point[1]!);
    const count = Number(/<c:ptCount val="(\d+)"/.exec(val)?.[1] ?? 0);
    const values: (number | null)[] = Array.from({ length: count }, () => null);
    for (const point of val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)) values[Number(point[1])] = Number(point[2]);
    return { name, categories, values };
  });
}
