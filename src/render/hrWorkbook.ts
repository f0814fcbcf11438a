// "HR:s förberedelse vid rehabiliteringsuppföljning, Alt. 1": one workbook per unit manager, as a model (SPEC §6).
import { daysBetween, type DateRange, type IsoDate } from '../core/calendarDate.js';
import type { AbsenceRates, AdministrationFigures, UnitFigures } from '../core/absenceFigures.js';
import type { Assessment, CaseEvaluation, CheckName, ManagerCaseSummary, RepeatedShortTermFinding } from '../core/caseChecklist.js';
import type { FunnelSignal } from '../core/funnelLimits.js';
import type { Thresholds } from '../core/thresholds.js';
import type { UncoveredSickLeave } from '../core/uncoveredSickLeave.js';
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
  CHECK_OK_LABELS,
  FUNNEL_SIGNAL_LABELS,
  NOT_APPLICABLE_LABEL,
  countText,
  fullReasonLabels,
} from './labels.js';
import { REFLECTIONS_LAYOUT } from '../input/reflectionsSheet.js';
import type { CellModel, CellStatus, ColumnModel, ListValidation, NumberFormat, RowModel, SheetModel, StatusFormat, WorkbookModel } from './workbookModel.js';

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
  /** The manager's employments on sick leave from the threshold day without an open case (SPEC §4). */
  uncoveredSickLeave?: UncoveredSickLeave[];
}

export const HR_SHEET_NAMES = {
  overview: 'Översikt',
  cases: 'Ärenden',
  uncoveredSickLeave: 'Sjukfrånvaro utan ärende',
  repeatedShortTerm: 'Upprepad korttidsfrånvaro',
  reflections: 'Reflektioner',
  lists: 'Listor',
} as const;

const DASH = '–';

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

/** The funnel plot's verdict (SPEC §3), red above the upper limits. */
function signalCell(signal: FunnelSignal | null): CellModel {
  if (signal === null) return text(DASH);
  return text(FUNNEL_SIGNAL_LABELS[signal], signal === 'high' ? 'gap' : signal === 'watch_high' ? 'warning' : undefined);
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
    'Med hänsyn till storlek',
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
    cells: [text(unit.name), ...rateCells(unit), numberOrDash(unit.diffPp, 'signedDecimal1'), yesNo(unit.deviates, 'gap'), signalCell(unit.signal)],
  }));
  const administrationRow: RowModel = {
    style: 'total',
    cells: [text(administration.name), ...rateCells(administration), text(DASH), text(DASH), text(DASH)],
  };

  const summary = input.caseSummary;
  const uncovered = input.uncoveredSickLeave ?? [];
  const soonCount = [...input.cases, ...uncovered].filter((entry) => milestoneSoon(entry, input.asOf)).length;
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
  notes.push({
    style: 'note',
    cells: [text('Med hänsyn till storlek: trattdiagrammets gränser (95 % och 99,8 %). En liten enhet varierar mer av slump; över 99,8 %-gränsen är skillnaden större än slumpen förklarar.')],
  });
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
    plainRow(`Sjukfrånvaro utan rehabärende (dag ${thresholds.sickLeaveWithoutCaseFromDay} eller mer)`, {
      kind: 'number', value: uncovered.length, format: 'integer', ...statusField(uncovered.length > 0 ? 'gap' : undefined),
    }),
    plainRow(`Milstolpar inom ${MILESTONE_SOON_DAYS} dagar`, {
      kind: 'number', value: soonCount, format: 'integer', ...statusField(soonCount > 0 ? 'warning' : undefined),
    }),
  ];

  return {
    name: HR_SHEET_NAMES.overview,
    state: 'visible',
    columns: [{ width: 40 }, ...headers.slice(1).map((): ColumnModel => ({ width: 13 }))],
    rows,
    printTitleRows: { from: 1, to: 1 },
  };
}

/** Every word a check's status cell can hold, with its colour: the drop-down list and the conditional formats. */
function checkVocabulary(check: CheckName, thresholds: Thresholds): { text: string; status: CellStatus }[] {
  const reasons = fullReasonLabels(thresholds)[check] as Record<string, string>;
  const entries: { text: string; status: CellStatus }[] = [{ text: CHECK_OK_LABELS[check], status: 'ok' }];
  for (const [code, label] of Object.entries(reasons)) {
    entries.push({ text: label, status: check === 'certificate' && code === 'expiring' ? 'warning' : 'gap' });
  }
  if (check === 'certificate' || check === 'returnPlan') entries.push({ text: NOT_APPLICABLE_LABEL, status: 'not_applicable' });
  return entries;
}

