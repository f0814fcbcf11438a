// The only pptxgenjs code: a DeckModel becomes a .pptx Buffer that PowerPoint opens without "repair".
import pptxgenjs from 'pptxgenjs';
import type { BarChartSlide, BulletsSlide, CellTone, ChartSpec, DeckModel, LineChartSlide, ScatterChartSlide, TableCell, TableSlide, TitleSlide } from '../render/deckModel.js';
import { neutralizeCellText } from '../render/cellText.js';
import { safeModel } from '../render/safeText.js';
import { formatSwedishNumber } from '../render/swedishNumber.js';
import { fixPptxPackage } from './pptxPostProcess.js';

// The ES build exports the class as default; the CommonJS-typed declarations put it under .default.
type PptxGenJSClass = typeof pptxgenjs.default;
const moduleExport = pptxgenjs as unknown as PptxGenJSClass & { default?: PptxGenJSClass };
const PptxGenJS: PptxGenJSClass = moduleExport.default ?? moduleExport;

type Presentation = InstanceType<PptxGenJSClass>;
type Slide = ReturnType<Presentation['addSlide']>;
type TableRowCells = Parameters<Slide['addTable']>[0];
type TableCellProps = NonNullable<Exclude<TableRowCells[number][number], string>['options']>;
type TextRuns = Exclude<Parameters<Slide['addText']>[0], string>;

const FONT = 'Calibri';
const LANG = 'sv-SE';
const COLOR = {
  titleBar: '1F3864',
  titleText: 'FFFFFF',
  text: '222222',
  muted: '595959',
  accent: '2E75B6',
  headerFill: '1F3864',
  stripe: 'F2F5FA',
  emphasisFill: 'DCE6F2',
  border: 'BFC9D9',
  highlightFill: 'FCE4D6',
  highlightText: '843C0C',
  tagFill: 'E2EFDA',
  tagText: '375623',
} as const;
const TONE_FILL: Record<CellTone, string> = { good: 'E2EFDA', warning: 'FFF2CC', bad: 'F8CBAD' };
/** Series colours: blue, orange, grey, gold, green, …; the writer cycles when there are more series. */
const SERIES_COLORS = ['2E75B6', 'ED7D31', '7F7F7F', 'BF9000', '548235', '7030A0', 'C00000', '00B0F0', '833C0B', '1F3864'];

// LAYOUT_WIDE: 13.333 × 7.5 in (16:9).
const SLIDE_W = 13.333;
const MARGIN_X = 0.5;
const CONTENT_W = SLIDE_W - 2 * MARGIN_X;
const TITLE_BAR_H = 1.0;
const CONTENT_TOP = 1.3;
const FOOTER_Y = 7.0;
const CONTENT_BOTTOM = 6.85;
const COMPACT_TABLE_W = 7.5;

export async function renderPptx(model: DeckModel): Promise<Buffer> {
  // Every text of the deck is cleaned here, at the write edge: no control character reaches the XML (SPEC §7).
  const deck = safeModel(model);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  // Document properties carry no person (SPEC §7): the tool is the author, no company, a generic title.
  pptx.author = 'rehab';
  pptx.company = '';
  pptx.subject = '';
  pptx.title = deck.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  deck.slides.forEach((model, index) => {
    const slide = pptx.addSlide();
    if (model.hidden) slide.hidden = true;
    if (model.kind === 'title') {
      addTitleSlide(slide, model);
      return;
    }
    addTitleBar(slide, model.title, model.kind === 'bullets' && model.tag ? TAG_W + 0.2 : 0);
    addFooter(slide, deck.footer, index + 1);
    switch (model.kind) {
      case 'bullets':
        addBullets(slide, model);
        break;
      case 'table':
        addTableSlide(slide, model);
        break;
      case 'barChart':
        if (hasChartData(model.chart)) addBarChart(pptx, slide, model);
        else addNoChartData(slide, model.note);
        break;
      case 'lineChart':
        if (hasChartData(model.chart)) addLineChart(pptx, slide, model);
        else addNoChartData(slide, model.note);
        break;
      case 'scatterChart':
        if (model.x.length > 0 && model.series.length > 0) addScatterChart(pptx, slide, model);
        else addNoChartData(slide, model.note);
        break;
      default:
        assertNever(model);
    }
  });

  // Stored, not deflated: the post-processing below re-zips the package once anyway.
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  return fixPptxPackage(written);
}

