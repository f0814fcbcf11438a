// The one place that turns a workbook model into .xlsx bytes with exceljs (STYLE.md: only src/write touches document libraries).
import ExcelJS from 'exceljs';
import type { IsoDate } from '../core/calendarDate.js';
import { readPackage, writePackage } from './zipPackage.js';
import { neutralizeCellText } from '../render/cellText.js';
import { safeLine, safeModel, safeText } from '../render/safeText.js';
import type { CellModel, CellRange, CellStatus, NumberFormat, RowModel, RowStyle, SheetModel, WorkbookModel } from '../render/workbookModel.js';

const NUMBER_FORMATS: Record<NumberFormat, string> = {
  integer: '0',
  decimal1: '0.0',
  signedDecimal1: '+0.0;-0.0;0.0',
};
const DATE_FORMAT = 'yyyy-mm-dd';

// Excel's own "Good", "Neutral" and "Bad" cell styles, plus grey for checks that do not apply.
const STATUS_COLOURS: Record<CellStatus, { fill: string; font: string }> = {
  ok: { fill: 'FFC6EFCE', font: 'FF006100' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  gap: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  not_applicable: { fill: 'FFEDEDED', font: 'FF595959' },
};
const HEADER_FILL = 'FFDDEBF7';
const TOTAL_FILL = 'FFF2F2F2';
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
const FRAMED_STYLES: ReadonlySet<RowStyle> = new Set(['header', 'body', 'total']);
/** Inches; A4 landscape leaves 11.69 − 1.0 = 10.69 in across for the cells. */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

const MAX_CELL_TEXT = 32_767;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\']/;

// neutralizeCellText removes control characters first (safeText, SPEC §7); cutting at the limit must not split a surrogate pair.
function safeCellText(text: string): string {
  return safeText(neutralizeCellText(text).slice(0, MAX_CELL_TEXT));
}

/** exceljs stores a Date as its UTC day; a local-midnight Date would shift a day in Swedish time. */
function excelDate(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function address(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

function absoluteRange(range: CellRange): string {
  return `$${columnLetters(range.fromColumn)}$${range.fromRow}:$${columnLetters(range.toColumn)}$${range.toRow}`;
}

function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet}'`;
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name)) {
    throw new Error(`invalid sheet name: ${name}`);
  }
}

function setValue(cell: ExcelJS.Cell, model: CellModel): void {
  switch (model.kind) {
    case 'text':
      cell.value = safeCellText(model.text);
      return;
    case 'number':
      cell.value = model.value;
      cell.numFmt = NUMBER_FORMATS[model.format];
      return;
    case 'date':
      cell.value = excelDate(model.date);
      cell.numFmt = DATE_FORMAT;
      return;
    case 'blank':
      return;
  }
}

function applyStyle(cell: ExcelJS.Cell, row: RowModel, model: CellModel, wrap: boolean, tableFontSize: number): void {
  const font: Partial<ExcelJS.Font> = { name: 'Calibri', size: FRAMED_STYLES.has(row.style) ? tableFontSize : 11 };
  let fill: string | null = null;
  switch (row.style) {
    case 'title':
      Object.assign(font, { bold: true, size: 14 });
      break;
    case 'heading':
      Object.assign(font, { bold: true, size: 12 });
      break;
    case 'header':
      font.bold = true;
      fill = HEADER_FILL;
      break;
    case 'total':
      font.bold = true;
      fill = TOTAL_FILL;
      break;
    case 'note':
      Object.assign(font, { italic: true, size: 9, color: { argb: 'FF595959' } });
      break;
    case 'body':
    case 'plain':
      break;
  }
  if (model.status) {
    const colours = STATUS_COLOURS[model.status];
    fill = colours.fill;
    font.color = { argb: colours.font };
  }
  cell.font = font;
  if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  if (FRAMED_STYLES.has(row.style)) {
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'top', wrapText: row.style === 'header' || wrap };
  } else {
    // Label and value pairs read left to right, dates and numbers included.
    cell.alignment = row.style === 'plain' ? { vertical: 'top', horizontal: 'left' } : { vertical: 'top' };
  }
}

