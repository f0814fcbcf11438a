// "Rehabiliteringsuppföljning till ledningsgrupp" per verksamhet (seed 000): shared with the management team, so it names
// no person, shows no case, and hides every group that sharedVisibility hides (SPEC §7) in tables and charts alike.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { AdministrationFigures, MonthlyRate, StatutoryFigure, UnitFigures } from '../core/absenceFigures.js';
import type { Season } from '../core/routineCalendar.js';
import { ADMINISTRATION_VISIBILITY_KEY, sharedVisibility, visibilityKey } from '../core/suppression.js';
import type { SlideText, SlideTexts } from '../input/slideTexts.js';
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
  type DeckModel,
  type Paragraph,
  type SlideModel,
  type TableRow,
  type TableSlide,
} from './deckModel.js';
import { SEASON_LABELS, STATUTORY_GROUP_LABELS } from './labels.js';

export const MANAGEMENT_DECK_TITLE = 'Rehabiliteringsuppföljning till ledningsgrupp';
const FIGURE_ROWS_PER_SLIDE = 12;

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
  operationFigures: UnitFigures;
  /** Its enheter. */
  units: UnitFigures[];
  /** Every unit of the administration: suppression must see the whole tree to decide. */
  allUnits: UnitFigures[];
  trend: { months: IsoDate[]; administration: MonthlyRate[]; units: Record<string, MonthlyRate[]> };
  minGroupSize: number;
  slideTexts: SlideTexts;
  /** The administration's statutory breakdown (kön, ålder); left out when absent. */
  statutory?: StatutoryFigure[];
}

export function buildManagementDeck(input: ManagementDeckInput): DeckModel {
  const hidden = sharedVisibility(input.allUnits, input.minGroupSize);
  const slides: SlideModel[] = [
    titleSlide(input),
    purposeSlide(),
    calendarSlide(input),
    ...figureSlides(input, hidden),
    trendSlide(input, hidden),
    ...(input.statutory && input.statutory.length > 0 ? [statutorySlide(input.statutory, input.window)] : []),
    ...input.slideTexts.map((text) => textSlide(text, input.season)),
  ];
  return {
    title: `${MANAGEMENT_DECK_TITLE} ${input.period}`,
    footer: `${MANAGEMENT_DECK_TITLE} · ${input.operation} · ${input.period}`,
    slides,
  };
}

function titleSlide(input: ManagementDeckInput): SlideModel {
  return {
    kind: 'title',
    title: MANAGEMENT_DECK_TITLE,
    subtitle: input.operation,
    details: [
      input.administrationName,
      `Period: ${input.period}`,
      `Sjukfrånvaro: ${dateRangeText(input.window)}`,
      `Underlag per ${input.asOf}`,
    ],
  };
}

