// Spreadsheet safety (SPEC §7): a cell text that a spreadsheet could run as a formula gets a leading apostrophe.
import { safeText } from './safeText.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Control characters go first (safeText), so that removing one can never uncover a formula start. */
export function neutralizeCellText(text: string): string {
  const clean = safeText(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
