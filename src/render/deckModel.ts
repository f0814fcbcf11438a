// Slide model shared by the decks: what a slide says, in plain data; src/write/pptxWriter.ts decides how it looks.
// Below the model: the figure rows, series and month labels both decks build from core results.
import type { IsoDate } from '../core/calendarDate.js';
import type { AbsenceRates, MonthlyRate } from '../core/absenceFigures.js';
import { MONTH_NAMES } from './labels.js';

export type CellTone = 'good' | 'warning' | 'bad';

/** A table cell: text as is, or a number the writer formats the Swedish way (decimal comma, "–" for null). */
export type TableCell =
  | { kind: 'text'; text: string; tone?: CellTone; bold?: boolean }
  | { kind: 'number'; value: number | null; decimals: number; signed?: boolean; tone?: CellTone; bold?: boolean };

export type ColumnAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width; the writer scales the columns to the slide. */
  width: number;
  align: ColumnAlign;
}

export interface TableRow {
  cells: TableCell[];
  /** A total row (verksamheten, förvaltningen): bold on a tinted background. */
  emphasis?: boolean;
}

export interface Paragraph {
  style: 'heading' | 'bullet' | 'plain';
  text: string;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartSpec {
  categories: string[];
  series: ChartSeries[];
  valueAxisTitle: string;
  categoryAxisTitle: string;
  /** Hex colours (RRGGBB), one per series. */
  colors?: string[];
}

interface SlideBase {
  title: string;
  /** In the deck but not shown in a slide show (PowerPoint: "Dölj bild"). */
  hidden?: boolean;
}

export interface TitleSlide extends SlideBase {
  kind: 'title';
  subtitle: string;
  details: string[];
}

export interface BulletsSlide extends SlideBase {
  kind: 'bullets';
  paragraphs: Paragraph[];
  /** A small label in the corner, e.g. "Vår" for a season slide. */
  tag?: string;
}

export interface TableSlide extends SlideBase {
  kind: 'table';
  columns: TableColumn[];
  rows: TableRow[];
  /** Text under the table (explanations, what is left out). */
  note?: string;
  /** A highlighted message above the table, e.g. "Fördjupat stöd bör erbjudas". */
  highlight?: string;
  /** Points; the writer's default is 14, and never less than 12. */
  fontSize?: number;
  /** A narrow table (two or three columns) that would look lost across the whole slide. */
  compact?: boolean;
}

export interface BarChartSlide extends SlideBase {
  kind: 'barChart';
  chart: ChartSpec;
  /** Horizontal bars read better with many or long category names. */
  horizontal: boolean;
  note?: string;
}

export interface LineChartSlide extends SlideBase {
  kind: 'lineChart';
  chart: ChartSpec;
  note?: string;
}

/** A scatter chart (the funnel plot): series[0] is drawn as points only, the others as lines without points. */
export interface ScatterChartSlide extends SlideBase {
  kind: 'scatterChart';
  /** x values shared by every series, ascending. */
  x: number[];
  series: ChartSeries[];
  /** Hex colours (RRGGBB), one per series. */
  colors: string[];
  xAxisTitle: string;
  yAxisTitle: string;
  /** Top of the value axis; lines above it are cut at the plot's edge (the wide limits of the smallest units). */
  yMax?: number;
  note?: string;
}

export type SlideModel = TitleSlide | BulletsSlide | TableSlide | BarChartSlide | LineChartSlide | ScatterChartSlide;

export interface DeckModel {
  /** Document title (file properties): must carry no person's name. */
  title: string;
  /** Footer on every slide but the first. */
  footer: string;
  slides: SlideModel[];
}

export function textCell(text: string, options: { tone?: CellTone; bold?: boolean } = {}): TableCell {
  return { kind: 'text', text, ...options };
}

/** A percentage or percentage-point figure shown with one decimal. */
export function numberCell(value: number | null, options: { signed?: boolean; tone?: CellTone; bold?: boolean; decimals?: number } = {}): TableCell {
  const { decimals = 1, ...rest } = options;
  return { kind: 'number', value, decimals, ...rest };
}

/** Splits a table slide into slides of at most rowsPerSlide rows; later slides get "(forts.)". */
export function paginateTable(slide: TableSlide, rowsPerSlide: number): TableSlide[] {
  if (slide.rows.length <= rowsPerSlide) return [slide];
  const pages: TableSlide[] = [];
  for (let start = 0; start < slide.rows.length; start += rowsPerSlide) {
    const rows = slide.rows.slice(start, start + rowsPerSlide);
    const first = start === 0;
    const last = start + rowsPerSlide >= slide.rows.length;
    pages.push({
      ...slide,
      title: first ? slide.title : `${slide.title} (forts.)`,
      rows,
      highlight: first ? slide.highlight : undefined,
      note: last ? slide.note : undefined,
    });
  }
  return pages;
}

// --- Figures both decks show: units against the administration, and the monthly trend. ---

export const ADMINISTRATION_LABEL = 'Förvaltningen';
export const SHORT_SERIES = 'Korttid (dag 1–14)';
export const LONG_SERIES = 'Långtid (dag 15–)';
export const PERCENT_AXIS = 'Sjukfrånvaro, procent av arbetstid';
export const SHORT_COLOR = '2E75B6';
export const LONG_COLOR = 'ED7D31';
export const ADMINISTRATION_COLOR = '404040';

export const FIGURE_COLUMNS = (firstHeader: string): TableColumn[] => [
  { header: firstHeader, width: 3.6, align: 'left' },
  { header: 'Korttid %', width: 1.2, align: 'right' },
  { header: 'Långtid %', width: 1.2, align: 'right' },
  { header: 'Totalt %', width: 1.2, align: 'right' },
  { header: 'Förändring mot föregående period (procentenheter)', width: 2.2, align: 'right' },
  { header: 'Skillnad mot förvaltningen (procentenheter)', width: 2.2, align: 'right' },
];

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** One row of the figures table: rates, change against the previous period, difference to the administration. */
export function figureRow(
  label: string,
  rates: Pick<AbsenceRates, 'shortPct' | 'longPct' | 'totalPct' | 'previousTotalPct'>,
  administrationTotalPct: number | null,
  options: { emphasis?: boolean; deviates?: boolean; isAdministration?: boolean } = {},
): TableRow {
  const diff = options.isAdministration ? null : difference(rates.totalPct, administrationTotalPct);
  return {
    emphasis: options.emphasis,
    cells: [
      textCell(label),
      numberCell(rates.shortPct),
      numberCell(rates.longPct),
      numberCell(rates.totalPct),
      numberCell(difference(rates.totalPct, rates.previousTotalPct), { signed: true }),
      options.isAdministration ? textCell('') : numberCell(diff, { signed: true, tone: options.deviates ? 'bad' : undefined }),
    ],
  };
}

/** Bars for short and long absence, one category per group. */
export function shortLongSeries(groups: Pick<AbsenceRates, 'shortPct' | 'longPct'>[]): ChartSeries[] {
  return [
    { name: SHORT_SERIES, values: groups.map((group) => group.shortPct) },
    { name: LONG_SERIES, values: groups.map((group) => group.longPct) },
  ];
}

/** Horizontal bars when names are long or many, so the labels stay readable. */
export function preferHorizontal(categories: string[]): boolean {
  return categories.length > 5 || categories.some((name) => name.length > 16);
}

/** 'aug 2026' for '2026-08-01'. */
export function monthLabel(month: IsoDate): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? '';
  return `${name.slice(0, 3)} ${month.slice(0, 4)}`;
}

