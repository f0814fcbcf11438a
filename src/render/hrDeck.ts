// "HR:s förberedelse vid rehabiliteringsuppföljning", Alt. 2 (seed 000): HR's own slides per unit manager; may name employees.
import { daysBetween, type DateRange, type IsoDate } from '../core/calendarDate.js';
import type { AdministrationFigures, MonthlyRate, UnitFigures } from '../core/absenceFigures.js';
import type { FunnelSignal } from '../core/funnelLimits.js';
import type { Assessment, CaseEvaluation, CheckName, ManagerCaseSummary, RepeatedShortTermFinding } from '../core/caseChecklist.js';
import {
  ADMINISTRATION_COLOR,
  ADMINISTRATION_LABEL,
  FIGURE_COLUMNS,
  LONG_COLOR,
  PERCENT_AXIS,
  SHORT_COLOR,
  dateRangeText,
  figureRow,
  monthLabel,
  monthlyTotals,
  numberCell,
  paginateTable,
  preferHorizontal,
  shortLongSeries,
  textCell,
  type CellTone,
  type DeckModel,
  type SlideModel,
  type TableCell,
  type TableColumn,
  type TableRow,
  type TableSlide,
  balancedPages,
  tablePages,
  wrappedLines,
} from './deckModel.js';
import {
  ACTIVITY_LABELS,
  ASSESSMENT_LABELS,
  CERTIFICATE_LABELS,
  CHECK_LABELS,
  CHECK_OK_LABELS,
  HEALTH_TALK_LABELS,
  NOT_APPLICABLE_LABEL,
  REPEATED_SHORT_TERM_LABELS,
  RETURN_PLAN_LABELS,
  SHORT_REASON_LABELS,
  TERMS,
  countText,
  periodInWords,
} from './labels.js';

export const HR_DECK_TITLE = 'HR:s förberedelse vid rehabiliteringsuppföljning';
/** Unit lines per trend chart (plus the administration's): more turn the chart into a tangle. */
const TREND_UNITS_PER_SLIDE = 5;
/** A milestone within this many days is marked: the meeting may be the last chance to prepare it. */
export const MILESTONE_SOON_DAYS = 14;

// The table area of a slide (src/write/pptxWriter.ts): 12.33 in across, from 1.3 in down to the note at 6.35 in;
// cells have 5 pt padding left and right, 3 pt above and below; a line of Calibri is about 1.22 × the font size.
export const TABLE_LAYOUT = { widthPt: 12.333 * 72, heightPt: (6.35 - 1.3) * 72 - 8, highlightPt: 0.75 * 72, paddingXPt: 10, paddingYPt: 6, lineHeight: 1.22 } as const;
/** The case tables' font size: the smallest the writer allows, so as many rows fit as stay readable. */
export const CASE_FONT_SIZE = 12;

/** One employment on a long sick leave that nobody follows up (SPEC §4), as HR's slides show it. */
export interface UncoveredSickLeaveRow {
  employeeName: string;
  unitName: string;
  periodStart: IsoDate;
  dayNumber: number;
  /** Percent. */
  extent: number;
  nextMilestone: { day: number; date: IsoDate } | null;
}

export interface HrDeckInput {
  /** '2027-vår'. */
  period: string;
  asOf: IsoDate;
  window: DateRange;
  administration: AdministrationFigures;
  manager: { name: string; email: string };
  /** The manager's enheter. */
  units: UnitFigures[];
  trend: { months: IsoDate[]; administration: MonthlyRate[]; units: Record<string, MonthlyRate[]> };
  cases: CaseEvaluation[];
  summary: ManagerCaseSummary;
  repeatedShortTerm: RepeatedShortTermFinding[];
  hrSpecialist: { name: string; email: string } | null;
  /** The manager's employments on sick leave from `uncoveredFromDay` without an open case. */
  uncoveredSickLeave?: UncoveredSickLeaveRow[];
  uncoveredFromDay?: number;
}

/** The funnel signal of a unit (SPEC §3), null where the figures have none. */
function signalOf(unit: UnitFigures): FunnelSignal | null {
  return unit.signal ?? null;
}

