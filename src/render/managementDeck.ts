// "Rehabiliteringsuppföljning till ledningsgrupp" per verksamhet (seed 000): shared with the management team, where
// every unit manager sits, so it names no person, shows no single case, and hides every cell that the run's
// disclosure decision hides (SPEC §7) — in tables, charts, sentences and the change column alike.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { AdministrationFigures, MonthlyRate, StatutoryFigure, StatutoryGroup, UnitFigures } from '../core/absenceFigures.js';
import type { CheckName } from '../core/caseChecklist.js';
import type { OperationChecklistCounts } from '../core/checklistCounts.js';
import { routineMoment, type Season } from '../core/routineCalendar.js';
import { ADMINISTRATION_GROUP, hiddenReason, statutoryGroupKey, unitGroup, type CellPeriod, type HiddenReason, type SharedDisclosure } from '../core/suppression.js';
import type { Thresholds } from '../core/thresholds.js';
import type { SlideText, SlideTexts } from '../input/slideTexts.js';
import {
  ADMINISTRATION_COLOR,
  ADMINISTRATION_LABEL,
  LONG_COLOR,
  PERCENT_AXIS,
  SHORT_COLOR,
  dateRangeText,
  monthLabel,
  numberCell,
  paginateTable,
  preferHorizontal,
  shortLongSeries,
  textCell,
  type CellTone,
  type DeckModel,
  type Paragraph,
  type SlideModel,
  type TableCell,
  type TableRow,
  type TableSlide,
} from './deckModel.js';
import { CHECK_LABELS, MONTH_NAMES, STATUTORY_GROUP_LABELS } from './labels.js';
import { formatNumber } from './statsReport.js';

export const MANAGEMENT_DECK_TITLE = 'Rehabiliteringsuppföljning till ledningsgrupp';
const FIGURE_ROWS_PER_SLIDE = 12;

/** SPEC §3 funnel signal; figures carry it once the funnel limits are in (null = within the limits). */
type FunnelSignal = 'high' | 'low' | 'watch_high' | 'watch_low';
type WithSignal = UnitFigures & { signal?: FunnelSignal | null };

export interface ManagementDeckInput {
  /** '2027-vår'. */
  period: string;
  season: Season;
  asOf: IsoDate;
  window: DateRange;
  administrationName: string;
  /** The verksamhet's name (its id). */
  operation: string;
  administration: AdministrationFigures;
  /** The verksamhet's own figures (level 'verksamhet'). */
  operationFigures: WithSignal;
  /** Its enheter. */
  units: WithSignal[];
  trend: { months: IsoDate[]; administration: MonthlyRate[]; units: Record<string, MonthlyRate[]> };
  /** The run's one disclosure decision (sharedDisclosure): the same cells are hidden in every deck. */
  disclosure: SharedDisclosure;
  thresholds: Pick<Thresholds, 'minGroupSize' | 'statutoryGroupMaxSuppressed' | 'deviationPp' | 'longSpellDays' | 'repeatedShortTermPeriods' | 'repeatedShortTermMonths'>;
  slideTexts: SlideTexts;
  /** The förvaltning's statutory breakdown (kön, ålder), for comparison. */
  statutory?: StatutoryFigure[];
  /** The verksamhet's own statutory breakdown. */
  operationStatutory?: StatutoryFigure[];
  /** Open cases of the verksamhet, counted (no person). */
  caseCounts?: OperationChecklistCounts | null;
  /** Employments in the verksamhet on day 15 or later of a sick leave without an open case (SPEC §4). */
  uncoveredSickLeave?: number | null;
  /** The year's theme figures for the verksamhet: repeated short-term absence (SPEC §3). */
  repeatedShortTerm?: { employments: number; withoutCase: number } | null;
}

const SEASON_WORDS: Record<Season, string> = { spring: 'våren', autumn: 'hösten' };
const REASON_TEXT: Record<HiddenReason, string> = {
  small_group: 'för liten grupp',
  protects_small_group: 'visas inte för att skydda en liten grupp',
  follows_hidden_cell: 'visas inte för att skydda en liten grupp',
};
const SIGNAL_TEXT: Record<FunnelSignal, string> = {
  high: 'Över kontrollgränsen (99,8 %)',
  low: 'Under kontrollgränsen (99,8 %)',
  watch_high: 'Bevaka: över 95 %-gränsen',
  watch_low: 'Under 95 %-gränsen',
};