function assertNever(value: never): never {
  throw new Error(`unknown slide kind: ${JSON.stringify(value)}`);
}

function addTitleSlide(slide: Slide, model: TitleSlide): void {
  // Text box margins are [left, right, bottom, top] in points (pptxgenjs 4.0.1 order).
  // Text boxes with a fill instead of empty shapes: pptxgenjs writes a shape without text lacking <p:txBody> (a repair trigger).
  slide.addText(model.title, {
    x: 0, y: 1.6, w: SLIDE_W, h: 1.6, fill: { color: COLOR.titleBar }, color: COLOR.titleText,
    fontFace: FONT, fontSize: 36, bold: true, align: 'left', valign: 'middle', margin: [0.6 * 72, 0, 0, 0], lang: LANG,
  });
  slide.addText(model.subtitle, {
    x: MARGIN_X + 0.1, y: 3.45, w: CONTENT_W, h: 0.7, color: COLOR.accent, fontFace: FONT, fontSize: 26, bold: true, lang: LANG,
  });
  if (model.details.length > 0) {
    slide.addText(
      model.details.map((line) => ({ text: line, options: { breakLine: true } })),
      { x: MARGIN_X + 0.1, y: 4.3, w: CONTENT_W, h: 2.4, color: COLOR.text, fontFace: FONT, fontSize: 18, valign: 'top', paraSpaceAfter: 6, lang: LANG },
    );
  }
}

/** rightInset keeps the title clear of a tag in the bar's right corner. */
function addTitleBar(slide: Slide, title: string, rightInset = 0): void {
  slide.addText(title, {
    x: 0, y: 0, w: SLIDE_W, h: TITLE_BAR_H, fill: { color: COLOR.titleBar }, color: COLOR.titleText,
    fontFace: FONT, fontSize: 28, bold: true, valign: 'middle', margin: [MARGIN_X * 72, (MARGIN_X + rightInset) * 72, 0, 0], fit: 'shrink', lang: LANG,
  });
}

function addFooter(slide: Slide, footer: string, slideNumber: number): void {
  slide.addText(footer, { x: MARGIN_X, y: FOOTER_Y, w: CONTENT_W - 1.2, h: 0.35, fontFace: FONT, fontSize: 11, color: COLOR.muted, lang: LANG });
  slide.addText(String(slideNumber), { x: SLIDE_W - MARGIN_X - 1.0, y: FOOTER_Y, w: 1.0, h: 0.35, fontFace: FONT, fontSize: 11, color: COLOR.muted, align: 'right' });
}

const TAG_W = 1.7;

function addTag(slide: Slide, tag: string): void {
  slide.addText(tag, {
    x: SLIDE_W - MARGIN_X - TAG_W, y: 0.25, w: TAG_W, h: 0.5, fill: { color: COLOR.tagFill }, color: COLOR.tagText,
    fontFace: FONT, fontSize: 14, bold: true, align: 'center', valign: 'middle', lang: LANG,
  });
}

function addBullets(slide: Slide, model: BulletsSlide): void {
  if (model.tag) addTag(slide, model.tag);
  const runs: TextRuns = model.paragraphs.map((paragraph, index) => {
    const spaceBefore = paragraph.style === 'heading' && index > 0 ? 18 : 4;
    if (paragraph.style === 'heading') {
      return { text: paragraph.text, options: { bold: true, color: COLOR.titleBar, fontSize: 20, breakLine: true, paraSpaceBefore: spaceBefore, paraSpaceAfter: 4 } };
    }
    if (paragraph.style === 'bullet') {
      return { text: paragraph.text, options: { bullet: { indent: 20 }, fontSize: 18, breakLine: true, paraSpaceBefore: spaceBefore, paraSpaceAfter: 4 } };
    }
    return { text: paragraph.text, options: { fontSize: 18, breakLine: true, paraSpaceBefore: spaceBefore, paraSpaceAfter: 8 } };
  });
  slide.addText(runs, {
    x: MARGIN_X, y: CONTENT_TOP, w: CONTENT_W, h: CONTENT_BOTTOM - CONTENT_TOP, valign: 'top', fontFace: FONT, color: COLOR.text, fit: 'shrink', lang: LANG,
  });
}

function cellText(cell: TableCell): string {
  return cell.kind === 'text' ? cell.text : formatSwedishNumber(cell.value, cell.decimals, cell.signed ?? false);
}

