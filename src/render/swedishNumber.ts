// Numbers the Swedish way for the decks' table cells (the deck model carries numbers; this says how they read).
const LANG = 'sv-SE';

// One formatter per (decimals, signed): building an Intl.NumberFormat costs far more than formatting with it.
const numberFormats = new Map<string, Intl.NumberFormat>();

function swedishNumber(decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${signed}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LANG, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto', useGrouping: true });
    numberFormats.set(key, format);
  }
  return format;
}

/** "12,3", "+1,5", "−0,4" (Swedish minus sign), "–" when there is no figure. */
export function formatSwedishNumber(value: number | null, decimals = 1, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return swedishNumber(decimals, signed).format(value);
}