/** The status word (the reason when there is one) and the date behind it, or the check's own date when it is ok. */
function checkView(evaluation: CaseEvaluation, check: CheckName, thresholds: Thresholds): { text: string; date: IsoDate | null } {
  const status = evaluation.checks[check];
  const reason = evaluation.reasons[check];
  const { dates } = evaluation;
  if (reason) return { text: (fullReasonLabels(thresholds)[check] as Record<string, string>)[reason.code] ?? reason.code, date: reason.date };
  const ownDate: Record<CheckName, IsoDate | null> = {
    certificate: dates.certificateTo,
    healthTalk: dates.healthTalkDate,
    returnPlan: [dates.planMadeDate, dates.planRevisedDate].filter((date): date is IsoDate => date !== null).sort().pop() ?? null,
    activity: status === 'ok' ? dates.nextActivityDate : dates.lastDocumentationDate,
  };
  if (status === 'not_applicable') return { text: NOT_APPLICABLE_LABEL, date: ownDate[check] };
  if (status === 'ok') return { text: CHECK_OK_LABELS[check], date: ownDate[check] };
  const statusLabels: Record<CheckName, Record<string, string>> = {
    certificate: CERTIFICATE_LABELS,
    healthTalk: HEALTH_TALK_LABELS,
    returnPlan: RETURN_PLAN_LABELS,
    activity: ACTIVITY_LABELS,
  };
  return { text: statusLabels[check][status] ?? status, date: ownDate[check] };
}

/** A milestone within this many days is marked: the meeting may be the last chance to prepare it. */
export const MILESTONE_SOON_DAYS = 14;

function milestoneSoon(evaluation: { nextMilestone: { date: IsoDate } | null }, asOf: IsoDate): boolean {
  return evaluation.nextMilestone !== null && daysBetween(asOf, evaluation.nextMilestone.date) <= MILESTONE_SOON_DAYS;
}

function milestoneText(milestone: { day: number; date: IsoDate } | null, asOf: IsoDate): string {
  if (!milestone) return DASH;
  const days = daysBetween(asOf, milestone.date);
  return days <= MILESTONE_SOON_DAYS ? `Dag ${milestone.day} om ${countText(days, 'day')}` : `Dag ${milestone.day}`;
}

interface CaseColumn {
  header: string;
  width: number;
  wrap?: boolean;
  cell: (evaluation: CaseEvaluation) => CellModel;
  /** The words of a status column: drop-down and colour that follows HR's edits. */
  check?: CheckName | 'assessment';
}

/** Date columns: 'yyyy-mm-dd' at 10 pt is about 62 px (Calibri digits 0.507 em) plus padding, 9.5 width units; never ### or wrapped. */
const DATE_WIDTH = 9.6;
/** Print scale of the case table: 10 pt text prints at 8.5 pt, and the key columns fill one A4 page across. */
export const CASE_PRINT_SCALE = 85;
export const CASE_TABLE_FONT_SIZE = 10;