function addTableSlide(slide: Slide, model: TableSlide): void {
  let top = CONTENT_TOP;
  if (model.highlight) {
    slide.addText(model.highlight, {
      x: MARGIN_X, y: top, w: CONTENT_W, h: 0.55, fill: { color: COLOR.highlightFill }, color: COLOR.highlightText,
      fontFace: FONT, fontSize: 18, bold: true, valign: 'middle', margin: [10, 0, 0, 0], lang: LANG,
    });
    top += 0.75;
  }
  const fontSize = Math.max(12, model.fontSize ?? 14);
  const tableWidth = model.compact ? COMPACT_TABLE_W : CONTENT_W;
  const totalWidth = model.columns.reduce((sum, column) => sum + column.width, 0);
  const colW = model.columns.map((column) => (column.width / totalWidth) * tableWidth);
  const border = { type: 'solid' as const, pt: 0.75, color: COLOR.border };
  const header = model.columns.map((column) => ({
    text: column.header,
    options: { bold: true, color: 'FFFFFF', fill: { color: COLOR.headerFill }, align: column.align, valign: 'middle' as const, fontSize } satisfies TableCellProps,
  }));
  const body = model.rows.map((row, rowIndex) =>
    row.cells.map((cell, columnIndex) => {
      const column = model.columns[columnIndex];
      const tone = cell.tone;
      const fill = tone ? TONE_FILL[tone] : row.emphasis ? COLOR.emphasisFill : rowIndex % 2 === 1 ? COLOR.stripe : 'FFFFFF';
      return {
        text: cellText(cell),
        options: { bold: Boolean(row.emphasis || cell.bold), fill: { color: fill }, align: column?.align ?? 'left', valign: 'middle' as const, fontSize } satisfies TableCellProps,
      };
    }),
  );
  slide.addTable([header, ...body], {
    x: MARGIN_X, y: top, w: tableWidth, colW, fontFace: FONT, fontSize, color: COLOR.text, border,
    // Margins in points, all four given: pptxgenjs writes NaN attributes for partial margins (a repair trigger).
    margin: [3, 5, 3, 5], valign: 'middle', lang: LANG,
  });
  if (model.note) {
    slide.addText(model.note, { x: MARGIN_X, y: CONTENT_BOTTOM - 0.5, w: CONTENT_W, h: 0.5, fontFace: FONT, fontSize: 12, italic: true, color: COLOR.muted, valign: 'bottom', lang: LANG });
  }
}

/** Chart values with the precision the tables show, so chart and table agree. */
function chartValues(values: (number | null)[]): number[] {
  // pptxgenjs writes an empty point for null; the post-processing drops it so the chart shows a gap.
  return values.map((value) => (value === null || !Number.isFinite(value) ? (null as unknown as number) : Math.round(value * 10) / 10));
}

function reversed<T>(items: T[], reverse: boolean): T[] {
  return reverse ? [...items].reverse() : items;
}

/** reverse: categories and series run bottom-up in horizontal bar charts; reversing keeps the reading order top-down. */
function chartData(chart: ChartSpec, reverse: boolean): { name: string; labels: string[]; values: number[] }[] {
  // Names and labels are also the cells of the chart's embedded workbook ("Redigera data"): neutralised like any cell (SPEC §7).
  const labels = chart.categories.map(neutralizeCellText);
  const series = chart.series.map((item) => ({ name: neutralizeCellText(item.name), labels: reversed(labels, reverse), values: reversed(chartValues(item.values), reverse) }));
  return reversed(series, reverse);
}

function chartColors(chart: ChartSpec, reverse = false): string[] {
  return reversed(chart.colors ?? chart.series.map((_, index) => SERIES_COLORS[index % SERIES_COLORS.length] ?? '7F7F7F'), reverse);
}

// pptxgenjs throws on a chart without series; that happens when every group on it is too small to be shown.
function hasChartData(chart: { categories: string[]; series: unknown[] }): boolean {
  return chart.series.length > 0 && chart.categories.length > 0;
}

function addNoChartData(slide: Slide, note: string | undefined): void {
  const bottom = chartNote(slide, note);
  slide.addText('Inga siffror att visa: grupperna är för små för att redovisas.', {
    x: MARGIN_X, y: CONTENT_TOP, w: CONTENT_W, h: Math.min(1.0, bottom - CONTENT_TOP), fontFace: FONT, fontSize: 16, color: COLOR.muted, lang: LANG,
  });
}

