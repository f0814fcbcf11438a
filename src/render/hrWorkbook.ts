// "HR:s förberedelse vid rehabiliteringsuppföljning, Alt. 1": one workbook per unit manager, as a model (SPEC §6).
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { AbsenceRates, AdministrationFigures, UnitFigures } from '../core/absenceFigures.js';
import type {
  ActivityStatus,
  Assessment,
  CaseEvaluation,
  CertificateStatus,
  CheckName,
  HealthTalkStatus,
  ManagerCaseSummary,
  RepeatedShortTermFinding,
  ReturnPlanStatus,
} from '../core/caseChecklist.js';
import type { Thresholds } from '../core/thresholds.js';
import {
  ACTIVITY_LABELS,
  ASSESSMENT_LABELS,
  CASE_TYPE_LABELS,
  CERTIFICATE_LABELS,
  CHECK_LABELS,
  HEALTH_TALK_LABELS,
  HR_MEETING_ASSESSMENT_LABELS,
  REPEATED_SHORT_TERM_LABELS,
  RETURN_PLAN_LABELS,
  YES_NO_LABELS,
} from './labels.js';
import { REFLECTIONS_LAYOUT } from '../input/reflectionsSheet.js';
import type { CellModel, CellStatus, ColumnModel, ListValidation, NumberFormat, RowModel, SheetModel, WorkbookModel } from './workbookModel.js';

export interface Person {
  name: string;
  email: string;
}

export interface HrWorkbookInput {
  /** '2027-vår'. */
  period: string;
  asOf: IsoDate;
  window: DateRange;
  previousWindow: DateRange;
  administration: AdministrationFigures;
  manager: Person;
  /** The manager's enheter. */
  units: UnitFigures[];
  /** The manager's open cases. */
  cases: CaseEvaluation[];
  /** The manager's summary from evaluateCases; null when the manager has no open case. */
  caseSummary: ManagerCaseSummary | null;
  /** The manager's employments with repeated short-term absence. */
  repeatedShortTerm: RepeatedShortTermFinding[];
  hrSpecialist: Person | null;
  thresholds: Thresholds;
}

export const HR_SHEET_NAMES = {
  overview: 'Översikt',
  cases: 'Ärenden',
  repeatedShortTerm: 'Upprepad korttidsfrånvaro',
  reflections: 'Reflektioner',
  lists: 'Listor',
} as const;

const DASH = '–';

const CERTIFICATE_STATUS: Record<CertificateStatus, CellStatus> = {
  ok: 'ok',
  missing: 'gap',
  expired: 'gap',
  expiring: 'warning',
  not_applicable: 'not_applicable',
};
const HEALTH_TALK_STATUS: Record<HealthTalkStatus, CellStatus> = { ok: 'ok', missing: 'gap', outdated: 'gap' };
const RETURN_PLAN_STATUS: Record<ReturnPlanStatus, CellStatus> = { ok: 'ok', missing: 'gap', outdated: 'gap', not_applicable: 'not_applicable' };
const ACTIVITY_STATUS: Record<ActivityStatus, CellStatus> = { ok: 'ok', inactive: 'gap', no_next_activity: 'gap' };
const ASSESSMENT_STATUS: Record<Assessment, CellStatus> = { systematic: 'ok', partial: 'warning', needs_support: 'gap' };
const CHECK_ORDER: CheckName[] = ['certificate', 'healthTalk', 'returnPlan', 'activity'];
const ORDINALS = ['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde', 'elfte', 'tolfte'];

function text(value: string, status?: CellStatus): CellModel {
  return status ? { kind: 'text', text: value, status } : { kind: 'text', text: value };
}

const BLANK: CellModel = { kind: 'blank' };

/** In the case table an unknown date is an empty cell, so the column sorts and filters as dates. */
function dateOrBlank(date: IsoDate | null): CellModel {
  return date === null ? BLANK : { kind: 'date', date };
}