function caseColumns(input: HrWorkbookInput): { key: CaseColumn[]; rest: CaseColumn[] } {
  const { thresholds, asOf } = input;
  const checkColumns = (check: CheckName, statusHeader: string, dateHeader: string, width: number): CaseColumn[] => [
    { header: statusHeader, width, wrap: true, check, cell: (c) => text(checkView(c, check, thresholds).text) },
    { header: dateHeader, width: DATE_WIDTH, cell: (c) => dateOrBlank(checkView(c, check, thresholds).date) },
  ];
  const soonStatus = (c: CaseEvaluation): CellStatus | undefined => (milestoneSoon(c, asOf) ? 'warning' : undefined);
  // Key columns: what HR needs at the meeting, one A4 page across at CASE_PRINT_SCALE.
  const key: CaseColumn[] = [
    { header: 'Ärende', width: 9.5, cell: (c) => text(c.caseId) },
    { header: 'Medarbetare', width: 14, wrap: true, cell: (c) => text(c.employeeName) },
    { header: 'Enhet', width: 13, wrap: true, cell: (c) => text(c.unitName) },
    { header: 'Dag', width: 5.5, cell: (c) => (c.dayNumber === null ? BLANK : { kind: 'number', value: c.dayNumber, format: 'integer' }) },
    ...checkColumns('certificate', 'Läkarintyg', 'Intyg t.o.m.', 10.5),
    ...checkColumns('healthTalk', 'Hälsosamtal', 'Hälsosamtal senast', 11),
    ...checkColumns('returnPlan', 'Plan för återgång i arbete', 'Plan datum', 12),
    ...checkColumns('activity', 'Dokumentation och aktivitet', 'Aktivitet datum', 13),
    { header: 'Bedömning', width: 11, wrap: true, check: 'assessment', cell: (c) => text(ASSESSMENT_LABELS[c.assessment]) },
    { header: 'Nästa milstolpe', width: 10, wrap: true, cell: (c) => textWithStatus(milestoneText(c.nextMilestone, asOf), soonStatus(c)) },
    { header: 'Milstolpe datum', width: DATE_WIDTH, cell: (c) => (c.nextMilestone ? { kind: 'date', date: c.nextMilestone.date, ...statusField(soonStatus(c)) } : BLANK) },
  ];
  // HR's columns and the case's raw dates: the next printed page, with Ärende and Medarbetare repeated.
  const rest: CaseColumn[] = [
    { header: 'HR:s anteckningar', width: 24, wrap: true, cell: () => BLANK },
    { header: 'Förslag på fortsatt arbete', width: 24, wrap: true, cell: () => BLANK },
    { header: 'Ärendetyp', width: 13, wrap: true, cell: (c) => text(CASE_TYPE_LABELS[c.caseType]) },
    { header: 'Öppnat', width: DATE_WIDTH, cell: (c) => dateOrBlank(c.openedDate) },
    { header: 'Sjukperiod från', width: DATE_WIDTH, cell: (c) => dateOrBlank(c.periodStart) },
    { header: 'Brister', width: 7, cell: (c) => ({ kind: 'number', value: c.gaps, format: 'integer' }) },
    { header: 'Plan upprättad', width: DATE_WIDTH, cell: (c) => dateOrBlank(c.dates.planMadeDate) },
    { header: 'Plan reviderad', width: DATE_WIDTH, cell: (c) => dateOrBlank(c.dates.planRevisedDate) },
    { header: 'Plan uppföljning', width: DATE_WIDTH, cell: (c) => dateOrBlank(c.dates.planFollowUpDate) },
    { header: 'Dokumenterat senast', width: 12.5, cell: (c) => dateOrBlank(c.dates.lastDocumentationDate) },
    { header: 'Nästa aktivitet', width: DATE_WIDTH, cell: (c) => dateOrBlank(c.dates.nextActivityDate) },
  ];
  return { key, rest };
}

function statusField(status: CellStatus | undefined): { status?: CellStatus } {
  return status ? { status } : {};
}

function textWithStatus(value: string, status: CellStatus | undefined): CellModel {
  return status ? { kind: 'text', text: value, status } : { kind: 'text', text: value };
}

const CASE_HEADER_ROW = 3;

/** Columns of the Listor sheet: HR's assessment, yes/no, then each check's words and the assessment. */
const LIST_COLUMNS = { hrAssessment: 1, yesNo: 2, certificate: 3, healthTalk: 4, returnPlan: 5, activity: 6, assessment: 7 } as const;

function vocabularyOf(check: CheckName | 'assessment', thresholds: Thresholds): { text: string; status: CellStatus }[] {
  if (check === 'assessment') {
    return (Object.keys(ASSESSMENT_LABELS) as Assessment[]).map((assessment) => ({ text: ASSESSMENT_LABELS[assessment], status: ASSESSMENT_STATUS[assessment] }));
  }
  return checkVocabulary(check, thresholds);
}