/** From the routine's "Syfte", "Mål" and the verksamhetschef's part in it. */
function purposeSlide(): SlideModel {
  return {
    kind: 'bullets',
    title: 'Syfte',
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

function calendarSlide(input: ManagementDeckInput): SlideModel {
  const current = (season: Season, text: string) => textCell(text, input.season === season ? { tone: 'good', bold: true } : {});
  const row = (moment: string, spring: string, autumn: string, who: string): TableRow => ({
    cells: [textCell(moment), current('spring', spring), current('autumn', autumn), textCell(who)],
  });
  return {
    kind: 'table',
    title: 'Årets kalender',
    fontSize: 16,
    columns: [
      { header: 'Moment', width: 4.2, align: 'left' },
      { header: 'Vår', width: 2, align: 'left' },
      { header: 'Höst', width: 2, align: 'left' },
      { header: 'Ansvarig', width: 4, align: 'left' },
    ],
    rows: [
      row('Genomgång i ledningsgrupp', 'Februari', 'Augusti', 'HR-specialist'),
      row('Rehabiliteringsuppföljningar med enhetschefer', 'Februari–april', 'Augusti–oktober', 'HR-specialist och enhetschef'),
      row('Analys och sammanställning', 'Maj', 'November', 'Processledare rehabilitering och HR-specialister'),
    ],
    note: `Nu: ${SEASON_LABELS[input.season]}terminen (${input.period}). Analysen presenteras för förvaltningsledningen.`,
  };
}

function hiddenUnitsLabel(hiddenUnits: UnitFigures[], minGroupSize: number): string {
  const count = hiddenUnits.length;
  const all = count === 1 ? '1 enhet' : `${count} enheter`;
  return hiddenUnits.every((unit) => unit.employees < minGroupSize)
    ? `Enheter med färre än ${minGroupSize} anställda (${all})`
    : `Enheter som inte visas för att skydda små grupper (${all})`;
}

function figureSlides(input: ManagementDeckInput, hidden: Set<string>): SlideModel[] {
  const administrationShown = !hidden.has(ADMINISTRATION_VISIBILITY_KEY);
  const operationShown = !hidden.has(visibilityKey(input.operationFigures));
  const shownUnits = input.units.filter((unit) => !hidden.has(visibilityKey(unit)));
  const hiddenUnits = input.units.filter((unit) => hidden.has(visibilityKey(unit)));
  const administrationTotal = administrationShown ? input.administration.totalPct : null;
  const operationLabel = `${input.operation} totalt`;

  const chartGroups = [
    ...shownUnits.map((unit) => ({ name: unit.name, figures: unit })),
    ...(operationShown ? [{ name: operationLabel, figures: input.operationFigures }] : []),
    ...(administrationShown ? [{ name: ADMINISTRATION_LABEL, figures: input.administration }] : []),
  ];
  const categories = chartGroups.map((group) => group.name);
  const hiddenNote = hiddenUnits.length > 0 ? ` ${hiddenUnitsLabel(hiddenUnits, input.minGroupSize)} visas inte.` : '';
  const chartSlide: SlideModel = {
    kind: 'barChart',
    title: 'Sjukfrånvaro per enhet jämfört med förvaltningen',
    horizontal: preferHorizontal(categories),
    chart: {
      categories,
      series: shortLongSeries(chartGroups.map((group) => group.figures)),
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Enhet',
      colors: [SHORT_COLOR, LONG_COLOR],
    },
    note: `Period: ${dateRangeText(input.window)}. Korttid = dag 1–14, långtid = dag 15 och framåt.${hiddenNote}`,
  };

  const blank = textCell('');
  const rows: TableRow[] = [
    ...shownUnits.map((unit) => figureRow(unit.name, unit, administrationTotal, { deviates: unit.deviates })),
    ...(hiddenUnits.length > 0 ? [{ cells: [textCell(hiddenUnitsLabel(hiddenUnits, input.minGroupSize)), blank, blank, blank, blank, blank] }] : []),
    operationShown
      ? figureRow(operationLabel, input.operationFigures, administrationTotal, { emphasis: true })
      : { emphasis: true, cells: [textCell(`${operationLabel} (visas inte: för liten grupp)`), blank, blank, blank, blank, blank] },
    ...(administrationShown ? [figureRow(ADMINISTRATION_LABEL, input.administration, administrationTotal, { emphasis: true, isAdministration: true })] : []),
  ];
  const tableSlide: TableSlide = {
    kind: 'table',
    title: 'Sjukfrånvaro i siffror',
    columns: FIGURE_COLUMNS('Enhet'),
    rows,
    note: `Procent av arbetstiden (heltidsdagar), ${dateRangeText(input.window)}. Grupper med färre än ${input.minGroupSize} anställda visas inte. Röd markering: avviker från förvaltningen.`,
  };
  return [chartSlide, ...paginateTable(tableSlide, FIGURE_ROWS_PER_SLIDE)];
}

function trendSlide(input: ManagementDeckInput, hidden: Set<string>): SlideModel {
  const months = input.trend.months;
  const series = [
    ...(hidden.has(visibilityKey(input.operationFigures))
      ? []
      : [{ name: input.operation, values: monthlyTotals(months, input.trend.units[visibilityKey(input.operationFigures)]), color: SHORT_COLOR }]),
    ...(hidden.has(ADMINISTRATION_VISIBILITY_KEY) ? [] : [{ name: ADMINISTRATION_LABEL, values: monthlyTotals(months, input.trend.administration), color: ADMINISTRATION_COLOR }]),
  ];
  return {
    kind: 'lineChart',
    title: 'Sjukfrånvaro månad för månad, senaste 12 månaderna',
    chart: {
      categories: months.map(monthLabel),
      series: series.map(({ name, values }) => ({ name, values })),
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Månad',
      colors: series.map((item) => item.color),
    },
    note: 'Total sjukfrånvaro (kort- och långtid) per månad.',
  };
}

function statutorySlide(statutory: StatutoryFigure[], window: DateRange): SlideModel {
  return {
    kind: 'table',
    title: 'Förvaltningens sjukfrånvaro efter kön och ålder',
    fontSize: 16,
    compact: true,
    columns: [
      { header: 'Grupp', width: 4, align: 'left' },
      { header: 'Total sjukfrånvaro %', width: 2.5, align: 'right' },
    ],
    rows: statutory.map((figure) => ({
      cells: [textCell(STATUTORY_GROUP_LABELS[figure.group]), figure.suppressed ? textCell('–') : numberCell(figure.totalPct)],
    })),
    note: `Nyckeltal enligt lagen om kommunal bokföring och redovisning, ${dateRangeText(window)}. "–" = gruppen är för liten för att redovisas.`,
  };
}

const SEASON_TAGS: Record<SlideText['season'], string | undefined> = { spring: 'Vår', autumn: 'Höst', both: undefined };

function textSlide(text: SlideText, season: Season): SlideModel {
  const otherSeason = season === 'spring' ? 'autumn' : 'spring';
  const paragraphs: Paragraph[] = text.blocks.map((block) => ({
    style: block.kind === 'bullet' ? 'bullet' : block.kind === 'heading' ? 'heading' : 'plain',
    text: block.text,
  }));
  return {
    kind: 'bullets',
    title: text.title,
    paragraphs,
    tag: text.theme ? 'Årets tema' : SEASON_TAGS[text.season],
    hidden: text.season === otherSeason,
  };
}