function numberOrDash(value: number | null, format: NumberFormat, status?: CellStatus): CellModel {
  if (value === null) return text(DASH);
  return status ? { kind: 'number', value, format, status } : { kind: 'number', value, format };
}

function yesNo(value: boolean, statusWhenYes: CellStatus): CellModel {
  return value ? text(YES_NO_LABELS.yes, statusWhenYes) : text(YES_NO_LABELS.no);
}

/** Swedish decimal comma for numbers inside running text. */
function decimalText(value: number): string {
  return value.toFixed(1).replace('.', ',');
}

function rangeText(range: DateRange): string {
  return `${range.from} ${DASH} ${range.to}`;
}

function compareSv(a: string, b: string): number {
  return a.localeCompare(b, 'sv');
}

function sortedCases(cases: CaseEvaluation[]): CaseEvaluation[] {
  return [...cases].sort((a, b) => compareSv(a.unitName, b.unitName) || compareSv(a.caseId, b.caseId));
}

const EMPTY_ROW: RowModel = { style: 'plain', cells: [] };

function plainRow(label: string, value: CellModel): RowModel {
  return { style: 'plain', cells: [text(label), value] };
}

function overviewSheet(input: HrWorkbookInput): SheetModel {
  const { administration, thresholds } = input;
  const headers = [
    'Enhet',
    'Anställda',
    'Korttid %',
    'Långtid %',
    'Totalt %',
    'Föregående period %',
    'Förändring (pe)',
    'Skillnad mot förvaltningen (pe)',
    'Avviker',
  ];
  const change = (rates: { totalPct: number | null; previousTotalPct: number | null }): number | null =>
    rates.totalPct === null || rates.previousTotalPct === null ? null : rates.totalPct - rates.previousTotalPct;

  const units = [...input.units].sort((a, b) => compareSv(a.name, b.name));
  // Head count and the five rates, the same columns for a unit and the förvaltning.
  const rateCells = (rates: AbsenceRates): CellModel[] => [
    { kind: 'number', value: rates.employees, format: 'integer' },
    numberOrDash(rates.shortPct, 'decimal1'),
    numberOrDash(rates.longPct, 'decimal1'),
    numberOrDash(rates.totalPct, 'decimal1'),
    numberOrDash(rates.previousTotalPct, 'decimal1'),
    numberOrDash(change(rates), 'signedDecimal1'),
  ];
  const unitRows: RowModel[] = units.map((unit) => ({
    style: 'body',
    cells: [text(unit.name), ...rateCells(unit), numberOrDash(unit.diffPp, 'signedDecimal1'), yesNo(unit.deviates, 'gap')],
  }));
  const administrationRow: RowModel = {
    style: 'total',
    cells: [text(administration.name), ...rateCells(administration), text(DASH), text(DASH)],
  };

  const summary = input.caseSummary;
  const countAssessment = (assessment: Assessment): number => input.cases.filter((c) => c.assessment === assessment).length;
  const gapRows = CHECK_ORDER.map((check) =>
    plainRow(`Brister: ${CHECK_LABELS[check].toLowerCase()}`, { kind: 'number', value: summary?.gapsByCheck[check] ?? 0, format: 'integer' }),
  );

  const notes: RowModel[] = [
    {
      style: 'note',
      cells: [
        text(
          `Sjukfrånvaro i procent av tillgänglig tid (kalenderdagar omräknade till heltid). pe = procentenheter. ` +
            `En enhet avviker när dess totala sjukfrånvaro är minst ${decimalText(thresholds.deviationPp)} pe högre än förvaltningens.`,
        ),
      ],
    },
  ];
  if (units.some((unit) => unit.suppressed)) {
    notes.push({ style: 'note', cells: [text(`Enheter med färre än ${thresholds.minGroupSize} anställda markeras inte som avvikande.`)] });
  }

  const rows: RowModel[] = [
    { style: 'title', cells: [text(`HR:s förberedelse vid rehabiliteringsuppföljning ${DASH} ${input.period}`)] },
    plainRow('Enhetschef', text(input.manager.name)),
    plainRow('HR-specialist', text(input.hrSpecialist?.name ?? DASH)),
    plainRow('Dataperiod', text(rangeText(input.window))),
    plainRow('Jämförelseperiod', text(rangeText(input.previousWindow))),
    plainRow('Uppgifter per', { kind: 'date', date: input.asOf }),
    { style: 'note', cells: [text('Materialet är HR:s arbetsstöd och delas inte med chefen.')] },
    EMPTY_ROW,
    { style: 'heading', cells: [text('Sjukfrånvaro per enhet jämfört med förvaltningen')] },
    { style: 'header', cells: headers.map((header) => text(header)) },
    ...unitRows,
    administrationRow,
    ...notes,
    EMPTY_ROW,
    { style: 'heading', cells: [text('Rehabärenden')] },
    plainRow('Öppna ärenden', { kind: 'number', value: input.cases.length, format: 'integer' }),
    plainRow(ASSESSMENT_LABELS.systematic, { kind: 'number', value: countAssessment('systematic'), format: 'integer' }),
    plainRow(ASSESSMENT_LABELS.partial, { kind: 'number', value: countAssessment('partial'), format: 'integer' }),
    plainRow(ASSESSMENT_LABELS.needs_support, { kind: 'number', value: countAssessment('needs_support'), format: 'integer' }),
    ...gapRows,
    plainRow('Brister totalt', { kind: 'number', value: summary?.totalGaps ?? 0, format: 'integer' }),
    plainRow('Fördjupat stöd bör erbjudas', yesNo(summary?.deeperSupport ?? false, 'gap')),
    plainRow('Upprepad korttidsfrånvaro (anställningar)', { kind: 'number', value: input.repeatedShortTerm.length, format: 'integer' }),
  ];

  return {
    name: HR_SHEET_NAMES.overview,
    state: 'visible',
    columns: [{ width: 40 }, ...headers.slice(1).map((): ColumnModel => ({ width: 13 }))],
    rows,
    printTitleRows: { from: 1, to: 1 },
  };
}

