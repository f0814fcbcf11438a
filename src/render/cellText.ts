// Spreadsheet safety (SPEC §7): a cell text that a spreadsheet could run as a formula gets a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
