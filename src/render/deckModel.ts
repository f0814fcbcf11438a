// Slide model shared by the decks: what a slide says, in plain data; src/write/pptxWriter.ts decides how it looks.

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

export type SlideModel = TitleSlide | BulletsSlide | TableSlide | BarChartSlide | LineChartSlide;

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