const pct = (value: number | null): string => `${formatNumber(value)} %`;
const pp = (value: number): string => `${formatNumber(Math.abs(value))} procentenheter`;
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export function buildManagementDeck(input: ManagementDeckInput): DeckModel {
  const operationHidden = reasonOf(input, unitGroup(input.operationFigures), 'window');
  const figureSlides = operationHidden === 'small_group'
    ? [tooSmallSlide(input)]
    : [unitChartSlide(input), ...unitTableSlides(input), trendSlide(input)];
  const slides: SlideModel[] = [
    titleSlide(input),
    summarySlide(input),
    purposeSlide(),
    calendarSlide(input),
    ...figureSlides,
    ...(operationHidden === 'small_group' ? [] : [caseSlide(input)]),
    ...(operationHidden === 'small_group' ? [] : statutorySlides(input)),
    ...input.slideTexts.map((text) => textSlide(text, input)),
  ];
  return {
    title: `${MANAGEMENT_DECK_TITLE} ${input.period}`,
    footer: `${MANAGEMENT_DECK_TITLE} · ${input.operation} · ${seasonName(input)}`,
    slides,
  };
}

function reasonOf(input: ManagementDeckInput, group: string, period: CellPeriod): HiddenReason | null {
  return hiddenReason(input.disclosure, group, period);
}

function seasonName(input: ManagementDeckInput): string {
  return `${SEASON_WORDS[input.season]} ${input.period.slice(0, 4)}`;
}

function titleSlide(input: ManagementDeckInput): SlideModel {
  return {
    kind: 'title',
    title: MANAGEMENT_DECK_TITLE,
    subtitle: input.operation,
    details: [
      input.administrationName,
      `Rehabiliteringsuppföljningen ${seasonName(input)}`,
      `Sjukfrånvaro ${dateRangeText(input.window)}`,
      `Underlag per ${input.asOf}`,
    ],
  };
}

/** What the figures say, one finding per line; a hidden figure is not described, only why it is missing. */
function summaryFindings(input: ManagementDeckInput): string[] {
  const findings: string[] = [];
  const operation = input.operationFigures;
  const operationReason = reasonOf(input, unitGroup(operation), 'window');
  const administrationShown = reasonOf(input, ADMINISTRATION_GROUP, 'window') === null;
  if (operationReason !== null) {
    findings.push(operationReason === 'small_group'
      ? `Siffrorna för ${input.operation} visas inte: för liten grupp (färre än ${input.thresholds.minGroupSize} anställda).`
      : `Siffrorna för ${input.operation} totalt visas inte, för att skydda en liten grupp.`);
  } else if (operation.totalPct !== null) {
    const against = administrationShown && input.administration.totalPct !== null && operation.diffPp !== null
      ? `, ${pp(operation.diffPp)} ${operation.diffPp >= 0 ? 'över' : 'under'} förvaltningen (${pct(input.administration.totalPct)})`
      : '';
    const marking = operation.deviates ? ': avviker' : '';
    findings.push(`Sjukfrånvaron i ${input.operation} var ${pct(operation.totalPct)}${against}${marking}.`);
    const change = reasonOf(input, unitGroup(operation), 'previous') === null && operation.previousTotalPct !== null
      ? operation.totalPct - operation.previousTotalPct
      : null;
    if (change !== null) findings.push(`Mot föregående period: ${change === 0 ? 'oförändrad' : `${change > 0 ? 'ökning' : 'minskning'} med ${pp(change)}`} (från ${pct(operation.previousTotalPct)}).`);
    const signal = operation.signal ?? null;
    if (signal === 'high' || signal === 'watch_high') findings.push(`Jämförelse med hänsyn till storleken: ${SIGNAL_TEXT[signal].toLowerCase()}.`);
  }
  const shownUnits = input.units.filter((unit) => reasonOf(input, unitGroup(unit), 'window') === null);
  const deviating = shownUnits.filter((unit) => unit.deviates || unit.signal === 'high');
  if (shownUnits.length > 0) {
    findings.push(deviating.length === 0
      ? `Ingen av enheterna som visas avviker från förvaltningen (${formatNumber(input.thresholds.deviationPp)} procentenheter eller mer).`
      : `${deviating.length} av ${plural(shownUnits.length, 'enhet', 'enheter')} avviker från förvaltningen: ${deviating.map((unit) => unit.name).join(', ')}.`);
  }
  const counts = input.caseCounts;
  if (counts && operationReason === null) {
    if (counts.cases === 0) findings.push('Inga öppna rehabiliteringsärenden.');
    else if (counts.cases < input.thresholds.minGroupSize) findings.push(`Färre än ${input.thresholds.minGroupSize} öppna rehabiliteringsärenden: fördelningen visas inte.`);
    else findings.push(`${counts.casesWithoutGaps} av ${counts.cases} öppna ärenden har en aktiv och aktuell planering (${formatNumber((counts.casesWithoutGaps / counts.cases) * 100, 0)} %).`);
  }
  if (input.uncoveredSickLeave !== undefined && input.uncoveredSickLeave !== null && operationReason === null) {
    findings.push(input.uncoveredSickLeave === 0 ? 'Ingen sjukskrivning från dag 15 saknar rehabärende.' : `${countText(input.uncoveredSickLeave, input.thresholds.minGroupSize)} från dag 15 utan rehabärende.`);
  }
  return findings;
}

