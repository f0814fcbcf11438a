// Progress on the terminal for work longer than a second (reading the exports, writing documents): on stderr,
// only on a TTY, never with --quiet or in CI; colour only on a TTY and never with NO_COLOR (no-color.org).
// The decisions and the line itself are pure functions; ProgressBar only writes what they return.
import { stripVTControlCharacters } from 'node:util';

export interface TerminalEnvironment {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** CI=true, CI=1 … count; CI='' , CI=false and CI=0 do not (some runners export CI=false locally). */
function ciIsSet(env: TerminalEnvironment['env']): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export function progressEnabled(terminal: TerminalEnvironment & { quiet: boolean }): boolean {
  return terminal.isTTY && !terminal.quiet && !ciIsSet(terminal.env);
}

/** no-color.org: NO_COLOR set to any non-empty value turns colour off. */
export function colourEnabled(terminal: TerminalEnvironment): boolean {
  return terminal.isTTY && !terminal.env.NO_COLOR && terminal.env.TERM !== 'dumb';
}

const ANSI = { red: '31', green: '32', cyan: '36', bold: '1', dim: '2' } as const;

export function paint(text: string, style: keyof typeof ANSI, enabled: boolean): string {
  return enabled ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text;
}

export interface ProgressState {
  label: string;
  done: number;
  /** null while the amount of work is unknown (reading): then only the label and the time are shown. */
  total: number | null;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** One line, at most `columns` wide: "Skriver dokument ██████░░░░  52 % (731/1 400)  14 s". */
export function progressLine(state: ProgressState, columns: number, colour = false): string {
  const seconds = `${Math.floor(state.elapsedMs / 1000)} s`;
  let line: string;
  if (state.total === null || state.total <= 0) {
    line = `${state.label} …  ${seconds}`;
  } else {
    const share = Math.min(1, Math.max(0, state.done / state.total));
    const filled = Math.round(share * BAR_WIDTH);
    const bar = paint('█'.repeat(filled), 'cyan', colour) + '░'.repeat(BAR_WIDTH - filled);
    const percent = `${String(Math.floor(share * 100)).padStart(3)} %`;
    line = `${state.label} ${bar} ${percent} (${thousands(state.done)}/${thousands(state.total)})  ${seconds}`;
  }
  // Never wrap: a wrapped line cannot be overwritten with \r. Colour codes take no columns.
  const visible = stripVTControlCharacters(line);
  return visible.length <= columns - 1 ? line : visible.slice(0, Math.max(0, columns - 2)) + '…';
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export interface ProgressOptions {
  enabled: boolean;
  colour?: boolean;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** Nothing is shown before the work has taken this long. */
  delayMs?: number;
  /** At most one redraw per this many milliseconds. */
  intervalMs?: number;
}

export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly options: Required<ProgressOptions>;
  private readonly startedAt: number;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private shown = false;
  private state: Omit<ProgressState, 'elapsedMs'> = { label: '', done: 0, total: null };

  constructor(stream: ProgressStream, options: ProgressOptions) {
    this.stream = stream;
    this.options = { colour: false, now: () => Date.now(), delayMs: 1000, intervalMs: 100, ...options };
    this.startedAt = this.options.now();
  }

  /** Starts a step of the work; total = number of items when known. */
  phase(label: string, total: number | null = null): void {
    this.state = { label, done: 0, total };
    this.draw(true);
  }

  tick(count = 1): void {
    this.state.done += count;
    this.draw(this.state.done === this.state.total);
  }

  /** Clears the line so the closing summary starts on a clean line. */
  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(force: boolean): void {
    if (!this.options.enabled) return;
    const now = this.options.now();
    if (now - this.startedAt < this.options.delayMs) return;
    if (!force && now - this.lastDrawAt < this.options.intervalMs) return;
    this.lastDrawAt = now;
    const line = progressLine({ ...this.state, elapsedMs: now - this.startedAt }, this.stream.columns !== undefined && this.stream.columns >= 20 ? this.stream.columns : 80, this.options.colour);
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }
}

/** The progress bar for a command: on stderr, shown only where it helps. */
export function terminalProgress(quiet: boolean): ProgressBar {
  const terminal = { isTTY: process.stderr.isTTY === true, env: process.env };
  return new ProgressBar(process.stderr, { enabled: progressEnabled({ ...terminal, quiet }), colour: colourEnabled(terminal) });
}