function chartNote(slide: Slide, note: string | undefined): number {
  if (!note) return CONTENT_BOTTOM;
  slide.addText(note, { x: MARGIN_X, y: CONTENT_BOTTOM - 0.5, w: CONTENT_W, h: 0.5, fontFace: FONT, fontSize: 12, italic: true, color: COLOR.muted, valign: 'bottom', lang: LANG });
  return CONTENT_BOTTOM - 0.55;
}

const AXIS_STYLE = {
  fontFace: FONT,
  catAxisLabelFontFace: FONT,
  valAxisLabelFontFace: FONT,
  catAxisLabelFontSize: 12,
  valAxisLabelFontSize: 12,
  catAxisLabelColor: COLOR.text,
  valAxisLabelColor: COLOR.text,
  showCatAxisTitle: true,
  showValAxisTitle: true,
  catAxisTitleFontFace: FONT,
  valAxisTitleFontFace: FONT,
  dataLabelFontFace: FONT,
  catAxisTitleFontSize: 13,
  valAxisTitleFontSize: 13,
  catAxisTitleColor: COLOR.muted,
  valAxisTitleColor: COLOR.muted,
  valAxisLabelFormatCode: '0.0',
  valAxisMinVal: 0,
  valGridLine: { color: 'D9D9D9', style: 'solid' as const, size: 0.5 },
  showLegend: true,
  legendPos: 'b' as const,
  legendFontSize: 13,
  legendFontFace: FONT,
  lang: LANG,
};

function addBarChart(pptx: Presentation, slide: Slide, model: BarChartSlide): void {
  const bottom = chartNote(slide, model.note);
  // Horizontal bars run bottom-up in PowerPoint; reverse so the first category is on top, as in the table.
  const data = chartData(model.chart, model.horizontal);
  const few = model.chart.categories.length * model.chart.series.length <= 24;
  slide.addChart(pptx.ChartType.bar, data, {
    x: MARGIN_X, y: CONTENT_TOP, w: CONTENT_W, h: bottom - CONTENT_TOP,
    ...AXIS_STYLE,
    barDir: model.horizontal ? 'bar' : 'col',
    barGrouping: 'clustered',
    barGapWidthPct: 60,
    chartColors: chartColors(model.chart, model.horizontal),
    catAxisTitle: model.chart.categoryAxisTitle,
    valAxisTitle: model.chart.valueAxisTitle,
    showValue: few,
    dataLabelFormatCode: '0.0',
    dataLabelFontSize: 12,
    dataLabelPosition: 'outEnd',
    dataLabelColor: COLOR.text,
  });
}

function addLineChart(pptx: Presentation, slide: Slide, model: LineChartSlide): void {
  const bottom = chartNote(slide, model.note);
  slide.addChart(pptx.ChartType.line, chartData(model.chart, false), {
    x: MARGIN_X, y: CONTENT_TOP, w: CONTENT_W, h: bottom - CONTENT_TOP,
    ...AXIS_STYLE,
    chartColors: chartColors(model.chart),
    catAxisTitle: model.chart.categoryAxisTitle,
    valAxisTitle: model.chart.valueAxisTitle,
    lineSize: 2.5,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 7,
    displayBlanksAs: 'gap',
  });
}

/** The funnel plot: pptxgenjs styles every series alike; fixChartXml makes series 1 points only and the rest lines only. */
function addScatterChart(pptx: Presentation, slide: Slide, model: ScatterChartSlide): void {
  const bottom = chartNote(slide, model.note);
  // Series names are cells of the embedded workbook too (SPEC §7).
  const data = [
    { name: neutralizeCellText(model.xAxisTitle), values: model.x.map((value) => Math.round(value * 10) / 10) },
    ...model.series.map((item) => ({ name: neutralizeCellText(item.name), values: chartValues(item.values) })),
  ];
  slide.addChart(pptx.ChartType.scatter, data, {
    x: MARGIN_X, y: CONTENT_TOP, w: CONTENT_W, h: bottom - CONTENT_TOP,
    ...AXIS_STYLE,
    chartColors: model.colors,
    catAxisTitle: model.xAxisTitle,
    valAxisTitle: model.yAxisTitle,
    catLabelFormatCode: '0',
    ...(model.yMax !== undefined ? { valAxisMaxVal: model.yMax } : {}),
    lineSize: 2,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 8,
    displayBlanksAs: 'gap',
  });
}
