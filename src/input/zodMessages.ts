// Swedish messages for zod's issues, written here: zod's own Swedish locale is partly English ("förväntade number").
// Used for the config file (src/input/config.ts) and the command-line options (src/cli/options.ts).
import { z } from 'zod';

const TYPE_WORDS: Record<string, string> = {
  number: 'ett tal',
  int: 'ett heltal',
  string: 'en text',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
};

function shown(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'en lista' : value === null ? 'null' : typeof value === 'object' ? 'ett objekt' : String(value);
  return ` (${text.length > 60 ? `${text.slice(0, 57)}…` : text})`;
}

/** The message of one issue; zod's `error` option takes this function. */
export function swedishIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'måste anges';
      return `ska vara ${TYPE_WORDS[issue.expected] ?? issue.expected}${shown(issue.input)}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'får inte vara tom' : `måste ha minst ${minimum} tecken`;
      if (issue.origin === 'array') return `måste ha minst ${minimum} ${minimum === 1 ? 'värde' : 'värden'}`;
      return `${issue.inclusive ? `måste vara minst ${minimum}` : `måste vara större än ${minimum}`}${shown(issue.input)}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `får ha högst ${maximum} tecken`;
      if (issue.origin === 'array') return `får ha högst ${maximum} värden`;
      return `${issue.inclusive ? `får vara högst ${maximum}` : `måste vara mindre än ${maximum}`}${shown(issue.input)}`;
    }
    case 'invalid_format':
      return issue.format === 'email' ? `ogiltig e-postadress${shown(issue.input)}` : `ogiltigt format${shown(issue.input)}`;
    case 'invalid_value':
      return `ogiltigt värde${shown(issue.input)}, välj ett av: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'okänd nyckel' : 'okända nycklar';
    case 'not_multiple_of':
      return `måste vara en multipel av ${String(issue.divisor)}${shown(issue.input)}`;
    case 'invalid_union':
      return `ogiltigt värde${shown(issue.input)}`;
    default:
      return issue.message ?? `ogiltigt värde${shown(issue.input)}`;
  }
}

/** Every issue as "path: message" (an unknown key named by its full path). */
export function issueLines(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'okänd nyckel' }));
    return [{ path: path.join('.'), message: issue.message }];
  });
}

// Every schema of the tool speaks Swedish; a message a schema gives itself still wins.
z.config({ customError: swedishIssueMessage });
