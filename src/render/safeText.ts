// SPEC §7 "Nothing leaks": text from the data (and from config, templates, the command line) never carries control
// characters into XML, mail headers, calendar properties or the terminal. One rule, applied at the write edge: every
// writer in src/write passes the text it serialises through these functions, so no renderer can bypass them.
// Excel exports carry \x0b (a line break inside a cell); a bad decode carries C1 controls; ESC would colour a terminal.

// Line breaks of every kind: CRLF, CR, VT and FF (Excel/Word's line break in a cell), NEL, LINE/PARAGRAPH SEPARATOR.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;
// What no document or terminal should receive: C0 controls except tab and line feed, DEL, C1 controls, the
// bidirectional embedding/override/isolate controls (they reorder text on screen, "Trojan source"), the
// non-characters U+FFFE/U+FFFF and lone surrogates (invalid in XML 1.0 and in UTF-8).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for a document (XML part, mail body, calendar description): line breaks become '\n', tab stays, unsafe characters go. */
export function safeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(LINE_BREAKS, '\n').replace(UNSAFE, '');
}

/** Text that must stay on one line (mail header, display name, calendar property, table cell): each run of line breaks or tabs is one space. */
export function safeLine(text: string): string {
  const clean = safeText(text);
  return /[\t\n]/.test(clean) ? clean.replace(/[\t\n]+/g, ' ') : clean;
}

// Terminal output keeps CRLF (CSV on stdout) and tab; a lone CR would let a value overwrite what is already on the line.
// eslint-disable-next-line no-control-regex -- as above
const TERMINAL_UNSAFE = /\r(?!\n)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for stdout/stderr: no escape sequences, no reordering, no overwriting. */
export function safeTerminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, '');
}

// Characters that JSON.stringify leaves raw but a terminal or safeTerminalText would act on.
const JSON_UNSAFE = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** JSON for the terminal: the characters safeTerminalText would drop are \u-escaped instead, so values survive. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of a plain model (objects, arrays, strings, numbers …) with `clean` applied to every string in it. */
export function safeModel<T>(value: T, clean: (text: string) => string = safeText): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeModel(item, clean)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = safeModel(item, clean);
    return copy as T;
  }
  return value;
}
