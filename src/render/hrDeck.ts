// "HR:s förberedelse vid rehabiliteringsuppföljning", Alt. 2 (seed 000): HR's own slides per unit manager; may name employees.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { AdministrationFigures, MonthlyRate, UnitFigures } from '../core/absenceFigures.js';
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
  type TableSlide,
} from './deckModel.js';
import {
  ACTIVITY_LABELS,
  ASSESSMENT_LABELS,
  CERTIFICATE_LABELS,
  CHECK_LABELS,
  HEALTH_TALK_LABELS,
  REPEATED_SHORT_TERM_LABELS,
  RETURN_PLAN_LABELS,
} from './labels.js';

export const HR_DECK_TITLE = 'HR:s förberedelse vid rehabiliteringsuppföljning';
/** Rows of the case table per slide: 7 rows of two- or three-line cells fill a 16:9 slide at 13 pt. */
export const CASE_ROWS_PER_SLIDE = 7;
/** Unit lines per trend chart (plus the administration's): more turn the chart into a tangle. */
const TREND_UNITS_PER_SLIDE = 5;
const FINDING_ROWS_PER_SLIDE = 10;

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
}

const ASSESSMENT_ORDER: Record<Assessment, number> = { needs_support: 0, partial: 1, systematic: 2 };
const ASSESSMENT_TONE: Record<Assessment, CellTone> = { needs_support: 'bad', partial: 'warning', systematic: 'good' };
const CHECK_ORDER: CheckName[] = ['certificate', 'healthTalk', 'returnPlan', 'activity'];

/** ok → green; not applicable → no colour; expiring → yellow; anything else is a gap → red. */
function statusTone(status: string): CellTone | undefined {
  if (status === 'ok') return 'good';
  if (status === 'not_applicable') return undefined;
  if (status === 'expiring') return 'warning';
  return 'bad';
}

function statusCell(status: string, label: string): TableCell {
  return textCell(label, { tone: statusTone(status) });
}

export function buildHrDeck(input: HrDeckInput): DeckModel {
  const slides: SlideModel[] = [
    titleSlide(input),
    ...figureSlides(input),
    ...trendSlides(input),
    overviewSlide(input),
    ...caseSlides(input.cases),
    ...repeatedShortTermSlides(input.repeatedShortTerm),
    {
      kind: 'bullets',
      title: 'Att ta upp på mötet / Förslag på fortsatt arbete',
      paragraphs: [
        { style: 'heading', text: 'Att ta upp på mötet' },
        { style: 'bullet', text: '' },
        { style: 'bullet', text: '' },
        { style: 'bullet', text: '' },
        { style: 'heading', text: 'Förslag på fortsatt arbete' },
        { style: 'bullet', text: '' },
        { style: 'bullet', text: '' },
        { style: 'bullet', text: '' },
      ],
    },
  ];
  // The file properties carry no name; the manager is named on the slides only.
  return { title: `${HR_DECK_TITLE} ${input.period}`, footer: `${HR_DECK_TITLE} · ${input.period} · HR:s arbetsmaterial, delas inte med chef`, slides };
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
      ...input.units.map((unit) => figureRow(unit.name, unit, administrationTotal, { deviates: unit.deviates })),
      figureRow(ADMINISTRATION_LABEL, input.administration, administrationTotal, { emphasis: true, isAdministration: true }),
    ],
    note: `Procent av arbetstiden (heltidsdagar), ${dateRangeText(input.window)}. Röd markering: enheten ligger över förvaltningens gräns för avvikelse.`,
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

