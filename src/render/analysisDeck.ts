// "Analys av rehabiliteringsarbetet i förvaltningen" (seed 000, "Efterarbete"): the process leader's deck for
// förvaltningsledningen in May and November. Shared material: no person, the hidden cells of analysisTables.
import { ADMINISTRATION_VISIBILITY_KEY } from '../core/suppression.js';
import { findingSentences, funnelPoints, rangeText, type AnalysisTable, type AnalysisTables, type AnalysisTablesInput } from './analysisTables.js';
import { periodInWords } from './labels.js';
import {
  ADMINISTRATION_COLOR,
  ADMINISTRATION_LABEL,
  PERCENT_AXIS,
  SHORT_COLOR,
  monthLabel,
  monthlyTotals,
  numberCell,
  paginateTable,
  preferHorizontal,
  textCell,
  type DeckModel,
  type SlideModel,
  type TableCell,
  type TableSlide,
} from './deckModel.js';

export const ANALYSIS_DECK_TITLE = 'Analys av rehabiliteringsarbetet i förvaltningen';
const TREND_GROUP = 5;
const DEVIATING_ROWS_IN_DECK = 14;
const ROWS_PER_SLIDE = 10;
/** Lines of 12-point text a table slide holds, and the characters of one line in the text column of the reflections. */
const REFLECTION_LINES_PER_SLIDE = 16;
const REFLECTION_LINE_CHARACTERS = 105;
const TREND_COLORS = ['2E75B6', 'ED7D31', '548235', 'BF9000', '7030A0'];

export interface AnalysisDeckInput extends AnalysisTablesInput {
  /** '2027-vår'. */
  period: string;
  /** 'våren 2027'. */
  periodText: string;
  asOf: string;
  tables: AnalysisTables;
  workbooksRead: number;
}

function cellOf(value: string | number | null, kind: AnalysisTable['columns'][number]['kind'], flagged: boolean): TableCell {
  const tone = flagged ? ('bad' as const) : undefined;
  if (kind === 'text') return textCell(value === null ? '' : String(value), tone ? { tone } : {});
  const number = typeof value === 'number' ? value : null;
  if (kind === 'count') return numberCell(number, { decimals: 0 });
  return numberCell(number, { signed: kind === 'pp' });
}

/** An analysis table as table slides (continued on further slides when long). */
export function tableSlides(
  table: AnalysisTable,
  options: { title?: string; rowsPerSlide?: number; fontSize?: number; highlight?: string; compact?: boolean } = {},
): TableSlide[] {
  const slide: TableSlide = {
    kind: 'table',
    title: options.title ?? table.title,
    columns: table.columns.map((column) => ({ header: column.header, width: column.width, align: column.kind === 'text' ? 'left' : 'right' })),
    rows: table.rows.map((row) => ({
      emphasis: row.emphasis,
      cells: row.cells.map((cell, index) => cellOf(cell, table.columns[index]?.kind ?? 'text', index === 0 && row.flagged === true)),
    })),
    note: table.note,
    fontSize: options.fontSize ?? 12,
    ...(options.highlight ? { highlight: options.highlight } : {}),
    ...(options.compact ? { compact: true } : {}),
  };
  return paginateTable(slide, options.rowsPerSlide ?? ROWS_PER_SLIDE);
}

/** The reflections run over as many slides as their text needs: long texts take more lines, short ones fill a slide. */
function reflectionSlides(table: AnalysisTable): SlideModel[] {
  const title = 'HR-specialisternas reflektioner, risker och behov';
  const pages: AnalysisTable[] = [];
  let current: AnalysisTable['rows'] = [];
  let lines = 0;
  for (const row of table.rows) {
    const rowLines = Math.max(1, Math.ceil(String(row.cells[2] ?? '').length / REFLECTION_LINE_CHARACTERS));
    if (current.length > 0 && lines + rowLines > REFLECTION_LINES_PER_SLIDE) {
      pages.push({ ...table, rows: current });
      current = [];
      lines = 0;
    }
    current.push(row);
    lines += rowLines;
  }
  pages.push({ ...table, rows: current });
  return pages.flatMap((page, index) =>
    tableSlides({ ...page, note: index === pages.length - 1 ? table.note : '' }, { title: index === 0 ? title : `${title} (forts.)`, rowsPerSlide: page.rows.length }),
  );
}