function casesSheet(input: HrWorkbookInput): SheetModel {
  const cases = sortedCases(input.cases);
  const { key, rest } = caseColumns(input);
  const columns = [...key, ...rest];
  const body: RowModel[] =
    cases.length > 0
      ? cases.map((evaluation) => ({ style: 'body', cells: columns.map((column) => column.cell(evaluation)) }))
      : [{ style: 'body', cells: [text('Inga öppna rehabärenden.')] }];
  const firstBodyRow = CASE_HEADER_ROW + 1;
  const lastRow = CASE_HEADER_ROW + body.length;

  const validations: ListValidation[] = [];
  const statusFormats: StatusFormat[] = [];
  if (cases.length > 0) {
    columns.forEach((column, index) => {
      if (!column.check) return;
      const range = { fromRow: firstBodyRow, fromColumn: index + 1, toRow: lastRow, toColumn: index + 1 };
      const vocabulary = vocabularyOf(column.check, input.thresholds);
      validations.push({ range, source: listSource(LIST_COLUMNS[column.check], vocabulary.map((entry) => entry.text)), ...LIST_ERROR });
      statusFormats.push({ range, rules: vocabulary });
    });
  }

  const { thresholds } = input;
  // Short lines: a note row does not wrap, and each line must fit the printed page.
  const legend = [
    `Läkarintyg krävs från dag ${thresholds.certificateFromDay} (sjuklönelagen 8 §); "Går snart ut" = inom ${thresholds.certificateExpiringDays} dagar. Hälsosamtal: senast ${thresholds.healthTalkMaxAgeMonths} månader gammalt.`,
    `Plan för återgång i arbete: från dag ${thresholds.returnPlanDay} när över 60 dagar väntas, annars från dag ${thresholds.returnPlanForcedDay} (socialförsäkringsbalken 30 kap. 6 §).`,
    `Plan datum = passerat uppföljningsdatum, annars senast upprättad eller reviderad. Aktivitet datum = senaste dokumentation, när den är äldre än ${thresholds.activityMaxAgeDays} dagar, annars nästa aktivitet.`,
    'Grönt = uppfyllt, gult = går snart ut eller delvis, rött = brist, grått = ej aktuellt. Färgen följer med när du ändrar status i listan.',
    `Nästa milstolpe i rehabiliteringskedjan (dag 90, 180, 365): gul inom ${MILESTONE_SOON_DAYS} dagar. Vid utskrift kommer anteckningar och övriga datum på nästa sida.`,
  ];
  return {
    name: HR_SHEET_NAMES.cases,
    state: 'visible',
    columns: columns.map((column) => ({ width: column.width, wrap: column.wrap ?? false })),
    rows: [
      { style: 'title', cells: [text(`Öppna rehabärenden ${DASH} ${input.manager.name} ${DASH} uppgifter per ${input.asOf}`)] },
      { style: 'note', cells: [text(`Dag = dag i pågående sjukperiod. ${countText(cases.length, 'case')}.`)] },
      { style: 'header', cells: columns.map((column) => text(column.header)) },
      ...body,
      EMPTY_ROW,
      ...legend.map((line): RowModel => ({ style: 'note', cells: [text(line)] })),
    ],
    tableFontSize: CASE_TABLE_FONT_SIZE,
    frozen: { rows: CASE_HEADER_ROW, columns: 2 },
    autoFilter: { fromRow: CASE_HEADER_ROW, fromColumn: 1, toRow: lastRow, toColumn: columns.length },
    printTitleRows: { from: CASE_HEADER_ROW, to: CASE_HEADER_ROW },
    // Without cases the table is one line: fit it to one page instead of printing an empty second page.
    ...(cases.length > 0 ? { print: { scale: CASE_PRINT_SCALE, titleColumns: { from: 1, to: 2 } } } : {}),
    validations,
    statusFormats,
  };
}

/** Number of key columns of the case table (printed on the first page across). */
export function caseKeyColumnCount(input: HrWorkbookInput): number {
  return caseColumns(input).key.length;
}

const LIST_ERROR = { errorTitle: 'Ogiltigt värde', error: 'Välj ett värde i listan.' };