function overviewSlide(input: HrDeckInput): SlideModel {
  const { summary, cases } = input;
  const count = (assessment: Assessment): number => cases.filter((evaluation) => evaluation.assessment === assessment).length;
  const row = (label: string, value: number, tone?: CellTone): { cells: TableCell[] } => ({
    cells: [textCell(label), numberCell(value, { decimals: 0, tone })],
  });
  const gapTone = (value: number): CellTone | undefined => (value > 0 ? 'bad' : undefined);
  return {
    kind: 'table',
    title: 'Översikt över rehabiliteringsärendena',
    compact: true,
    fontSize: 16,
    highlight: summary.deeperSupport
      ? `Fördjupat stöd bör erbjudas: ${summary.needsSupport} av ${summary.cases} ärenden behöver stöd.`
      : undefined,
    columns: [
      { header: 'Uppgift', width: 5, align: 'left' },
      { header: 'Antal', width: 1.2, align: 'right' },
    ],
    rows: [
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

// Widths chosen so the longest status texts ("Ingen aktuell dokumentation") take two lines at 13 pt.
const CASE_COLUMNS: TableColumn[] = [
  { header: 'Ärende', width: 1.05, align: 'left' },
  { header: 'Medarbetare', width: 1.5, align: 'left' },
  { header: 'Enhet', width: 1.6, align: 'left' },
  { header: 'Dag', width: 0.5, align: 'right' },
  { header: 'Läkarintyg', width: 1.1, align: 'left' },
  { header: 'Hälsosamtal', width: 1.2, align: 'left' },
  { header: 'Plan', width: 0.95, align: 'left' },
  { header: 'Aktivitet', width: 1.65, align: 'left' },
  { header: 'Bedömning', width: 1.35, align: 'left' },
  { header: 'Nästa milstolpe', width: 1.45, align: 'left' },
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

function caseSlides(cases: CaseEvaluation[]): SlideModel[] {
  if (cases.length === 0) {
    return [{ kind: 'bullets', title: 'Ärenden', paragraphs: [{ style: 'plain', text: 'Chefen har inga öppna rehabärenden vid uppföljningen.' }] }];
  }
  const table: TableSlide = {
    kind: 'table',
    title: 'Ärenden',
    columns: CASE_COLUMNS,
    fontSize: 13,
    rows: sortCases(cases).map((evaluation) => ({
      cells: [
        textCell(evaluation.caseId),
        textCell(evaluation.employeeName),
        textCell(evaluation.unitName),
        numberCell(evaluation.dayNumber, { decimals: 0 }),
        statusCell(evaluation.checks.certificate, CERTIFICATE_LABELS[evaluation.checks.certificate]),
        statusCell(evaluation.checks.healthTalk, HEALTH_TALK_LABELS[evaluation.checks.healthTalk]),
        statusCell(evaluation.checks.returnPlan, RETURN_PLAN_LABELS[evaluation.checks.returnPlan]),
        statusCell(evaluation.checks.activity, ACTIVITY_LABELS[evaluation.checks.activity]),
        textCell(ASSESSMENT_LABELS[evaluation.assessment], { tone: ASSESSMENT_TONE[evaluation.assessment], bold: true }),
        textCell(evaluation.nextMilestone ? `Dag ${evaluation.nextMilestone.day}: ${evaluation.nextMilestone.date}` : '–'),
      ],
    })),
    note: 'Dag = dag i pågående sjukperiod. Nästa milstolpe i rehabiliteringskedjan (dag 90, 180, 365) och datum om sjukperioden fortsätter.',
  };
  return paginateTable(table, CASE_ROWS_PER_SLIDE);
}

function repeatedShortTermSlides(findings: RepeatedShortTermFinding[]): SlideModel[] {
  const title = 'Upprepad korttidsfrånvaro';
  if (findings.length === 0) {
    return [{ kind: 'bullets', title, paragraphs: [{ style: 'plain', text: 'Ingen medarbetare med upprepad korttidsfrånvaro behöver tas upp den här perioden.' }] }];
  }
  const table: TableSlide = {
    kind: 'table',
    title,
    columns: [
      { header: 'Medarbetare', width: 2.2, align: 'left' },
      { header: 'Enhet', width: 2.2, align: 'left' },
      { header: 'Sjukperioder senaste 12 mån.', width: 1.6, align: 'right' },
      { header: 'Gränsen nåddes', width: 1.5, align: 'left' },
      { header: 'Ärende', width: 1.2, align: 'left' },
      { header: 'Iakttagelse', width: 3.3, align: 'left' },
    ],
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
  return paginateTable(table, FINDING_ROWS_PER_SLIDE);
}