interface CaseColumn {
  header: string;
  width: number;
  wrap?: boolean;
  cell: (evaluation: CaseEvaluation) => CellModel;
}

// Compact widths (10 pt text): 24 columns have to fit one landscape A4 page across.
const CASE_COLUMNS: CaseColumn[] = [
  { header: 'Ärende', width: 11, cell: (c) => text(c.caseId) },
  { header: 'Medarbetare', width: 16, wrap: true, cell: (c) => text(c.employeeName) },
  { header: 'Enhet', width: 16, wrap: true, cell: (c) => text(c.unitName) },
  { header: 'Ärendetyp', width: 13, wrap: true, cell: (c) => text(CASE_TYPE_LABELS[c.caseType]) },
  { header: 'Öppnat', width: 10, cell: (c) => dateOrBlank(c.openedDate) },
  { header: 'Sjukperiod från', width: 11, cell: (c) => dateOrBlank(c.periodStart) },
  { header: 'Dag i perioden', width: 9, cell: (c) => c.dayNumber === null ? BLANK : { kind: 'number', value: c.dayNumber, format: 'integer' } },
  { header: 'Läkarintyg', width: 11, wrap: true, cell: (c) => text(CERTIFICATE_LABELS[c.checks.certificate], CERTIFICATE_STATUS[c.checks.certificate]) },
  { header: 'Intyg t.o.m.', width: 10, cell: (c) => dateOrBlank(c.dates.certificateTo) },
  { header: 'Hälsosamtal', width: 12, wrap: true, cell: (c) => text(HEALTH_TALK_LABELS[c.checks.healthTalk], HEALTH_TALK_STATUS[c.checks.healthTalk]) },
  { header: 'Hälsosamtal datum', width: 12, cell: (c) => dateOrBlank(c.dates.healthTalkDate) },
  { header: 'Plan för återgång', width: 10, wrap: true, cell: (c) => text(RETURN_PLAN_LABELS[c.checks.returnPlan], RETURN_PLAN_STATUS[c.checks.returnPlan]) },
  { header: 'Plan upprättad', width: 10, cell: (c) => dateOrBlank(c.dates.planMadeDate) },
  { header: 'Plan reviderad', width: 10, cell: (c) => dateOrBlank(c.dates.planRevisedDate) },
  { header: 'Plan uppföljning', width: 11, cell: (c) => dateOrBlank(c.dates.planFollowUpDate) },
  { header: 'Dokumentation och aktivitet', width: 16, wrap: true, cell: (c) => text(ACTIVITY_LABELS[c.checks.activity], ACTIVITY_STATUS[c.checks.activity]) },
  { header: 'Senaste dokumentation', width: 14, cell: (c) => dateOrBlank(c.dates.lastDocumentationDate) },
  { header: 'Nästa aktivitet', width: 10, cell: (c) => dateOrBlank(c.dates.nextActivityDate) },
  { header: 'Brister', width: 8, cell: (c) => ({ kind: 'number', value: c.gaps, format: 'integer', status: c.gaps > 0 ? 'gap' : 'ok' }) },
  { header: 'Bedömning', width: 12, wrap: true, cell: (c) => text(ASSESSMENT_LABELS[c.assessment], ASSESSMENT_STATUS[c.assessment]) },
  { header: 'Nästa milstolpe', width: 10, cell: (c) => (c.nextMilestone ? text(`Dag ${c.nextMilestone.day}`) : BLANK) },
  { header: 'Milstolpe datum', width: 10, cell: (c) => dateOrBlank(c.nextMilestone?.date ?? null) },
  { header: 'HR:s anteckningar', width: 22, wrap: true, cell: () => BLANK },
  { header: 'Förslag på fortsatt arbete', width: 22, wrap: true, cell: () => BLANK },
];

