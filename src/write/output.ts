// Terminal output: results to stdout, messages to stderr (SPEC §5). Every byte passes safeTerminalText (SPEC §7):
// text from the data never reaches a terminal as control characters.
import { safeTerminalText, terminalJson } from '../render/safeText.js';

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