/** Total rates in the order of the months; a month the series lacks is null (a gap in the line). */
export function monthlyTotals(months: IsoDate[], rates: MonthlyRate[] | undefined): (number | null)[] {
  const byMonth = new Map((rates ?? []).map((rate) => [rate.month, rate.totalPct]));
  return months.map((month) => byMonth.get(month) ?? null);
}

export function dateRangeText(range: { from: IsoDate; to: IsoDate }): string {
  return `${range.from} – ${range.to}`;
}

// --- Text fit: how much room a text needs at a font size (Calibri), so tables can be laid out without a date or a
// word broken across lines. Advance widths in thousandths of an em (Calibri regular); bold is about 3 % wider. ---

const CALIBRI_WIDTHS: Record<string, number> = {
  ' ': 226, '-': 306, '–': 498, ':': 268, '.': 252, ',': 250, '(': 303, ')': 303, '/': 386, '%': 715, '+': 498, '"': 401, '·': 252,
  a: 479, b: 525, c: 423, d: 525, e: 498, f: 305, g: 471, h: 525, i: 229, j: 239, k: 455, l: 229, m: 799, n: 525, o: 527,
  p: 525, q: 525, r: 349, s: 391, t: 335, u: 525, v: 452, w: 715, x: 433, y: 453, z: 395, å: 479, ä: 479, ö: 527, é: 498, ü: 525,
  A: 579, B: 544, C: 533, D: 615, E: 488, F: 459, G: 631, H: 623, I: 252, J: 319, K: 520, L: 420, M: 855, N: 646, O: 662,
  P: 517, Q: 673, R: 543, S: 459, T: 487, U: 642, V: 567, W: 890, X: 519, Y: 487, Z: 468, Å: 579, Ä: 579, Ö: 662, É: 488,
};
const DIGIT_WIDTH = 507;
const UNKNOWN_WIDTH = 600;

