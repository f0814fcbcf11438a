// The workbook beside the analysis deck: every table behind its slides and charts, with the same hidden cells.
import type { AnalysisTable } from './analysisTables.js';
import { findingSentences, rangeText } from './analysisTables.js';
import type { AnalysisDeckInput } from './analysisDeck.js';
import { ANALYSIS_DECK_TITLE } from './analysisDeck.js';
import type { CellModel, RowModel, SheetModel, WorkbookModel } from './workbookModel.js';

const HEADER_ROW = 3;

function cellOf(value: string | number | null, kind: AnalysisTable['columns'][number]['kind'], flagged: boolean): CellModel {
  if (value === null) return { kind: 'text', text: '–' };
  if (typeof value === 'string') return flagged ? { kind: 'text', text: value, status: 'gap' } : { kind: 'text', text: value };
  if (kind === 'count') return { kind: 'number', value, format: 'integer' };
  return { kind: 'number', value, format: kind === 'pp' ? 'signedDecimal1' : 'decimal1' };
}

export function tableSheet(table: AnalysisTable): SheetModel {
  const textColumns = table.columns.map((column) => column.kind === 'text');
  const body: RowModel[] = table.rows.map((row) => ({
    style: row.emphasis ? 'total' : 'body',
    cells: row.cells.map((cell, index) => cellOf(cell, table.columns[index]?.kind ?? 'text', index === 0 && row.flagged === true)),
  }));
  const lastRow = HEADER_ROW + body.length;
  return {
    name: table.sheet,
    state: 'visible',
    columns: table.columns.map((column, index) => ({
      width: textColumns[index] ? Math.min(70, Math.max(14, Math.round(column.width * 9))) : Math.max(10, Math.round(column.width * 11)),
      wrap: true,
    })),
    rows: [
      { style: 'title', cells: [{ kind: 'text', text: table.title }] },
      { style: 'note', cells: [{ kind: 'text', text: table.note }] },
      { style: 'header', cells: table.columns.map((column) => ({ kind: 'text', text: column.header })) },
      ...body,
    ],
    frozen: { rows: HEADER_ROW, columns: 1 },
    autoFilter: { fromRow: HEADER_ROW, fromColumn: 1, toRow: lastRow, toColumn: table.columns.length },
    printTitleRows: { from: HEADER_ROW, to: HEADER_ROW },
  };
}

function summarySheet(input: AnalysisDeckInput): SheetModel {
  const text = (value: string): CellModel => ({ kind: 'text', text: value });
  const { analysis } = input;
  return {
    name: 'Sammanfattning',
    state: 'visible',
    columns: [{ width: 26, wrap: true }, { width: 100, wrap: true }],
    rows: [
      { style: 'title', cells: [text(`${ANALYSIS_DECK_TITLE} – ${input.periodText}`)] },
      { style: 'plain', cells: [text('Förvaltning'), text(input.administrationName)] },
      { style: 'plain', cells: [text('Sjukfrånvaro'), text(rangeText(analysis.window))] },
      { style: 'plain', cells: [text('Föregående period'), text(rangeText(analysis.previousWindow))] },
      { style: 'plain', cells: [text('Ett år tidigare'), text(rangeText(analysis.yearEarlierWindow))] },
      { style: 'plain', cells: [text('Ärenden per'), { kind: 'date', date: input.asOf }] },
      { style: 'plain', cells: [text('Arbetsböcker från HR'), text(`${input.workbooksRead} av ${analysis.managerSupport.length}`)] },
      { style: 'plain', cells: [] },
      { style: 'heading', cells: [text('Det viktigaste')] },
      ...findingSentences(analysis, input.deviationPp, input.hidden).map((sentence, index): RowModel => ({ style: 'body', cells: [text(`${index + 1}.`), text(sentence)] })),
      { style: 'plain', cells: [] },
      { style: 'note', cells: [text(`Grupper med färre än ${input.minGroupSize} personer visas inte ("–"), inte heller siffror som gör det möjligt att räkna ut dem. Inga namn.`)] },
    ],
  };
}

export function buildAnalysisWorkbook(input: AnalysisDeckInput): WorkbookModel {
  const { tables } = input;
  return {
    title: `${ANALYSIS_DECK_TITLE} ${input.period}`,
    created: input.asOf,
    sheets: [
      summarySheet(input),
      tableSheet(tables.support),
      tableSheet(tables.deviating),
      tableSheet(tables.funnel),
      tableSheet(tables.changes),
      tableSheet(tables.trend),
      tableSheet(tables.patterns),
      tableSheet(tables.statutory),
      tableSheet(tables.goal),
      tableSheet(tables.reflections),
    ],
  };
}