const CASE_HEADER_ROW = 3;

function casesSheet(input: HrWorkbookInput): SheetModel {
  const cases = sortedCases(input.cases);
  const body: RowModel[] =
    cases.length > 0
      ? cases.map((evaluation) => ({ style: 'body', cells: CASE_COLUMNS.map((column) => column.cell(evaluation)) }))
      : [{ style: 'body', cells: [text('Inga öppna rehabärenden.')] }];
  const lastRow = CASE_HEADER_ROW + body.length;
  return {
    name: HR_SHEET_NAMES.cases,
    state: 'visible',
    columns: CASE_COLUMNS.map((column) => ({ width: column.width, wrap: column.wrap ?? false })),
    rows: [
      { style: 'title', cells: [text(`Öppna rehabärenden ${DASH} ${input.manager.name} ${DASH} uppgifter per ${input.asOf}`)] },
      {
        style: 'note',
        cells: [
          text(
            `Grönt = uppfyllt, gult = går snart ut eller delvis, rött = brist, grått = ej aktuellt. ` +
              `Aktuell dokumentation = senast ${input.thresholds.activityMaxAgeDays} dagar gammal. Nästa milstolpe i rehabiliteringskedjan räknas från sjukperiodens dag.`,
          ),
        ],
      },
      { style: 'header', cells: CASE_COLUMNS.map((column) => text(column.header)) },
      ...body,
    ],
    tableFontSize: 10,
    frozen: { rows: CASE_HEADER_ROW, columns: 2 },
    autoFilter: { fromRow: CASE_HEADER_ROW, fromColumn: 1, toRow: lastRow, toColumn: CASE_COLUMNS.length },
    printTitleRows: { from: CASE_HEADER_ROW, to: CASE_HEADER_ROW },
  };
}

function ordinalPeriodHeader(periods: number): string {
  const ordinal = ORDINALS[periods - 1];
  if (!ordinal) return `Start för sjukperiod nr ${periods}`;
  return `${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} periodens start`;
}