/** A count of people in shared material: exact at 0 and from the minimum group size, else "färre än N". */
function countText(count: number, minGroupSize: number): string {
  if (count > 0 && count < minGroupSize) return `Färre än ${minGroupSize} sjukskrivningar`;
  return `${count} ${count === 1 ? 'sjukskrivning' : 'sjukskrivningar'}`;
}

function summarySlide(input: ManagementDeckInput): SlideModel {
  const findings = summaryFindings(input);
  return {
    kind: 'bullets',
    title: findings[0] ?? `${input.operation}: sammanfattning`,
    paragraphs: [
      { style: 'heading', text: `Sammanfattning ${seasonName(input)}` },
      ...findings.slice(1).map((text): Paragraph => ({ style: 'bullet', text })),
      { style: 'plain', text: `Sjukfrånvaro ${dateRangeText(input.window)}, i procent av arbetstiden. Underlag per ${input.asOf}.` },
    ],
  };
}

/** From the routine's "Syfte", "Mål" and the verksamhetschef's part in it. */
function purposeSlide(): SlideModel {
  return {
    kind: 'bullets',
    title: 'Syfte: ett systematiskt och likvärdigt rehabiliteringsarbete',
    paragraphs: [
      { style: 'plain', text: 'Rutinen för rehabiliteringsuppföljning ska säkerställa ett systematiskt och likvärdigt arbetssätt kring rehabiliteringsuppföljningar inom förvaltningen.' },
      { style: 'bullet', text: 'Tydlig ansvarsfördelning mellan HR-specialist, enhetschef, verksamhetschef, avdelningschef och processledare rehabilitering' },
      { style: 'bullet', text: 'Samtliga rehabiliteringsärenden ska ha en aktiv och aktuell planering' },
      { style: 'bullet', text: 'Uppföljningen ger chefen ett tydligt och framåtblickande stöd i rehabiliteringsarbetet' },
      { style: 'heading', text: 'Verksamhetschefens del' },
      { style: 'bullet', text: 'Ger HR-specialisten utrymme i ledningsgruppen inför periodens uppföljningar' },
      { style: 'bullet', text: 'Följer upp att rehabiliteringsuppföljningar genomförs inom verksamhetsområdet' },
      { style: 'bullet', text: 'Ger stöd till enhetschefer vid behov av prioritering, kompetensutveckling eller resursfördelning' },
    ],
  };
}

type CalendarStep = 'management_team' | 'follow_up' | 'analysis';

