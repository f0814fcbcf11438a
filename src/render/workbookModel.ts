// Workbook model shared by the .xlsx documents: what each cell holds, in plain data; src/write/xlsxWriter.ts decides how it looks.
import type { IsoDate } from '../core/calendarDate.js';

/** Colour of a status cell: green, yellow, red, grey. */
export type CellStatus = 'ok' | 'warning' | 'gap' | 'not_applicable';

/** integer '0', decimal1 '0.0', signedDecimal1 '+0.0' (a change in percentage points). */
export type NumberFormat = 'integer' | 'decimal1' | 'signedDecimal1';

/** Text is raw here; the writer neutralises every text cell (SPEC §7). `blank` is a styled empty cell (a column HR fills in). */
export type CellModel =
  | { kind: 'text'; text: string; status?: CellStatus }
  | { kind: 'number'; value: number; format: NumberFormat; status?: CellStatus }
  | { kind: 'date'; date: IsoDate; status?: CellStatus }
  | { kind: 'blank'; status?: CellStatus };

/**
 * title/heading: bold, larger; header: a table's column names (bold, tinted, wrapped, framed);
 * body: a table row (framed); total: a bold table row; plain: label and value without frame; note: small grey text.
 */
export type RowStyle = 'title' | 'heading' | 'header' | 'body' | 'total' | 'plain' | 'note';

export interface RowModel {
  style: RowStyle;
  /** cells[0] is column A; null leaves the cell untouched. */
  cells: (CellModel | null)[];
  /** Points; without it the writer estimates the height of wrapped text (LibreOffice does not grow rows on load). */
  height?: number;
}

export interface ColumnModel {
  /** Characters. */
  width: number;
  /** Wrap text in table rows of this column. */
  wrap?: boolean;
  hidden?: boolean;
}

/** 1-based, inclusive. */
export interface CellRange {
  fromRow: number;
  fromColumn: number;
  toRow: number;
  toColumn: number;
}

/** A drop-down whose values are a range on another sheet (inline lists are limited to 255 characters). */
export interface ListValidation {
  range: CellRange;
  source: { sheet: string; range: CellRange };
  errorTitle: string;
  error: string;
}

export interface SheetModel {
  /** At most 31 characters, none of []:*?/\ and no apostrophe. */
  name: string;
  state: 'visible' | 'hidden';
  columns: ColumnModel[];
  /** rows[0] is row 1. */
  rows: RowModel[];
  /** Font size of header, body and total rows; default 11. */
  tableFontSize?: number;
  /** Rows above and columns left of the split stay in view. */
  frozen?: { rows: number; columns: number };
  autoFilter?: CellRange;
  merges?: CellRange[];
  validations?: ListValidation[];
  /** Rows repeated at the top of every printed page; visible sheets get A4 landscape, fit to width. */
  printTitleRows?: { from: number; to: number };
  /**
   * Instead of fitting to one page across: print at this scale (percent), so a wide table keeps a readable size
   * and its later columns go to the next page, with these columns repeated at the left of each page.
   */
  print?: { scale: number; titleColumns?: { from: number; to: number } };
  /**
   * Colour that follows the value (Excel conditional formats): a cell in `range` that equals a rule's text gets
   * the rule's status colour, also after HR edits it. Cells in these ranges carry no fixed status colour.
   */
  statusFormats?: StatusFormat[];
}

export interface StatusFormat {
  range: CellRange;
  rules: { text: string; status: CellStatus }[];
}

export interface WorkbookModel {
  /** Document title property: no personal names (SPEC §7). */
  title: string;
  /** Stored as the created/modified date so a run is reproducible. */
  created: IsoDate;
  sheets: SheetModel[];
}