const SIGNAL_TEXT: Record<FunnelSignal, string> = {
  high: 'tydligt över förvaltningen även med hänsyn till enhetens storlek (över 99,8 %-gränsen)',
  watch_high: 'över förvaltningen med hänsyn till enhetens storlek (över 95 %-gränsen)',
  low: 'tydligt under förvaltningen (under 99,8 %-gränsen)',
  watch_low: 'under förvaltningen (under 95 %-gränsen)',
};

const ASSESSMENT_ORDER: Record<Assessment, number> = { needs_support: 0, partial: 1, systematic: 2 };
const ASSESSMENT_TONE: Record<Assessment, CellTone> = { needs_support: 'bad', partial: 'warning', systematic: 'good' };
const CHECK_ORDER: CheckName[] = ['certificate', 'healthTalk', 'returnPlan', 'activity'];
const CHECK_SHORT: Record<CheckName, string> = { certificate: 'läkarintyg', healthTalk: 'hälsosamtal', returnPlan: 'plan', activity: 'aktivitet' };

/** ok → green; not applicable → no colour; expiring → yellow; anything else is a gap → red. */
function statusTone(status: string): CellTone | undefined {
  if (status === 'ok') return 'good';
  if (status === 'not_applicable') return undefined;
  if (status === 'expiring') return 'warning';
  return 'bad';
}

/** "Gått ut" over "2027-01-20": the short reason, then the date on a line of its own so it never breaks. */
function checkCellText(evaluation: CaseEvaluation, check: CheckName): string {
  const status = evaluation.checks[check];
  const reason = evaluation.reasons[check];
  if (reason) {
    const label = (SHORT_REASON_LABELS[check] as Record<string, string>)[reason.code] ?? reason.code;
    return reason.date ? `${label}\n${reason.date}` : label;
  }
  if (status === 'ok') {
    const date = check === 'certificate' ? evaluation.dates.certificateTo : null;
    return date ? `${CHECK_OK_LABELS[check]}, t.o.m.\n${date}` : CHECK_OK_LABELS[check];
  }
  if (status === 'not_applicable') return NOT_APPLICABLE_LABEL;
  const labels: Record<CheckName, Record<string, string>> = { certificate: CERTIFICATE_LABELS, healthTalk: HEALTH_TALK_LABELS, returnPlan: RETURN_PLAN_LABELS, activity: ACTIVITY_LABELS };
  return labels[check][status] ?? status;
}

function milestoneSoon(milestone: { date: IsoDate } | null, asOf: IsoDate): boolean {
  return milestone !== null && daysBetween(asOf, milestone.date) <= MILESTONE_SOON_DAYS;
}

/** "Dag 365 om 5 dagar" over the date when it is near, else "Dag 90" over the date. */
function milestoneCellText(milestone: { day: number; date: IsoDate } | null, asOf: IsoDate): string {
  if (!milestone) return '–';
  const days = daysBetween(asOf, milestone.date);
  return days <= MILESTONE_SOON_DAYS ? `Dag ${milestone.day} om ${countText(days, 'day')}\n${milestone.date}` : `Dag ${milestone.day}\n${milestone.date}`;
}