/** Where the as-of date is in the routine's year, said as the management team would say it. */
export function calendarNow(asOf: IsoDate): { step: CalendarStep | null; season: Season; text: string } {
  const moment = routineMoment(asOf);
  const month = Number(asOf.slice(5, 7));
  const monthName = `${MONTH_NAMES[month - 1]} ${asOf.slice(0, 4)}`;
  const seasonText = `${SEASON_WORDS[moment.season]} ${moment.seasonYear}`;
  const spring = moment.season === 'spring';
  const followUp = spring ? 'februari–april' : 'augusti–oktober';
  const analysis = spring ? 'maj' : 'november';
  switch (moment.phase) {
    case 'management_team_and_follow_up':
      return { step: 'management_team', season: moment.season, text: `Nu (${monthName}): genomgång i ledningsgruppen, sedan rehabiliteringsuppföljningar med enhetscheferna ${followUp}. Analysen görs i ${analysis}.` };
    case 'follow_up':
      return { step: 'follow_up', season: moment.season, text: `Nu (${monthName}): rehabiliteringsuppföljningar med enhetscheferna ${followUp}. Analysen görs i ${analysis}.` };
    case 'analysis':
      return { step: 'analysis', season: moment.season, text: `Nu (${monthName}): analys och sammanställning av ${seasonText}, som presenteras för förvaltningsledningen.` };
    default:
      return { step: null, season: moment.season, text: `Nu (${monthName}): förberedelse inför ${seasonText}, med genomgång i ledningsgruppen i ${spring ? 'februari' : 'augusti'}.` };
  }
}

function calendarSlide(input: ManagementDeckInput): SlideModel {
  const now = calendarNow(input.asOf);
  const mark = (step: CalendarStep, season: Season, text: string): TableCell =>
    textCell(text, now.step === step && now.season === season ? { tone: 'good', bold: true } : {});
  const row = (step: CalendarStep, moment: string, spring: string, autumn: string, who: string): TableRow => ({
    cells: [textCell(moment), mark(step, 'spring', spring), mark(step, 'autumn', autumn), textCell(who)],
  });
  return {
    kind: 'table',
    title: now.text.replace(/^Nu \(([^)]*)\): /, (_, when: string) => `${when.charAt(0).toUpperCase()}${when.slice(1)}: `),
    fontSize: 16,
    columns: [
      { header: 'Moment', width: 4.2, align: 'left' },
      { header: 'Våren', width: 2, align: 'left' },
      { header: 'Hösten', width: 2, align: 'left' },
      { header: 'Ansvarig', width: 4, align: 'left' },
    ],
    rows: [
      row('management_team', 'Genomgång i ledningsgrupp', 'Februari', 'Augusti', 'HR-specialist'),
      row('follow_up', 'Rehabiliteringsuppföljningar med enhetschefer', 'Februari–april', 'Augusti–oktober', 'HR-specialist och enhetschef'),
      row('analysis', 'Analys och sammanställning', 'Maj', 'November', 'Processledare rehabilitering och HR-specialister'),
    ],
    note: `Årets kalender för rehabiliteringsuppföljningen. ${now.text}`,
  };
}

/** One slide instead of figures when the verksamhet itself is too small to show. */
function tooSmallSlide(input: ManagementDeckInput): SlideModel {
  const minimum = input.thresholds.minGroupSize;
  return {
    kind: 'bullets',
    title: `Siffrorna för ${input.operation} visas inte: färre än ${minimum} anställda`,
    paragraphs: [
      { style: 'plain', text: `Sjukfrånvaro är hälsouppgifter. I material som visas för en grupp redovisas inga grupper med färre än ${minimum} anställda, eftersom siffrorna då kan kopplas till enskilda personer.` },
      { style: 'bullet', text: 'Därför visar bildspelet inga siffror för verksamheten, dess enheter eller dess rehabiliteringsärenden.' },
      { style: 'bullet', text: 'HR-specialisten går igenom underlaget med varje enhetschef i rehabiliteringsuppföljningen.' },
      { style: 'bullet', text: 'Processledaren kan slå ihop verksamheten med en annan i redovisningen (konfigurationen) så att den kan visas.' },
    ],
  };
}

interface FigureGroup {
  name: string;
  figures: WithSignal | AdministrationFigures;
  group: string;
  isAdministration: boolean;
}

function shownGroups(input: ManagementDeckInput): FigureGroup[] {
  const groups: FigureGroup[] = [
    ...input.units.map((unit) => ({ name: unit.name, figures: unit, group: unitGroup(unit), isAdministration: false })),
    { name: `${input.operation} totalt`, figures: input.operationFigures, group: unitGroup(input.operationFigures), isAdministration: false },
    { name: ADMINISTRATION_LABEL, figures: input.administration, group: ADMINISTRATION_GROUP, isAdministration: true },
  ];
  return groups.filter((group) => reasonOf(input, group.group, 'window') === null);
}

