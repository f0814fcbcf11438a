// The one error module (STYLE.md): the CLI entry maps these to exit codes 3, 2 and 4.

/** One problem in an input file: rendered as `fil:rad: fält: fel (värde)`. */
export interface InputProblem {
  file: string;
  /** Physical line in the file (1 = header); 0 when the problem concerns the whole file. */
  line: number;
  field: string;
  /** Swedish description of what is wrong. */
  message: string;
  value?: string;
}

export const MAX_PROBLEMS_SHOWN = 50;

export function formatInputProblem(problem: InputProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  const value = problem.value !== undefined ? ` (${JSON.stringify(problem.value).slice(1, -1)})` : '';
  return `${where}:${field} ${problem.message}${value}`;
}

/** Invalid input data: exit 3, nothing written. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.length === 1 ? formatInputProblem(problems[0]!) : `${problems.length} fel i indata`);
    this.name = 'InputError';
    this.problems = problems;
  }

  /** Swedish lines for the terminal, capped, with how many more there are. */
  formatLines(cap = MAX_PROBLEMS_SHOWN): string[] {
    const lines = this.problems.slice(0, cap).map(formatInputProblem);
    if (this.problems.length > cap) lines.push(`… och ${this.problems.length - cap} fel till.`);
    return lines;
  }
}

/** Usage or configuration error: exit 2. `key` names the option or config key. */
export class ConfigError extends Error {
  readonly key: string | undefined;
  constructor(message: string, key?: string) {
    super(message);
    this.name = 'ConfigError';
    this.key = key;
  }
}

/** Output cannot be written: exit 4. */
export class OutputError extends Error {
  readonly path: string;
  constructor(message: string, path: string) {
    super(message);
    this.name = 'OutputError';
    this.path = path;
  }
}

export const EXIT = { ok: 0, unexpected: 1, usage: 2, input: 3, output: 4 } as const;