function uncoveredSheet(input: HrWorkbookInput): SheetModel {
  const { asOf, thresholds } = input;
  const rows = [...(input.uncoveredSickLeave ?? [])].sort((a, b) => b.dayNumber - a.dayNumber || compareSv(a.employeeName, b.employeeName));
  const headers = ['Medarbetare', 'Enhet', 'Sjuk sedan', 'Dag', 'Omfattning %', 'Nästa milstolpe', 'Milstolpe datum', 'HR:s anteckningar'];
  const soon = (row: UncoveredSickLeave): CellStatus | undefined => (milestoneSoon(row, asOf) ? 'warning' : undefined);
  const body: RowModel[] =
    rows.length > 0
      ? rows.map((row) => ({
          style: 'body',
          cells: [
            text(row.employeeName),
            text(row.unitName),
            { kind: 'date', date: row.periodStart },
            { kind: 'number', value: row.dayNumber, format: 'integer', status: 'gap' },
            { kind: 'number', value: row.extent, format: 'integer' },
            textWithStatus(milestoneText(row.nextMilestone, asOf), soon(row)),
            row.nextMilestone ? { kind: 'date', date: row.nextMilestone.date, ...statusField(soon(row)) } : BLANK,
            BLANK,
          ],
        }))
      : [{ style: 'body', cells: [text(`Ingen medarbetare är sjukskriven från dag ${thresholds.sickLeaveWithoutCaseFromDay} utan rehabärende.`)] }];
  const headerRow = 3;
  return {
    name: HR_SHEET_NAMES.uncoveredSickLeave,
    state: 'visible',
    columns: [{ width: 24, wrap: true }, { width: 24, wrap: true }, { width: DATE_WIDTH + 1 }, { width: 7 }, { width: 11 }, { width: 12, wrap: true }, { width: DATE_WIDTH + 1 }, { width: 40, wrap: true }],
    rows: [
      { style: 'title', cells: [text(`Sjukfrånvaro utan rehabärende ${DASH} ${input.manager.name} ${DASH} per ${asOf}`)] },
      {
        style: 'note',
        cells: [
          text(
            `Anställningar vars pågående sjukperiod har nått dag ${thresholds.sickLeaveWithoutCaseFromDay} utan ett öppet rehabärende (ett avslutat ärende räknas inte). ` +
              `${countText(rows.length, 'employment')}. Sorterat på dag, längst först.`,
          ),
        ],
      },
      { style: 'header', cells: headers.map((header) => text(header)) },
      ...body,
    ],
    frozen: { rows: headerRow, columns: 1 },
    autoFilter: { fromRow: headerRow, fromColumn: 1, toRow: headerRow + body.length, toColumn: headers.length },
    printTitleRows: { from: headerRow, to: headerRow },
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

function listsSheet(thresholds: Thresholds): SheetModel {
  const lists: [number, string, string[]][] = [
    [LIST_COLUMNS.hrAssessment, 'HR:s bedömning efter mötet', HR_ASSESSMENT_VALUES],
    [LIST_COLUMNS.yesNo, 'Ja/Nej', YES_NO_VALUES],
    ...(['certificate', 'healthTalk', 'returnPlan', 'activity', 'assessment'] as const).map(
      (check): [number, string, string[]] => [LIST_COLUMNS[check], check === 'assessment' ? 'Bedömning' : CHECK_LABELS[check], vocabularyOf(check, thresholds).map((entry) => entry.text)],
    ),
  ];
  const length = Math.max(...lists.map(([, , values]) => values.length));
  const header: (CellModel | null)[] = [];
  for (const [column, title] of lists) header[column - 1] = text(title);
  const rows: RowModel[] = [{ style: 'header', cells: header }];
  for (let index = 0; index < length; index++) {
    const cells: (CellModel | null)[] = [];
    for (const [column, , values] of lists) cells[column - 1] = values[index] !== undefined ? text(values[index]!) : null;
    rows.push({ style: 'plain', cells });
  }
  return { name: HR_SHEET_NAMES.lists, state: 'hidden', columns: lists.map((): ColumnModel => ({ width: 28 })), rows };
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
      source: listSource(LIST_COLUMNS.yesNo, YES_NO_VALUES),
      ...error,
    },
  ];
  if (cases.length > 0) {
    const column = REFLECTIONS_LAYOUT.caseAssessmentColumn;
    validations.push({
      range: { fromRow: caseFirstRow, fromColumn: column, toRow: caseFirstRow + cases.length - 1, toColumn: column },
      source: listSource(LIST_COLUMNS.hrAssessment, HR_ASSESSMENT_VALUES),
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
    sheets: [overviewSheet(input), casesSheet(input), uncoveredSheet(input), repeatedShortTermSheet(input), reflectionsSheet(input), listsSheet(input.thresholds)],
  };
}