/** The most deviating units on at most two slides; the workbook has them all. */
function deviatingSlides(table: AnalysisTable): SlideModel[] {
  const rest = table.rows.length - DEVIATING_ROWS_IN_DECK;
  const shown: AnalysisTable =
    rest > 0
      ? { ...table, rows: table.rows.slice(0, DEVIATING_ROWS_IN_DECK), note: `${table.note} Här visas de ${DEVIATING_ROWS_IN_DECK} som avviker mest; ytterligare ${rest} finns i arbetsboken.` }
      : table;
  return tableSlides(shown, { title: '2. Enheter som avviker och möjliga orsaker', rowsPerSlide: DEVIATING_ROWS_IN_DECK / 2 });
}

function titleSlide(input: AnalysisDeckInput): SlideModel {
  const { analysis } = input;
  return {
    kind: 'title',
    title: ANALYSIS_DECK_TITLE,
    subtitle: `Rehabiliteringsuppföljningarna ${input.periodText}`,
    details: [
      input.administrationName,
      `Sjukfrånvaro: ${rangeText(analysis.window)}`,
      `Ärenden per ${input.asOf}`,
      `Underlag från HR: ${input.workbooksRead} av ${analysis.managerSupport.length} arbetsböcker`,
    ],
  };
}

function summarySlide(input: AnalysisDeckInput): SlideModel {
  const sentences = findingSentences(input.analysis, input.deviationPp, input.hidden);
  return {
    kind: 'bullets',
    title: 'Sammanfattning för förvaltningsledningen',
    paragraphs: [
      ...sentences.map((text) => ({ style: 'bullet' as const, text })),
      { style: 'heading', text: 'Analysens fyra delar' },
      { style: 'plain', text: 'Behov av stöd till chefer · Enheter som avviker och möjliga orsaker · Förändringar i sjukfrånvaro · Övriga mönster och utvecklingsområden' },
    ],
  };
}

function supportSlides(input: AnalysisDeckInput): SlideModel[] {
  const managers = input.analysis.managerSupport.filter((manager) => manager.referToOperationManager).length;
  const highlight = managers > 0 ? `${managers} ${managers === 1 ? 'chef bör' : 'chefer bör'} erbjudas fördjupat stöd och hänvisas till sin verksamhetschef` : undefined;
  return tableSlides(input.tables.support, { title: '1. Behov av stöd till chefer', ...(highlight ? { highlight } : {}) });
}