function unitChartSlide(input: ManagementDeckInput): SlideModel {
  const groups = shownGroups(input);
  const categories = groups.map((group) => group.name);
  const hidden = hiddenUnitLines(input);
  const highest = groups.filter((group) => !group.isAdministration && group.figures.totalPct !== null).sort((a, b) => b.figures.totalPct! - a.figures.totalPct!)[0];
  const title = highest && groups.length > 1
    ? `Högst sjukfrånvaro: ${highest.name} (${pct(highest.figures.totalPct)}), kort- och långtid per enhet`
    : 'Kort- och långtidsfrånvaro per enhet jämfört med förvaltningen';
  if (groups.length === 0) {
    return { kind: 'bullets', title: 'Sjukfrånvaro per enhet', paragraphs: [{ style: 'plain', text: 'Inga siffror att visa: grupperna är för små för att redovisas.' }] };
  }
  return {
    kind: 'barChart',
    title,
    horizontal: preferHorizontal(categories),
    chart: {
      categories,
      series: shortLongSeries(groups.map((group) => group.figures)),
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Enhet',
      colors: [SHORT_COLOR, LONG_COLOR],
    },
    note: `Period: ${dateRangeText(input.window)}. Korttid = dag 1–14, långtid = dag 15 och framåt.${hidden.length > 0 ? ` Visas inte: ${hidden.join('; ')}.` : ''}`,
  };
}

/** "1 enhet: för liten grupp" / "2 enheter: visas inte för att skydda en liten grupp" (no names: they are small). */
function hiddenUnitLines(input: ManagementDeckInput): string[] {
  const lines: string[] = [];
  for (const reason of ['small_group', 'protects_small_group'] as const) {
    const count = input.units.filter((unit) => reasonOf(input, unitGroup(unit), 'window') === reason).length;
    if (count > 0) lines.push(`${plural(count, 'enhet', 'enheter')}: ${REASON_TEXT[reason]}`);
  }
  return lines;
}

const TABLE_COLUMNS = [
  { header: 'Enhet', width: 3.4, align: 'left' as const },
  { header: 'Korttid %', width: 1.1, align: 'right' as const },
  { header: 'Långtid %', width: 1.1, align: 'right' as const },
  { header: 'Totalt %', width: 1.1, align: 'right' as const },
  { header: 'Förändring mot föregående period (procentenheter)', width: 2, align: 'right' as const },
  { header: 'Skillnad mot förvaltningen (procentenheter)', width: 2, align: 'right' as const },
  { header: 'Bedömning', width: 2.2, align: 'left' as const },
];

/** Deviates (pp rule) or a funnel signal: the words and the colour the row gets, the verksamhet total included. */
function assessment(figures: WithSignal, deviationPp: number): { text: string; tone?: CellTone } {
  const signal = figures.signal ?? null;
  const parts: string[] = [];
  if (figures.deviates) parts.push(`Avviker (${formatNumber(deviationPp)} pe eller mer)`);
  if (signal) parts.push(SIGNAL_TEXT[signal]);
  const tone: CellTone | undefined = figures.deviates || signal === 'high' ? 'bad' : signal === 'watch_high' ? 'warning' : signal === 'low' ? 'good' : undefined;
  return { text: parts.join('. '), ...(tone ? { tone } : {}) };
}

function figureRow(input: ManagementDeckInput, group: FigureGroup, administrationTotal: number | null): TableRow {
  const figures = group.figures;
  const previousShown = reasonOf(input, group.group, 'previous') === null;
  const change = previousShown && figures.totalPct !== null && figures.previousTotalPct !== null ? figures.totalPct - figures.previousTotalPct : null;
  const diff = group.isAdministration || figures.totalPct === null || administrationTotal === null ? null : figures.totalPct - administrationTotal;
  const judged = group.isAdministration ? { text: '' } : assessment(figures as WithSignal, input.thresholds.deviationPp);
  const emphasis = group.isAdministration || group.group === unitGroup(input.operationFigures);
  return {
    emphasis,
    cells: [
      textCell(group.name),
      numberCell(figures.shortPct),
      numberCell(figures.longPct),
      numberCell(figures.totalPct),
      numberCell(change, { signed: true }),
      group.isAdministration ? textCell('') : numberCell(diff, { signed: true, ...(judged.tone ? { tone: judged.tone } : {}) }),
      textCell(judged.text, judged.tone ? { tone: judged.tone } : {}),
    ],
  };
}