/** Lines a text needs in a column when wrapped word by word (a rough Calibri estimate: a width unit is one digit, letters average a little narrower). */
function wrappedLines(text: string, width: number, fontSize: number, bold: boolean): number {
  const perLine = Math.max(1, Math.floor((width * 1.12 * 11) / fontSize / (bold ? 1.07 : 1)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
      } else if (used === 0) {
        lines += Math.ceil(word.length / perLine) - 1;
        used = word.length % perLine || perLine;
      } else {
        lines += Math.ceil(word.length / perLine);
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

function estimatedHeight(row: RowModel, sheet: SheetModel, tableFontSize: number): number | undefined {
  if (!FRAMED_STYLES.has(row.style)) return undefined;
  let lines = 1;
  row.cells.forEach((model, index) => {
    const column = sheet.columns[index];
    if (model?.kind !== 'text' || !column || !(row.style === 'header' || column.wrap)) return;
    lines = Math.max(lines, wrappedLines(model.text, column.width, tableFontSize, row.style !== 'body'));
  });
  return lines > 1 ? Math.ceil(lines * tableFontSize * 1.2 + 4) : undefined;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  checkSheetName(sheet.name);
  const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.state });

  sheet.columns.forEach((column, index) => {
    const target = worksheet.getColumn(index + 1);
    target.width = column.width;
    if (column.hidden) target.hidden = true;
  });

  const tableFontSize = sheet.tableFontSize ?? 11;
  sheet.rows.forEach((row, rowIndex) => {
    const target = worksheet.getRow(rowIndex + 1);
    const height = row.height ?? estimatedHeight(row, sheet, tableFontSize);
    if (height !== undefined) target.height = height;
    row.cells.forEach((model, columnIndex) => {
      if (model === null) return;
      const cell = target.getCell(columnIndex + 1);
      setValue(cell, model);
      applyStyle(cell, row, model, sheet.columns[columnIndex]?.wrap ?? false, tableFontSize);
    });
  });

  for (const merge of sheet.merges ?? []) {
    worksheet.mergeCells(merge.fromRow, merge.fromColumn, merge.toRow, merge.toColumn);
  }

  for (const validation of sheet.validations ?? []) {
    const formula = `${sheetReference(validation.source.sheet)}!${absoluteRange(validation.source.range)}`;
    for (let row = validation.range.fromRow; row <= validation.range.toRow; row++) {
      for (let column = validation.range.fromColumn; column <= validation.range.toColumn; column++) {
        // exceljs joins equal neighbouring validations into one range when it writes.
        worksheet.getCell(row, column).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: validation.errorTitle,
          error: validation.error,
        };
      }
    }
  }

  if (sheet.autoFilter) {
    const filter = sheet.autoFilter;
    worksheet.autoFilter = { from: { row: filter.fromRow, column: filter.fromColumn }, to: { row: filter.toRow, column: filter.toColumn } };
  }

  if (sheet.frozen) {
    const { rows, columns } = sheet.frozen;
    worksheet.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: address(rows + 1, columns + 1), activeCell: address(rows + 1, columns + 1) }];
  }

  let priority = 1;
  for (const format of sheet.statusFormats ?? []) {
    const { range } = format;
    worksheet.addConditionalFormatting({
      ref: `${address(range.fromRow, range.fromColumn)}:${address(range.toRow, range.toColumn)}`,
      // cellIs/equal with a string constant: the simplest rule, which exceljs writes as Excel expects it.
      rules: format.rules.map((rule) => {
        const colours = STATUS_COLOURS[rule.status];
        return {
          type: 'cellIs' as const,
          operator: 'equal' as const,
          priority: priority++,
          formulae: [`"${rule.text.replace(/"/g, '""')}"`],
          style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: colours.fill } }, font: { color: { argb: colours.font } } },
        };
      }),
    });
  }

  if (sheet.state === 'visible') {
    const fit = sheet.print ? { fitToPage: false, scale: sheet.print.scale } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    const titleColumns = sheet.print?.titleColumns;
    worksheet.pageSetup = {
      paperSize: 9, // A4
      orientation: 'landscape',
      ...fit,
      margins: PRINT_MARGINS,
      ...(sheet.printTitleRows ? { printTitlesRow: `${sheet.printTitleRows.from}:${sheet.printTitleRows.to}` } : {}),
      ...(titleColumns ? { printTitlesColumn: `${columnLetters(titleColumns.from)}:${columnLetters(titleColumns.to)}` } : {}),
    };
    worksheet.headerFooter = { oddFooter: '&L&A&RSida &P av &N' };
  }
}

/** The .xlsx file for a workbook model. */
export async function writeXlsx(model: WorkbookModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const created = excelDate(model.created);
  // Properties carry no personal names (SPEC §7).
  workbook.creator = 'rehab';
  workbook.lastModifiedBy = 'rehab';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = safeLine(model.title);
  // Every text of the model (cells, validation messages) is cleaned here, at the write edge (SPEC §7).
  for (const sheet of model.sheets) addSheet(workbook, safeModel(sheet));
  const firstVisible = Math.max(0, model.sheets.findIndex((sheet) => sheet.state === 'visible'));
  workbook.views = [{ x: 0, y: 0, width: 28800, height: 15000, firstSheet: firstVisible, activeTab: firstVisible, visibility: 'visible' }];
  // exceljs stores the parts unzipped (its JSZip deflates in JavaScript); they are deflated once natively.
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>);
  return writePackage(readPackage(new Uint8Array(stored)));
}