function funnelSlide(input: AnalysisDeckInput): SlideModel {
  const points = funnelPoints(input);
  const administration = input.analysis.changes.find((change) => change.level === 'administration')?.now.totalPct ?? null;
  const administrationShown = !input.hidden.isHidden(ADMINISTRATION_VISIBILITY_KEY, 'window');
  const hasLimits = points.some((point) => point.limits !== null);
  const limit = (pick: (limits: NonNullable<(typeof points)[number]['limits']>) => number) => points.map((point) => (point.limits ? pick(point.limits) : null));
  return {
    kind: 'scatterChart',
    title: '2. Enheter som avviker: sjukfrånvaro efter enhetens storlek',
    x: points.map((point) => point.fte),
    series: [
      { name: 'Enhet', values: points.map((point) => point.totalPct) },
      ...(administrationShown ? [{ name: ADMINISTRATION_LABEL, values: points.map(() => administration) }] : []),
      ...(hasLimits
        ? [
            { name: '95 %-gräns, övre', values: limit((limits) => limits.upper95Pct) },
            { name: '95 %-gräns, nedre', values: limit((limits) => limits.lower95Pct) },
            { name: '99,8 %-gräns, övre', values: limit((limits) => limits.upper998Pct) },
            { name: '99,8 %-gräns, nedre', values: limit((limits) => limits.lower998Pct) },
          ]
        : []),
    ],
    colors: ['1F3864', ...(administrationShown ? [ADMINISTRATION_COLOR] : []), ...(hasLimits ? ['ED7D31', 'ED7D31', 'C00000', 'C00000'] : [])],
    xAxisTitle: 'Enhetens storlek (årsarbetare i perioden)',
    // The units decide the scale: twice the highest rate, in steps of 5 (the smallest units' limits leave the plot).
    yMax: Math.max(5, Math.ceil((Math.max(0, ...points.map((point) => point.totalPct), administration ?? 0) * 2) / 5) * 5),
    yAxisTitle: PERCENT_AXIS,
    note: hasLimits
      ? 'Varje punkt är en enhet. Ju mindre enheten är, desto mer kan sjukfrånvaron variera av en slump: en enhet ovanför den röda linjen (99,8 %) ' +
        'avviker mer än slumpen förklarar, ovanför den orange (95 %) är den värd att bevaka. Små grupper visas inte.'
      : 'Varje punkt är en enhet, jämförd med förvaltningens nivå. Små grupper visas inte.',
  };
}

function changeChartSlide(input: AnalysisDeckInput): SlideModel {
  const table = input.tables.changes;
  const rows = table.rows.filter((row) => typeof row.cells[3] === 'number');
  const categories = rows.map((row) => String(row.cells[0]));
  const value = (index: number) => rows.map((row) => (typeof row.cells[index] === 'number' ? (row.cells[index] as number) : null));
  return {
    kind: 'barChart',
    title: '3. Förändringar i sjukfrånvaro per verksamhet',
    horizontal: preferHorizontal(categories),
    chart: {
      categories,
      series: [
        { name: `Nu (${rangeText(input.analysis.window)})`, values: value(3) },
        { name: 'Föregående period', values: value(6) },
        { name: 'Samma period ett år tidigare', values: value(9) },
      ],
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Verksamhet',
      colors: [SHORT_COLOR, 'A5A5A5', 'BF9000'],
    },
    note: 'Total sjukfrånvaro (kort- och långtid). Verksamheter som är för små för att redovisas visas inte.',
  };
}

function trendSlides(input: AnalysisDeckInput): SlideModel[] {
  const { analysis, hidden } = input;
  const months = analysis.trend.months;
  const operations = Object.keys(analysis.trend.operations)
    .filter((operation) => !hidden.isHidden(`verksamhet:${operation}`, 'window'))
    .sort((a, b) => a.localeCompare(b, 'sv'));
  const administrationShown = !hidden.isHidden(ADMINISTRATION_VISIBILITY_KEY, 'window');
  // A month whose population is too small is a gap in the line, as in the table.
  const shownMonths = (group: string, values: (number | null)[]) => values.map((value, index) => (hidden.isHidden(group, months[index]!) ? null : value));
  const groups: string[][] = [];
  for (let start = 0; start < operations.length; start += TREND_GROUP) groups.push(operations.slice(start, start + TREND_GROUP));
  if (groups.length === 0) groups.push([]);
  return groups.map((group, index) => ({
    kind: 'lineChart',
    title: `3. Sjukfrånvaro månad för månad, senaste 12 månaderna${groups.length > 1 ? ` (${index + 1} av ${groups.length})` : ''}`,
    chart: {
      categories: months.map(monthLabel),
      series: [
        ...group.map((operation) => ({ name: operation, values: shownMonths(`verksamhet:${operation}`, monthlyTotals(months, analysis.trend.operations[operation])) })),
        ...(administrationShown ? [{ name: ADMINISTRATION_LABEL, values: shownMonths(ADMINISTRATION_VISIBILITY_KEY, monthlyTotals(months, analysis.trend.administration)) }] : []),
      ],
      valueAxisTitle: PERCENT_AXIS,
      categoryAxisTitle: 'Månad',
      colors: [...TREND_COLORS.slice(0, group.length), ...(administrationShown ? [ADMINISTRATION_COLOR] : [])],
    },
    note: 'Total sjukfrånvaro (kort- och långtid) per månad.',
  }));
}