function repeatedShortTermSheet(input: HrWorkbookInput): SheetModel {
  const { thresholds } = input;
  const headers = ['Medarbetare', 'Enhet', 'Antal sjukperioder', ordinalPeriodHeader(thresholds.repeatedShortTermPeriods), 'Ärende', 'Iakttagelse', 'HR:s anteckningar'];
  const findings = [...input.repeatedShortTerm].sort((a, b) => compareSv(a.unitName, b.unitName) || compareSv(a.employeeName, b.employeeName));
  const body: RowModel[] =
    findings.length > 0
      ? findings.map((finding) => ({
          style: 'body',
          cells: [
            text(finding.employeeName),
            text(finding.unitName),
            { kind: 'number', value: finding.periodCount, format: 'integer' },
            { kind: 'date', date: finding.thresholdPeriodStart },
            text(finding.caseId ?? DASH),
            text(REPEATED_SHORT_TERM_LABELS[finding.finding], 'gap'),
            BLANK,
          ],
        }))
      : [{ style: 'body', cells: [text('Inga anställningar med upprepad korttidsfrånvaro.')] }];
  const headerRow = 3;
  return {
    name: HR_SHEET_NAMES.repeatedShortTerm,
    state: 'visible',
    columns: [{ width: 24, wrap: true }, { width: 24, wrap: true }, { width: 12 }, { width: 14 }, { width: 12 }, { width: 34, wrap: true }, { width: 40, wrap: true }],
    rows: [
      { style: 'title', cells: [text(`Upprepad korttidsfrånvaro ${DASH} ${input.manager.name}`)] },
      {
        style: 'note',
        cells: [
          text(
            `Anställningar med minst ${thresholds.repeatedShortTermPeriods} sjukperioder som började under de ${thresholds.repeatedShortTermMonths} månader som slutar ${input.window.to}.`,
          ),
        ],
      },
      { style: 'header', cells: headers.map((header) => text(header)) },
      ...body,
    ],
    frozen: { rows: headerRow, columns: 0 },
    autoFilter: { fromRow: headerRow, fromColumn: 1, toRow: headerRow + body.length, toColumn: headers.length },
    printTitleRows: { from: headerRow, to: headerRow },
  };
}

const HR_ASSESSMENT_VALUES = Object.values(HR_MEETING_ASSESSMENT_LABELS);
const YES_NO_VALUES = [YES_NO_LABELS.yes, YES_NO_LABELS.no];

function listsSheet(): SheetModel {
  const length = Math.max(HR_ASSESSMENT_VALUES.length, YES_NO_VALUES.length);
  const rows: RowModel[] = [{ style: 'header', cells: [text('HR:s bedömning efter mötet'), text('Ja/Nej')] }];
  for (let index = 0; index < length; index++) {
    const assessment = HR_ASSESSMENT_VALUES[index];
    const yesNoValue = YES_NO_VALUES[index];
    rows.push({ style: 'plain', cells: [assessment ? text(assessment) : null, yesNoValue ? text(yesNoValue) : null] });
  }
  return { name: HR_SHEET_NAMES.lists, state: 'hidden', columns: [{ width: 28 }, { width: 10 }], rows };
}

function listSource(column: number, values: readonly string[]): ListValidation['source'] {
  return { sheet: HR_SHEET_NAMES.lists, range: { fromRow: 2, fromColumn: column, toRow: 1 + values.length, toColumn: column } };
}