function unitTableSlides(input: ManagementDeckInput): TableSlide[] {
  const administrationTotal = reasonOf(input, ADMINISTRATION_GROUP, 'window') === null ? input.administration.totalPct : null;
  const groups = shownGroups(input);
  const blank = textCell('');
  const blanks = TABLE_COLUMNS.slice(1).map(() => blank);
  // The enheter shown, the hidden ones counted per reason, the verksamhet's total (or why not), the förvaltning.
  const operationGroup = unitGroup(input.operationFigures);
  const operationReason = reasonOf(input, operationGroup, 'window');
  const rows: TableRow[] = [
    ...groups.filter((group) => group.group.startsWith('enhet:')).map((group) => figureRow(input, group, administrationTotal)),
    ...hiddenUnitLines(input).map((line) => ({ cells: [textCell(line), ...blanks] })),
    ...(operationReason === null
      ? groups.filter((group) => group.group === operationGroup).map((group) => figureRow(input, group, administrationTotal))
      : [{ emphasis: true, cells: [textCell(`${input.operation} totalt: ${REASON_TEXT[operationReason]}`), ...blanks] }]),
    ...groups.filter((group) => group.isAdministration).map((group) => figureRow(input, group, administrationTotal)),
  ];
  const deviating = groups.filter((group) => !group.isAdministration && (group.figures as WithSignal).deviates);
  const title = deviating.length === 0
    ? 'Ingen enhet avviker från förvaltningen'
    : `${deviating.length === 1 ? deviating[0]!.name : plural(deviating.length, 'grupp', 'grupper')} avviker från förvaltningen`;
  const changeHidden = groups.some((group) => reasonOf(input, group.group, 'previous') !== null && group.figures.previousTotalPct !== null);
  return paginateTable({
    kind: 'table',
    title,
    columns: TABLE_COLUMNS,
    rows,
    fontSize: 13,
    note: [
      `Procent av arbetstiden (heltidsdagar), ${dateRangeText(input.window)}.`,
      `Avviker = minst ${formatNumber(input.thresholds.deviationPp)} procentenheter över förvaltningen (röd).`,
      `Grupper med färre än ${input.thresholds.minGroupSize} anställda visas inte, och inte heller grupper som annars skulle avslöja dem.`,
      ...(changeHidden ? ['"–" i förändringskolumnen: föregående period visas inte för att skydda en liten grupp.'] : []),
    ].join(' '),
  }, FIGURE_ROWS_PER_SLIDE);
}

function monthlyValues(input: ManagementDeckInput, group: string, rates: MonthlyRate[] | undefined): (number | null)[] {
  const byMonth = new Map((rates ?? []).map((rate) => [rate.month, rate.totalPct]));
  return input.trend.months.map((month) => (reasonOf(input, group, month) === null ? byMonth.get(month) ?? null : null));
}

function trendSlide(input: ManagementDeckInput): SlideModel {
  const months = input.trend.months;
  const operationGroup = unitGroup(input.operationFigures);
  const operationValues = monthlyValues(input, operationGroup, input.trend.units[operationGroup]);
  const administrationValues = monthlyValues(input, ADMINISTRATION_GROUP, input.trend.administration);
  const series = [
    ...(operationValues.some((value) => value !== null) ? [{ name: input.operation, values: operationValues, color: SHORT_COLOR }] : []),
    ...(administrationValues.some((value) => value !== null) ? [{ name: ADMINISTRATION_LABEL, values: administrationValues, color: ADMINISTRATION_COLOR }] : []),
  ];
  const gaps = months.filter((month) => reasonOf(input, operationGroup, month) !== null).length;
  const firstHalf = operationValues.slice(0, 6).filter((value): value is number => value !== null);
  const secondHalf = operationValues.slice(6).filter((value): value is number => value !== null);
  const average = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  let title = 'Sjukfrånvaro månad för månad, senaste 12 månaderna';
  if (firstHalf.length > 0 && secondHalf.length > 0) {
    const change = average(secondHalf) - average(firstHalf);
    title = Math.abs(change) < 0.5
      ? `${input.operation}: sjukfrånvaron har legat på ungefär samma nivå det senaste året`
      : `${input.operation}: sjukfrånvaron har ${change > 0 ? 'ökat' : 'minskat'} det senaste halvåret`;
  }
  if (series.length === 0) {
    return { kind: 'bullets', title: 'Sjukfrånvaro månad för månad', paragraphs: [{ style: 'plain', text: 'Inga siffror att visa: grupperna är för små för att redovisas.' }] };
  }
  return {
    kind: 'lineChart',
    title,
    chart: {
      categories: months.map(monthLabel),
      series: series.map(({ name, values }) => ({ name, values })),
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Månad',
      colors: series.map((item) => item.color),
    },
    note: `Total sjukfrånvaro (kort- och långtid) per månad.${gaps > 0 ? ` ${plural(gaps, 'månad', 'månader')} utan värde för ${input.operation}: för liten grupp eller för att skydda en liten grupp.` : ''}`,
  };
}