function goalChartSlide(input: AnalysisDeckInput): SlideModel {
  const table = input.tables.goal;
  const rows = table.rows.filter((row) => typeof row.cells[1] === 'number');
  const categories = rows.map((row) => String(row.cells[0]));
  const value = (index: number) => rows.map((row) => (typeof row.cells[index] === 'number' ? (row.cells[index] as number) : null));
  const previous = input.analysis.previousRound;
  return {
    kind: 'barChart',
    title: 'Rutinens mål: andel ärenden med aktiv och aktuell planering',
    horizontal: preferHorizontal(categories),
    chart: {
      categories,
      series: [{ name: `Nu (${input.period})`, values: value(3) }, ...(previous ? [{ name: `Föregående (${previous.period})`, values: value(5) }] : [])],
      valueAxisTitle: 'Andel ärenden utan brister, %',
      categoryAxisTitle: 'Verksamhet',
      colors: previous ? ['548235', 'A5A5A5'] : ['548235'],
    },
    note: `Målet är att samtliga rehabiliteringsärenden har en aktiv och aktuell planering (100 %). ${previous ? '' : 'Ingen tidigare omgång angiven.'}`.trim(),
  };
}

function aboutSlide(input: AnalysisDeckInput): SlideModel {
  const { analysis } = input;
  const missing = analysis.managersWithoutWorkbook.length;
  return {
    kind: 'bullets',
    title: 'Om underlaget',
    paragraphs: [
      { style: 'bullet', text: `Sjukfrånvaro ur Adato för ${rangeText(analysis.window)}, jämfört med ${rangeText(analysis.previousWindow)} och ${rangeText(analysis.yearEarlierWindow)}.` },
      { style: 'bullet', text: `Rehabärendenas checklista per ${input.asOf}: giltigt läkarintyg, genomfört hälsosamtal, plan för återgång i arbete, löpande dokumentation och aktivitet.` },
      { style: 'bullet', text: `HR:s arbetsböcker från uppföljningarna: ${input.workbooksRead} inlästa${missing > 0 ? `, ${missing} saknas` : ''}.` },
      { style: 'bullet', text: `Grupper med färre än ${input.minGroupSize} personer visas inte, och inte heller siffror som skulle göra det möjligt att räkna ut dem.` },
      { style: 'bullet', text: 'Bildspelet visar inga namn. Tabellerna bakom diagrammen finns i arbetsboken med samma namn.' },
    ],
  };
}

export function buildAnalysisDeck(input: AnalysisDeckInput): DeckModel {
  const { tables } = input;
  const slides: SlideModel[] = [
    titleSlide(input),
    summarySlide(input),
    ...supportSlides(input),
    ...deviatingSlides(tables.deviating),
    funnelSlide(input),
    changeChartSlide(input),
    ...tableSlides(tables.changes, { title: '3. Förändringar i sjukfrånvaro i siffror', rowsPerSlide: 13 }),
    ...trendSlides(input),
    ...tableSlides(tables.patterns, { title: '4. Övriga mönster och utvecklingsområden', rowsPerSlide: 12, compact: true }),
    ...tableSlides(tables.statutory, { title: '4. Sjukfrånvaro efter kön och ålder', compact: true, fontSize: 16 }),
    goalChartSlide(input),
    ...tableSlides(tables.goal, { title: 'Rutinens mål i siffror' }),
    ...reflectionSlides(tables.reflections),
    aboutSlide(input),
  ];
  return { title: `${ANALYSIS_DECK_TITLE} ${input.period}`, footer: `${ANALYSIS_DECK_TITLE} · ${periodInWords(input.period)}`, slides };
}