function decimalText(value: number, signed = false): string {
  const text = Math.abs(value).toFixed(1).replace('.', ',');
  if (!signed) return value < 0 ? `−${text}` : text;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

export function buildHrDeck(input: HrDeckInput): DeckModel {
  const slides: SlideModel[] = [
    titleSlide(input),
    ...toRaiseSlides(input),
    ...figureSlides(input),
    ...trendSlides(input),
    overviewSlide(input),
    ...uncoveredSlides(input),
    ...caseSlides(input),
    ...repeatedShortTermSlides(input.repeatedShortTerm),
  ];
  // The file properties carry no name; the manager is named on the slides only.
  return { title: `${HR_DECK_TITLE} ${input.period}`, footer: `${HR_DECK_TITLE} · ${periodInWords(input.period)} · HR:s arbetsmaterial, delas inte med chef`, slides };
}

function titleSlide(input: HrDeckInput): SlideModel {
  const details = [
    `Enhetschef: ${input.manager.name}`,
    `Enheter: ${input.units.map((unit) => unit.name).join(', ') || '–'}`,
    `Sjukfrånvaro: ${dateRangeText(input.window)} · ärenden per ${input.asOf}`,
    ...(input.hrSpecialist ? [`HR-specialist: ${input.hrSpecialist.name}`] : []),
    'HR:s arbetsmaterial – delas inte med chef.',
  ];
  return { kind: 'title', title: HR_DECK_TITLE, subtitle: `Rehabiliteringsuppföljning ${input.period}`, details };
}

// --- "Att ta upp på mötet": the findings, one line each with the fact and the date, then the routine's dialogue. ---

interface Section {
  heading: string;
  lines: string[];
  /** Said plainly when there is nothing to raise. */
  empty: string;
}

function unitLines(input: HrDeckInput): string[] {
  return input.units.flatMap((unit) => {
    const signal = signalOf(unit);
    if (!unit.deviates && signal === null) return [];
    const parts = [`${unit.name}: ${unit.totalPct === null ? '–' : `${decimalText(unit.totalPct)} %`}`];
    if (unit.diffPp !== null) parts.push(`${decimalText(unit.diffPp, true)} ${TERMS.percentagePointsShort} mot förvaltningen`);
    if (unit.deviates) parts.push('avviker');
    if (signal !== null) parts.push(SIGNAL_TEXT[signal]);
    return [parts.join(', ')];
  });
}

function toRaiseSections(input: HrDeckInput): Section[] {
  const { asOf } = input;
  const uncovered = input.uncoveredSickLeave ?? [];
  const fromDay = input.uncoveredFromDay ?? 15;
  const cases = sortCases(input.cases);
  const soon = [
    ...uncovered.filter((row) => milestoneSoon(row.nextMilestone, asOf)).map((row) => ({ who: `${row.employeeName} (utan ärende)`, milestone: row.nextMilestone! })),
    ...cases.filter((c) => milestoneSoon(c.nextMilestone, asOf)).map((c) => ({ who: `${c.employeeName} (${c.caseId})`, milestone: c.nextMilestone! })),
  ].sort((a, b) => a.milestone.date.localeCompare(b.milestone.date));
  const certificates = cases.flatMap((c) => {
    const reason = c.reasons.certificate;
    const status = c.checks.certificate;
    if (status !== 'expired' && status !== 'expiring') return [];
    const date = reason?.date ?? c.dates.certificateTo;
    return [`${c.employeeName} (${c.caseId}): läkarintyget ${status === 'expired' ? 'gick ut' : 'går ut'} ${date ?? ''}`.trim()];
  });
  const support = cases
    .filter((c) => c.assessment === 'needs_support')
    .map((c) => `${c.employeeName} (${c.caseId}): ${countText(c.gaps, 'gap')} – ${c.gapChecks.map((check) => CHECK_SHORT[check]).join(', ')}`);
  const repeated = [...input.repeatedShortTerm]
    .sort((a, b) => b.periodCount - a.periodCount)
    .map((f) => `${f.employeeName} (${f.unitName}): ${countText(f.periodCount, 'sickPeriod')}, gränsen nåddes ${f.thresholdPeriodStart}; ${REPEATED_SHORT_TERM_LABELS[f.finding].toLowerCase()}`);
  return [
    { heading: `Enheter som avviker eller sticker ut (${dateRangeText(input.window)})`, lines: unitLines(input), empty: 'Ingen av enheterna avviker från förvaltningen.' },
    {
      heading: `${TERMS.uncoveredSickLeave} (dag ${fromDay} eller mer)`,
      lines: uncovered.map((row) => `${row.employeeName} (${row.unitName}): dag ${row.dayNumber}, sjuk sedan ${row.periodStart}, ${row.extent} %`),
      empty: `Ingen medarbetare är sjukskriven från dag ${fromDay} utan rehabärende.`,
    },
    {
      heading: `Milstolpar i rehabiliteringskedjan inom ${MILESTONE_SOON_DAYS} dagar`,
      lines: soon.map(({ who, milestone }) => `${who}: dag ${milestone.day} den ${milestone.date} (om ${countText(daysBetween(asOf, milestone.date), 'day')})`),
      empty: `Ingen milstolpe inom ${MILESTONE_SOON_DAYS} dagar.`,
    },
    { heading: 'Läkarintyg som gått ut eller snart går ut', lines: certificates, empty: 'Inga läkarintyg har gått ut eller går snart ut.' },
    { heading: 'Ärenden som behöver stöd', lines: support, empty: input.cases.length === 0 ? 'Chefen har inga öppna rehabärenden.' : 'Inget ärende behöver stöd.' },
    { heading: 'Upprepad korttidsfrånvaro', lines: repeated, empty: 'Ingen medarbetare med upprepad korttidsfrånvaro att ta upp.' },
  ];
}

/** The routine's dialogue (seed 000, "Genomförande"). */
function dialogueSection(input: HrDeckInput): Section {
  const lines = [
    'Den lokala sjukskrivningsrutinen och dess effekt',
    `Sjukfrånvaron de senaste sex månaderna (${dateRangeText(input.window)})`,
    'Ärendena i Adato: nuläge, planering och behov av stöd',
    'Identifierade risker för sjukskrivning',
    'Förslag på fortsatt arbete',
  ];
  if (input.summary.deeperSupport) lines.push(`Fördjupat stöd bör erbjudas: ${input.summary.needsSupport} av ${countText(input.summary.cases, 'case')} behöver stöd`);
  return { heading: 'Dialog enligt rutinen', lines, empty: '' };
}

// Bullets at 18 pt and headings at 20 pt across 12.33 in: about 13 lines fit between the title bar and the footer.
const BULLET_LINES_PER_SLIDE = 13;
const BULLET_WIDTH_PT = TABLE_LAYOUT.widthPt - 30;

function sectionLines(section: Section): number {
  const texts = section.lines.length > 0 ? section.lines : [section.empty];
  return 1.6 + texts.reduce((sum, line) => sum + wrappedLines(line, BULLET_WIDTH_PT, 18).lines, 0);
}

/** A section longer than a slide in pieces that each fit one, the later ones headed "(forts.)". */
function slideSizedSections(section: Section): Section[] {
  if (sectionLines(section) <= BULLET_LINES_PER_SLIDE) return [section];
  const pieces: Section[] = [];
  let lines: string[] = [];
  const heading = (): string => (pieces.length === 0 ? section.heading : `${section.heading} (forts.)`);
  for (const line of section.lines) {
    if (lines.length > 0 && sectionLines({ ...section, lines: [...lines, line] }) > BULLET_LINES_PER_SLIDE) {
      pieces.push({ ...section, heading: heading(), lines });
      lines = [];
    }
    lines.push(line);
  }
  pieces.push({ ...section, heading: heading(), lines });
  return pieces;
}

function toRaiseSlides(input: HrDeckInput): SlideModel[] {
  const sections = [...toRaiseSections(input), dialogueSection(input)].flatMap(slideSizedSections);
  // Whole sections (or slide-sized pieces of a long one) per slide, as few slides as fit, even in height.
  const pages = balancedPages(sections, sectionLines, BULLET_LINES_PER_SLIDE);
  return pages.map((page, index) => ({
    kind: 'bullets',
    title: index === 0 ? TERMS.toRaise : `${TERMS.toRaise} (forts.)`,
    paragraphs: page.flatMap((section) => [
      { style: 'heading' as const, text: section.heading },
      ...(section.lines.length > 0 ? section.lines.map((line) => ({ style: 'bullet' as const, text: line })) : [{ style: 'plain' as const, text: section.empty }]),
    ]),
  }));
}

// --- Figures ---

function figureSlides(input: HrDeckInput): SlideModel[] {
  const administrationTotal = input.administration.totalPct;
  const categories = [...input.units.map((unit) => unit.name), ADMINISTRATION_LABEL];
  const groups = [...input.units, input.administration];
  const chartSlide: SlideModel = {
    kind: 'barChart',
    title: 'Sjukfrånvaro per enhet jämfört med förvaltningen',
    horizontal: preferHorizontal(categories),
    chart: {
      categories,
      series: shortLongSeries(groups),
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Enhet',
      colors: [SHORT_COLOR, LONG_COLOR],
    },
    note: `Period: ${dateRangeText(input.window)}. Korttid = dag 1–14 i en sjukperiod, långtid = dag 15 och framåt.`,
  };
  const tableSlide: TableSlide = {
    kind: 'table',
    title: 'Sjukfrånvaro i siffror',
    columns: FIGURE_COLUMNS('Enhet'),
    rows: [
      ...input.units.map((unit) => figureRow(unit.name, unit, administrationTotal, { deviates: unit.deviates || signalOf(unit) === 'high' })),
      figureRow(ADMINISTRATION_LABEL, input.administration, administrationTotal, { emphasis: true, isAdministration: true }),
    ],
    note: `Procent av arbetstiden (heltidsdagar), ${dateRangeText(input.window)}. Röd markering: enheten avviker eller ligger över 99,8 %-gränsen med hänsyn till sin storlek.`,
  };
  return [chartSlide, ...paginateTable(tableSlide, 12)];
}

function trendSlides(input: HrDeckInput): SlideModel[] {
  const months = input.trend.months;
  const title = 'Sjukfrånvaro månad för månad, senaste 12 månaderna';
  const administration = { name: ADMINISTRATION_LABEL, values: monthlyTotals(months, input.trend.administration) };
  const pages: SlideModel[] = [];
  for (let start = 0; start === 0 || start < input.units.length; start += TREND_UNITS_PER_SLIDE) {
    const units = input.units
      .slice(start, start + TREND_UNITS_PER_SLIDE)
      .map((unit) => ({ name: unit.name, values: monthlyTotals(months, input.trend.units[`${unit.level}:${unit.id}`]) }));
    pages.push({
      kind: 'lineChart',
      title: start === 0 ? title : `${title} (forts.)`,
      chart: {
        categories: months.map(monthLabel),
        series: [...units, administration],
        valueAxisTitle: PERCENT_AXIS,
        categoryAxisTitle: 'Månad',
        colors: [...units.map((_, index) => UNIT_LINE_COLORS[index % UNIT_LINE_COLORS.length]!), ADMINISTRATION_COLOR],
      },
      note: 'Total sjukfrånvaro (kort- och långtid) per månad.',
    });
  }
  return pages;
}

const UNIT_LINE_COLORS = ['2E75B6', 'ED7D31', '548235', '7030A0', 'C00000'];

/** Figures and cases side by side: a unit that deviates beside "0 brister" must not read as all well. */
function overviewSlide(input: HrDeckInput): SlideModel {
  const { summary, cases } = input;
  const count = (assessment: Assessment): number => cases.filter((evaluation) => evaluation.assessment === assessment).length;
  const row = (label: string, value: number, tone?: CellTone): { cells: TableCell[] } => ({
    cells: [textCell(label), numberCell(value, { decimals: 0, tone })],
  });
  const gapTone = (value: number): CellTone | undefined => (value > 0 ? 'bad' : undefined);
  const deviating = input.units.filter((unit) => unit.deviates || signalOf(unit) === 'high' || signalOf(unit) === 'watch_high').length;
  const uncovered = (input.uncoveredSickLeave ?? []).length;
  const soon = [...cases.map((c) => c.nextMilestone), ...(input.uncoveredSickLeave ?? []).map((r) => r.nextMilestone)].filter((m) => milestoneSoon(m, input.asOf)).length;
  return {
    kind: 'table',
    title: 'Översikt: sjukfrånvaro och rehabärenden',
    compact: true,
    fontSize: 14,
    highlight: summary.deeperSupport
      ? `Fördjupat stöd bör erbjudas: ${summary.needsSupport} av ${countText(summary.cases, 'case')} behöver stöd.`
      : undefined,
    columns: [
      { header: 'Uppgift', width: 5, align: 'left' },
      { header: 'Antal', width: 1.2, align: 'right' },
    ],
    rows: [
      row('Enheter som avviker eller ligger över 95 %-gränsen', deviating, gapTone(deviating)),
      row(`${TERMS.uncoveredSickLeave} (dag ${input.uncoveredFromDay ?? 15} eller mer)`, uncovered, gapTone(uncovered)),
      row(`Milstolpar inom ${MILESTONE_SOON_DAYS} dagar`, soon, soon > 0 ? 'warning' : undefined),
      { ...row('Öppna rehabärenden', summary.cases), emphasis: true },
      row(`Bedömning: ${ASSESSMENT_LABELS.systematic}`, count('systematic')),
      row(`Bedömning: ${ASSESSMENT_LABELS.partial}`, count('partial')),
      row(`Bedömning: ${ASSESSMENT_LABELS.needs_support}`, summary.needsSupport, gapTone(summary.needsSupport)),
      ...CHECK_ORDER.map((check) => row(`Brister: ${CHECK_LABELS[check]}`, summary.gapsByCheck[check], gapTone(summary.gapsByCheck[check]))),
      { ...row('Brister totalt', summary.totalGaps), emphasis: true },
      row('Upprepad korttidsfrånvaro att ta upp', input.repeatedShortTerm.length),
    ],
    note: 'Brist = en kontroll som gäller ärendet men inte är uppfylld. "Går snart ut" för läkarintyg räknas som varning, inte brist.',
  };
}

// --- Tables that fill the slide: rows measured at CASE_FONT_SIZE, as many as fit, continuations balanced. ---

function rowHeightPt(row: TableRow, columns: TableColumn[], fontSize: number): number {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  let lines = 1;
  row.cells.forEach((cell, index) => {
    const column = columns[index];
    if (!column || cell.kind !== 'text') return;
    const inner = (column.width / total) * TABLE_LAYOUT.widthPt - TABLE_LAYOUT.paddingXPt;
    lines = Math.max(lines, wrappedLines(cell.text, inner, fontSize, cell.bold ?? false).lines);
  });
  return lines * fontSize * TABLE_LAYOUT.lineHeight + TABLE_LAYOUT.paddingYPt;
}

function fittedTable(table: TableSlide): TableSlide[] {
  const fontSize = table.fontSize ?? CASE_FONT_SIZE;
  const header: TableRow = { cells: table.columns.map((column) => textCell(column.header, { bold: true })) };
  const budget = TABLE_LAYOUT.heightPt - rowHeightPt(header, table.columns, fontSize) - (table.highlight ? TABLE_LAYOUT.highlightPt : 0);
  return tablePages(table, balancedPages(table.rows, (row) => rowHeightPt(row, table.columns, fontSize), budget));
}

// Widths: every date line ("2027-02-06", 56 pt at 12 pt) fits its column with padding; status words stay whole.
const CASE_COLUMNS: TableColumn[] = [
  { header: 'Ärende', width: 1.0, align: 'left' },
  { header: 'Medarbetare', width: 1.5, align: 'left' },
  { header: 'Enhet', width: 1.55, align: 'left' },
  { header: 'Dag', width: 0.55, align: 'right' },
  { header: 'Läkarintyg', width: 1.1, align: 'left' },
  { header: 'Hälsosamtal', width: 1.1, align: 'left' },
  { header: 'Plan', width: 1.2, align: 'left' },
  { header: 'Aktivitet', width: 1.3, align: 'left' },
  { header: 'Bedömning', width: 1.25, align: 'left' },
  { header: 'Nästa milstolpe', width: 1.35, align: 'left' },
];

/** Cases needing support first, so the slides open with what the meeting must take up. */
function sortCases(cases: CaseEvaluation[]): CaseEvaluation[] {
  return [...cases].sort(
    (a, b) =>
      ASSESSMENT_ORDER[a.assessment] - ASSESSMENT_ORDER[b.assessment] ||
      a.unitName.localeCompare(b.unitName, 'sv') ||
      a.caseId.localeCompare(b.caseId, 'sv'),
  );
}

function caseSlides(input: HrDeckInput): SlideModel[] {
  // No cases: "Att ta upp på mötet" says so; a slide with one sentence would be near-empty.
  if (input.cases.length === 0) return [];
  const { asOf } = input;
  const table: TableSlide = {
    kind: 'table',
    title: `Ärenden (${countText(input.cases.length, 'case')})`,
    columns: CASE_COLUMNS,
    fontSize: CASE_FONT_SIZE,
    rows: sortCases(input.cases).map((evaluation) => ({
      cells: [
        textCell(evaluation.caseId),
        textCell(evaluation.employeeName),
        textCell(evaluation.unitName),
        numberCell(evaluation.dayNumber, { decimals: 0 }),
        ...CHECK_ORDER.map((check) => textCell(checkCellText(evaluation, check), { tone: statusTone(evaluation.checks[check]) })),
        textCell(ASSESSMENT_LABELS[evaluation.assessment], { tone: ASSESSMENT_TONE[evaluation.assessment], bold: true }),
        textCell(milestoneCellText(evaluation.nextMilestone, asOf), milestoneSoon(evaluation.nextMilestone, asOf) ? { tone: 'warning', bold: true } : {}),
      ],
    })),
    note: `Dag = dag i pågående sjukperiod. Datum under status = det datum som avgör. Nästa milstolpe i rehabiliteringskedjan (dag 90, 180, 365) om sjukperioden fortsätter; gul = inom ${MILESTONE_SOON_DAYS} dagar.`,
  };
  return fittedTable(table);
}

function uncoveredSlides(input: HrDeckInput): SlideModel[] {
  const rows = input.uncoveredSickLeave ?? [];
  if (rows.length === 0) return [];
  const { asOf } = input;
  const table: TableSlide = {
    kind: 'table',
    title: `${TERMS.uncoveredSickLeave}: ${countText(rows.length, 'employment')}`,
    columns: [
      { header: 'Medarbetare', width: 2.2, align: 'left' },
      { header: 'Enhet', width: 2.2, align: 'left' },
      { header: 'Sjuk sedan', width: 1.2, align: 'left' },
      { header: 'Dag', width: 0.7, align: 'right' },
      { header: 'Omfattning', width: 1.1, align: 'right' },
      { header: 'Nästa milstolpe', width: 1.5, align: 'left' },
    ],
    fontSize: CASE_FONT_SIZE,
    rows: [...rows]
      .sort((a, b) => b.dayNumber - a.dayNumber)
      .map((row) => ({
        cells: [
          textCell(row.employeeName),
          textCell(row.unitName),
          textCell(row.periodStart),
          numberCell(row.dayNumber, { decimals: 0, tone: 'bad' }),
          textCell(`${row.extent} %`),
          textCell(milestoneCellText(row.nextMilestone, asOf), milestoneSoon(row.nextMilestone, asOf) ? { tone: 'warning', bold: true } : {}),
        ],
      })),
    note: `Sjukskrivna från dag ${input.uncoveredFromDay ?? 15} i en pågående sjukperiod utan öppet rehabärende i Adato. Ett avslutat ärende räknas inte.`,
  };
  return fittedTable(table);
}

function repeatedShortTermSlides(findings: RepeatedShortTermFinding[]): SlideModel[] {
  // None: "Att ta upp på mötet" says so.
  if (findings.length === 0) return [];
  const table: TableSlide = {
    kind: 'table',
    title: 'Upprepad korttidsfrånvaro',
    columns: [
      { header: 'Medarbetare', width: 2.2, align: 'left' },
      { header: 'Enhet', width: 2.2, align: 'left' },
      { header: 'Sjukperioder senaste 12 mån.', width: 1.6, align: 'right' },
      { header: 'Gränsen nåddes', width: 1.5, align: 'left' },
      { header: 'Ärende', width: 1.2, align: 'left' },
      { header: 'Iakttagelse', width: 3.3, align: 'left' },
    ],
    fontSize: CASE_FONT_SIZE,
    rows: [...findings]
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'sv') || b.periodCount - a.periodCount || a.employeeName.localeCompare(b.employeeName, 'sv'))
      .map((finding) => ({
        cells: [
          textCell(finding.employeeName),
          textCell(finding.unitName),
          numberCell(finding.periodCount, { decimals: 0 }),
          textCell(finding.thresholdPeriodStart),
          textCell(finding.caseId ?? '–'),
          textCell(REPEATED_SHORT_TERM_LABELS[finding.finding], { tone: 'warning' }),
        ],
      })),
    note: '"Gränsen nåddes" = startdagen för den sjukperiod som gjorde att gränsen för upprepad korttidsfrånvaro nåddes.',
  };
  return fittedTable(table);
}