const CHECK_ORDER: readonly CheckName[] = ['certificate', 'healthTalk', 'returnPlan', 'activity'];

/** The verksamhet's cases as counts (no person); counts below the minimum group size are not broken down. */
function caseSlide(input: ManagementDeckInput): SlideModel {
  const counts = input.caseCounts;
  const minimum = input.thresholds.minGroupSize;
  const uncovered = input.uncoveredSickLeave;
  const uncoveredLine = uncovered === undefined || uncovered === null ? [] : [{ cells: [textCell('Sjukskrivna från dag 15 utan rehabärende'), textCell(uncovered > 0 && uncovered < minimum ? `färre än ${minimum}` : String(uncovered))] }];
  if (!counts || counts.cases === 0 || counts.cases < minimum) {
    const text = !counts || counts.cases === 0 ? 'Inga öppna rehabiliteringsärenden i verksamheten.' : `Färre än ${minimum} öppna rehabiliteringsärenden: fördelningen visas inte, så att ingen enskild kan kännas igen.`;
    return {
      kind: 'table',
      title: counts && counts.cases > 0 ? `Färre än ${minimum} öppna rehabiliteringsärenden` : 'Inga öppna rehabiliteringsärenden',
      compact: true,
      fontSize: 16,
      columns: [{ header: 'Rehabiliteringsärenden', width: 5, align: 'left' }, { header: 'Antal', width: 1.5, align: 'right' }],
      rows: [{ cells: [textCell('Öppna ärenden'), textCell(counts && counts.cases > 0 ? `färre än ${minimum}` : '0')] }, ...uncoveredLine],
      note: text,
    };
  }
  const share = (counts.casesWithoutGaps / counts.cases) * 100;
  return {
    kind: 'table',
    title: `${counts.casesWithoutGaps} av ${counts.cases} öppna ärenden har en aktiv och aktuell planering (${formatNumber(share, 0)} %)`,
    compact: true,
    fontSize: 16,
    columns: [{ header: 'Rehabiliteringsärenden', width: 5, align: 'left' }, { header: 'Antal', width: 1.5, align: 'right' }],
    rows: [
      { cells: [textCell('Öppna ärenden'), textCell(String(counts.cases))] },
      { cells: [textCell('Utan brist (målet: alla)'), textCell(String(counts.casesWithoutGaps), { tone: counts.casesWithoutGaps === counts.cases ? 'good' : 'warning' })] },
      ...CHECK_ORDER.map((check) => ({ cells: [textCell(`Brist: ${CHECK_LABELS[check].toLowerCase()}`), textCell(String(counts.gapsByCheck[check]), counts.gapsByCheck[check] > 0 ? { tone: 'warning' as const } : {})] })),
      ...uncoveredLine,
    ],
    note: `Ärenden som var öppna ${input.asOf}. Ett ärende kan ha brister i flera kontroller. Inga namn: enskilda ärenden går HR-specialisten igenom med varje enhetschef.`,
  };
}

const STATUTORY_ORDER: readonly StatutoryGroup[] = ['women', 'men', 'age_29_or_less', 'age_30_to_49', 'age_50_or_more'];