function reflectionsSheet(input: HrWorkbookInput): SheetModel {
  const { keys } = REFLECTIONS_LAYOUT;
  const key = (value: string): CellModel => text(value);
  const freeTextRow = (rowKey: string, label: string): RowModel => ({
    style: 'body',
    cells: [key(rowKey), text(label), BLANK, BLANK, BLANK, BLANK, BLANK],
    height: 75,
  });
  const cases = sortedCases(input.cases);

  const rows: RowModel[] = [
    { style: 'title', cells: [key(REFLECTIONS_LAYOUT.marker), text(`Reflektioner efter rehabiliteringsuppföljningen ${DASH} ${input.period}`)] },
    { style: 'plain', cells: [key(keys.period), text('Period'), text(input.period)] },
    { style: 'plain', cells: [key(keys.managerName), text('Enhetschef'), text(input.manager.name)] },
    { style: 'plain', cells: [key(keys.managerEmail), text('E-post'), text(input.manager.email)] },
    { style: 'plain', cells: [key(keys.hrSpecialist), text('HR-specialist'), text(input.hrSpecialist?.name ?? DASH)] },
    {
      style: 'note',
      cells: [null, text('Fylls i av HR efter mötet. Processledaren sammanställer reflektioner, risker och behov i analysen i maj och november.')],
    },
    freeTextRow(keys.overall, 'Övergripande reflektioner'),
    freeTextRow(keys.risks, 'Risker'),
    freeTextRow(keys.needs, 'Behov'),
    { style: 'body', cells: [key(keys.deeperSupportBooked), text('Fördjupat stöd bokat'), BLANK] },
    EMPTY_ROW,
    {
      style: 'header',
      cells: [null, text('Ärende'), text('Medarbetare'), text('Enhet'), text('Bedömning inför mötet'), text('HR:s bedömning efter mötet'), text('Kommentar')],
    },
  ];
  const rowOfKey = (rowKey: string): number => 1 + rows.findIndex((row) => row.cells[0]?.kind === 'text' && row.cells[0].text === rowKey);
  const freeTextRows = [keys.overall, keys.risks, keys.needs].map(rowOfKey);
  const deeperSupportRow = rowOfKey(keys.deeperSupportBooked);
  const caseHeaderRow = rows.length;
  const caseFirstRow = caseHeaderRow + 1;
  if (cases.length === 0) rows.push({ style: 'body', cells: [null, text('Inga öppna rehabärenden.')] });
  for (const evaluation of cases) {
    rows.push({
      style: 'body',
      cells: [
        key(`${REFLECTIONS_LAYOUT.caseKeyPrefix}${evaluation.caseId}`),
        text(evaluation.caseId),
        text(evaluation.employeeName),
        text(evaluation.unitName),
        text(ASSESSMENT_LABELS[evaluation.assessment], ASSESSMENT_STATUS[evaluation.assessment]),
        BLANK,
        BLANK,
      ],
    });
  }

  const error = { errorTitle: 'Ogiltigt värde', error: 'Välj ett värde i listan.' };
  const validations: ListValidation[] = [
    {
      range: { fromRow: deeperSupportRow, fromColumn: REFLECTIONS_LAYOUT.valueColumn, toRow: deeperSupportRow, toColumn: REFLECTIONS_LAYOUT.valueColumn },
      source: listSource(2, YES_NO_VALUES),
      ...error,
    },
  ];
  if (cases.length > 0) {
    const column = REFLECTIONS_LAYOUT.caseAssessmentColumn;
    validations.push({
      range: { fromRow: caseFirstRow, fromColumn: column, toRow: caseFirstRow + cases.length - 1, toColumn: column },
      source: listSource(1, HR_ASSESSMENT_VALUES),
      ...error,
    });
  }

  return {
    name: HR_SHEET_NAMES.reflections,
    state: 'visible',
    columns: [{ width: 4, hidden: true }, { width: 26, wrap: true }, { width: 22, wrap: true }, { width: 20, wrap: true }, { width: 22, wrap: true }, { width: 26 }, { width: 50, wrap: true }],
    rows,
    merges: freeTextRows.map((row) => ({ fromRow: row, fromColumn: REFLECTIONS_LAYOUT.valueColumn, toRow: row, toColumn: 7 })),
    validations,
    printTitleRows: { from: caseHeaderRow, to: caseHeaderRow },
  };
}

export function renderHrWorkbook(input: HrWorkbookInput): WorkbookModel {
  return {
    title: `HR:s förberedelse vid rehabiliteringsuppföljning ${DASH} ${input.period}`,
    created: input.asOf,
    sheets: [overviewSheet(input), casesSheet(input), repeatedShortTermSheet(input), reflectionsSheet(input), listsSheet()],
  };
}
