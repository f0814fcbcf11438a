// Terminal output: results to stdout, messages to stderr (SPEC §5). Every byte passes safeTerminalText (SPEC §7):
// text from the data never reaches a terminal as control characters.
import { safeTerminalText, terminalJson } from '../render/safeText.js';
import { colourEnabled, paint } from './progress.js';

export function writeResult(text: string): void {
  const safe = safeTerminalText(text);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

export function writeMessage(text: string): void {
  const safe = safeTerminalText(text);
  process.stderr.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

export function writeJson(value: unknown): void {
  writeResult(terminalJson(value));
}

/** An error: the "rehab:" prefix, or a headline without it, in red on a terminal that wants colour. */
export function writeError(text: string): void {
  const safe = safeTerminalText(text).replace(/\n$/, '');
  const colour = colourEnabled({ isTTY: process.stderr.isTTY === true, env: process.env });
  const painted = safe.startsWith('rehab:') ? `${paint('rehab:', 'red', colour)}${safe.slice('rehab:'.length)}` : paint(safe, 'red', colour);
  process.stderr.write(`${painted}\n`);
}