function statutorySlides(input: ManagementDeckInput): SlideModel[] {
  const own = input.operationStatutory;
  const administration = input.statutory;
  if (!own && !administration) return [];
  const operationShown = reasonOf(input, unitGroup(input.operationFigures), 'window') === null;
  const administrationShown = reasonOf(input, ADMINISTRATION_GROUP, 'window') === null;
  const cell = (figures: StatutoryFigure[] | undefined, group: StatutoryGroup, operation?: string): TableCell => {
    const figure = figures?.find((item) => item.group === group);
    if (!figure || figure.employees === 0) return textCell('–');
    const reason = hiddenReason(input.disclosure, statutoryGroupKey(group, operation), 'window');
    return reason === null ? numberCell(figure.totalPct) : textCell(reason === 'small_group' ? 'för liten grupp' : 'skyddas');
  };
  const rows: TableRow[] = [
    {
      emphasis: true,
      cells: [
        textCell('Alla anställda'),
        operationShown ? numberCell(input.operationFigures.totalPct) : textCell('–'),
        administrationShown ? numberCell(input.administration.totalPct) : textCell('–'),
      ],
    },
    ...STATUTORY_ORDER.map((group) => ({ cells: [textCell(STATUTORY_GROUP_LABELS[group]), cell(own, group, input.operation), cell(administration, group)] })),
    {
      cells: [
        textCell(`Andel i sjukperioder om ${input.thresholds.longSpellDays} dagar eller mer`),
        operationShown ? numberCell(input.operationFigures.longSpellSharePct) : textCell('–'),
        administrationShown ? numberCell(input.administration.longSpellSharePct) : textCell('–'),
      ],
    },
  ];
  const title = operationShown
    ? `${formatNumber(input.operationFigures.longSpellSharePct, 0)} % av sjukfrånvaron i ${input.operation} är i perioder om ${input.thresholds.longSpellDays} dagar eller mer`
    : `Sjukfrånvaro efter kön och ålder`;
  return [{
    kind: 'table',
    title,
    fontSize: 15,
    columns: [
      { header: 'Grupp', width: 5, align: 'left' },
      { header: `${input.operation} %`, width: 2.4, align: 'right' },
      { header: 'Förvaltningen %', width: 2.4, align: 'right' },
    ],
    rows,
    note: `Nyckeltal enligt lagen om kommunal bokföring och redovisning, ${dateRangeText(input.window)}: total sjukfrånvaro i procent av arbetstiden. Grupper med ${input.thresholds.statutoryGroupMaxSuppressed} eller färre anställda redovisas inte ("för liten grupp"); "skyddas" = visas inte för att skydda en liten grupp. Andelen långa perioder är i procent av all sjukfrånvaro.`,
  }];
}

const SEASON_TAGS: Record<SlideText['season'], string | undefined> = { spring: 'Vår', autumn: 'Höst', both: undefined };

function textSlide(text: SlideText, input: ManagementDeckInput): SlideModel {
  const otherSeason = input.season === 'spring' ? 'autumn' : 'spring';
  const paragraphs: Paragraph[] = text.blocks.map((block) => ({
    style: block.kind === 'bullet' ? 'bullet' : block.kind === 'heading' ? 'heading' : 'plain',
    text: block.text,
  }));
  const own = text.theme ? themeFigures(input) : [];
  return {
    kind: 'bullets',
    title: text.title,
    paragraphs: own.length > 0 ? [{ style: 'heading', text: `I ${input.operation} just nu` }, ...own.map((line): Paragraph => ({ style: 'bullet', text: line })), ...paragraphs] : paragraphs,
    tag: text.theme ? 'Årets tema' : SEASON_TAGS[text.season],
    hidden: text.season === otherSeason,
  };
}

/** The theme's own figures for the verksamhet, where the theme has them (repeated short-term absence). */
function themeFigures(input: ManagementDeckInput): string[] {
  const repeated = input.repeatedShortTerm;
  if (!repeated || reasonOf(input, unitGroup(input.operationFigures), 'window') !== null) return [];
  const { minGroupSize, repeatedShortTermPeriods, repeatedShortTermMonths } = input.thresholds;
  const rule = `${repeatedShortTermPeriods} sjukperioder eller fler på ${repeatedShortTermMonths} månader`;
  if (repeated.employments === 0) return [`Ingen anställd har ${rule}.`];
  if (repeated.employments < minGroupSize) return [`Färre än ${minGroupSize} anställda har ${rule}.`];
  const withoutCase = repeated.withoutCase > 0 && repeated.withoutCase < minGroupSize ? `färre än ${minGroupSize}` : String(repeated.withoutCase);
  return [`${repeated.employments} anställda har ${rule}; för ${withoutCase} av dem finns inget rehabärende.`];
}