/** Width in points of one line of text in Calibri. */
export function textWidthPt(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) units += /[0-9]/.test(char) ? DIGIT_WIDTH : (CALIBRI_WIDTHS[char] ?? UNKNOWN_WIDTH);
  return (units / 1000) * fontSize * (bold ? 1.03 : 1);
}

/**
 * Lines a cell text takes in a column `widthPt` wide (inner width), wrapped at spaces; each '\n' starts a new line.
 * `fits` is false when a single word (a date, a long name) is wider than the column and would be broken.
 */
export function wrappedLines(text: string, widthPt: number, fontSize: number, bold = false): { lines: number; fits: boolean } {
  const space = textWidthPt(' ', fontSize, bold);
  let lines = 0;
  let fits = true;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ').filter((part) => part !== '')) {
      const width = textWidthPt(word, fontSize, bold);
      if (width > widthPt) fits = false;
      if (used === 0) used = width;
      else if (used + space + width <= widthPt) used += space + width;
      else {
        lines += 1;
        used = width;
      }
    }
  }
  return { lines, fits };
}

/**
 * Splits rows into pages in their order: as few pages as fit `budgetPt` of height (a row taller than a page alone
 * on one), and of those splits the most even in height (least sum of squared page heights), not in count: one tall
 * row used to put every other row on a slide of its own. Ties go to fuller early pages.
 */
export function balancedPages<T>(rows: readonly T[], heightOf: (row: T) => number, budgetPt: number): T[][] {
  if (rows.length === 0) return [[]];
  const heights = rows.map(heightOf);
  const prefix = [0];
  for (const height of heights) prefix.push(prefix[prefix.length - 1]! + height);
  const pageHeight = (from: number, to: number): number => prefix[to]! - prefix[from]!;
  const fits = (from: number, to: number): boolean => to - from === 1 || pageHeight(from, to) <= budgetPt;
  // The fewest pages: filling each page as far as it goes is optimal for rows kept in order.
  let pageCount = 0;
  for (let start = 0; start < rows.length; pageCount += 1) {
    let end = start + 1;
    while (end < rows.length && fits(start, end + 1)) end += 1;
    start = end;
  }
  // best[k][i]: the least sum of squared page heights when rows [0, i) fill k pages; cut[k][i]: where the last starts.
  const n = rows.length;
  const best: number[][] = Array.from({ length: pageCount + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: pageCount + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= pageCount; k += 1) {
    for (let i = k; i <= n; i += 1) {
      // The last page is rows [m, i); the latest m that is best keeps earlier pages fuller.
      for (let m = i - 1; m >= k - 1; m -= 1) {
        if (!fits(m, i)) break;
        const height = pageHeight(m, i);
        const total = best[k - 1]![m]! + height * height;
        if (total < best[k]![i]! - 1e-9) {
          best[k]![i] = total;
          cut[k]![i] = m;
        }
      }
    }
  }
  const pages: T[][] = [];
  for (let k = pageCount, i = n; k > 0; k -= 1) {
    const m = cut[k]![i]!;
    pages.unshift(rows.slice(m, i));
    i = m;
  }
  return pages;
}

/** Table pages from balancedPages: the first keeps the highlight, the last the note, later ones are "(forts.)". */
export function tablePages(slide: TableSlide, pages: TableRow[][]): TableSlide[] {
  return pages.map((rows, index) => ({
    ...slide,
    title: index === 0 ? slide.title : `${slide.title} (forts.)`,
    rows,
    highlight: index === 0 ? slide.highlight : undefined,
    note: index === pages.length - 1 ? slide.note : undefined,
  }));
}
