// One options step per command (knip's create-options): commander parses the flags, then one zod schema per
// command validates them, the config file is read, and every problem of both is reported at once, in Swedish,
// one line each (exit 2). Commander's requiredOption and choices declare the flags (help shows the choices); the
// checks themselves happen here so that no problem hides another.
import { Option } from 'commander';
import { z } from 'zod';
import { addMonths, isValidIsoDate, type IsoDate } from '../core/calendarDate.js';
import { ConfigError } from '../errors.js';
import { loadConfig, type RehabConfig } from '../input/config.js';
import { issueLines } from '../input/zodMessages.js';
import { OPTION_LIMITS } from './common.js';

/** An --flag whose values are listed in --help; a wrong value is reported with the other problems. */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices).argParser((value: string) => value);
}

/** A required flag's value: `what` says what it names ("--data måste anges: mappen med exportfilerna"). */
export function requiredText(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `måste anges: ${what}` : undefined) }).min(1, { error: `måste anges: ${what}` });
}

/** YYYY-MM-DD or YYYYMMDD → an ISO date, in the years payroll data can hold (OPTION_LIMITS). */
export const dateFlag = z.string().transform((value, context): IsoDate => {
  const iso = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
  if (!isValidIsoDate(iso)) {
    context.addIssue({ code: 'custom', message: `ogiltigt datum (${value}), ange ÅÅÅÅ-MM-DD`, input: value });
    return z.NEVER;
  }
  if (iso < OPTION_LIMITS.firstDate || iso > OPTION_LIMITS.lastDate) {
    context.addIssue({ code: 'custom', message: `datumet ${iso} ligger utanför ${OPTION_LIMITS.firstDate} – ${OPTION_LIMITS.lastDate}`, input: value });
    return z.NEVER;
  }
  return iso;
});

/** --months N: a whole number of months, 1–60. */
export const monthsFlag = z.string().transform((value, context): number => {
  const months = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(months >= 1 && months <= OPTION_LIMITS.maxMonths)) {
    context.addIssue({ code: 'custom', message: `ange ett heltal från 1 till ${OPTION_LIMITS.maxMonths} (${value.slice(0, 20)})`, input: value });
    return z.NEVER;
  }
  return months;
});

/** --months or --from/--to (issue issues on `months`, `from`, `to` and `fromTo`), for a schema's superRefine. */
export function windowRules(flags: { months?: number; from?: IsoDate; to?: IsoDate }, context: z.RefinementCtx): void {
  if (flags.from === undefined && flags.to === undefined) return;
  if (flags.months !== undefined) context.addIssue({ code: 'custom', path: ['months'], message: 'kan inte kombineras med --from/--to' });
  if (flags.from === undefined) context.addIssue({ code: 'custom', path: ['from'], message: 'måste anges tillsammans med --to' });
  if (flags.to === undefined) context.addIssue({ code: 'custom', path: ['to'], message: 'måste anges tillsammans med --from' });
  if (flags.from === undefined || flags.to === undefined) return;
  if (flags.to < flags.from) context.addIssue({ code: 'custom', path: ['to'], message: `(${flags.to}) ligger före --from (${flags.from})` });
  else if (flags.to >= addMonths(flags.from, OPTION_LIMITS.maxMonths)) {
    context.addIssue({ code: 'custom', path: ['fromTo'], message: `perioden får vara högst ${OPTION_LIMITS.maxMonths} månader (${flags.from} – ${flags.to})` });
  }
}

/** One of `values`; `fallback` when the flag is not given. */
export function choiceFlag<T extends string>(values: readonly [T, ...T[]], fallback: T) {
  return z
    .string()
    .optional()
    .transform((value, context): T => {
      if (value === undefined) return fallback;
      if ((values as readonly string[]).includes(value)) return value as T;
      context.addIssue({ code: 'custom', message: `ogiltigt värde (${value}), välj ett av: ${values.join(', ')}`, input: value });
      return z.NEVER;
    });
}

/** 'asOf' → '--as-of'; 'fromTo' (a rule over both) → '--from/--to'. */
function flagName(key: string): string {
  if (key === 'fromTo') return '--from/--to';
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function flagLine(path: string, message: string): string {
  const flag = path === '' ? 'flaggorna' : flagName(path.split('.')[0]!);
  return message.startsWith('måste anges') || message.startsWith('(') ? `${flag} ${message}` : `${flag}: ${message}`;
}

function flagProblems<S extends z.ZodType>(schema: S, flags: Record<string, unknown>): { parsed: z.ZodSafeParseResult<z.output<S>>; problems: string[] } {
  const parsed = schema.safeParse(flags);
  const problems = parsed.success ? [] : issueLines(parsed.error).map((line) => flagLine(line.path, line.message));
  return { parsed, problems };
}

/** Validates the flags of a command that reads no config file; throws one ConfigError with every problem. */
export function resolveFlags<S extends z.ZodType>(schema: S, flags: Record<string, unknown>): z.output<S> {
  const { parsed, problems } = flagProblems(schema, flags);
  if (!parsed.success) throw new ConfigError(problems.join('\n'), problems[0]);
  return parsed.data;
}

/**
 * Validates the flags with the command's schema and reads the config file (--config, else rehab.config.json in the
 * working folder); throws one ConfigError with every problem of both.
 */
export function resolveOptions<S extends z.ZodType>(schema: S, flags: Record<string, unknown>): { options: z.output<S>; config: RehabConfig } {
  const { parsed, problems } = flagProblems(schema, flags);
  let config: RehabConfig | undefined;
  try {
    config = loadConfig(typeof flags['config'] === 'string' ? flags['config'] : undefined);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.message.split('\n'));
  }
  if (!parsed.success || config === undefined) throw new ConfigError(problems.join('\n'), problems[0]);
  return { options: parsed.data, config };
}
