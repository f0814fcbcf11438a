// The columns of the three exports (SPEC §2) and one zod schema per row; messages are Swedish.
import { z } from 'zod';
import type { CaseStatus, CaseType, Gender, YesNoUnknown } from '../core/types.js';
import { parseDateCell, parseNumberCell, type CellResult } from './cells.js';
import { normalizeHeader } from './csvFile.js';
import './config.js'; // sets zod's Swedish locale

export const MISSING_VALUE = 'värde saknas';

/** A required cell: empty is an error, else `parse` decides. */
function requiredCell<T>(parse: (text: string) => CellResult<T>) {
  return z.string().transform((text, ctx): T => {
    const result = text === '' ? ({ ok: false, message: MISSING_VALUE } as const) : parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

/** An optional cell: empty (or an absent column) is null. */
function optionalCell<T>(parse: (text: string) => CellResult<T>) {
  return z.string().transform((text, ctx): T | null => {
    if (text === '') return null;
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

const anyText = (text: string): CellResult<string> => ({ ok: true, value: text });

// Lenient on purpose: the address is only used to address a draft mail.
const email = (text: string): CellResult<string> =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { ok: true, value: text } : { ok: false, message: 'ogiltig e-postadress' };

const employmentRate = (text: string): CellResult<number> => {
  const number = parseNumberCell(text);
  if (!number.ok) return number;
  return number.value > 0 && number.value <= 100 ? number : { ok: false, message: 'sysselsättningsgraden ska vara större än 0 och högst 100' };
};

const extent = (text: string): CellResult<number> => {
  const number = parseNumberCell(text);
  if (!number.ok) return number;
  return number.value >= 1 && number.value <= 100 ? number : { ok: false, message: 'omfattningen ska vara 1–100 procent' };
};

const GENDERS: Record<string, Gender> = { k: 'K', kvinna: 'K', m: 'M', man: 'M' };
const gender = (text: string): CellResult<Gender> => {
  const value = GENDERS[normalizeHeader(text)];
  return value ? { ok: true, value } : { ok: false, message: 'ange K eller M' };
};

const birthYear = (text: string): CellResult<number> => {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1900 && year <= 2100 ? { ok: true, value: year } : { ok: false, message: 'ange ett fyrsiffrigt år mellan 1900 och 2100' };
};

/**
 * 10 or 12 digits with an optional - or +, and the Luhn check digit → true; anything else → false.
 * Never an error: the tool does not use the field, and a reserve number must not stop a run. Never echoed anywhere.
 */
const personalNumber = (text: string): CellResult<boolean> => ({ ok: true, value: isValidPersonalNumber(text) });

function isValidPersonalNumber(text: string): boolean {
  const match = /^(?:\d{2})?(\d{6})[-+]?(\d{4})$/.exec(text);
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`.split('').map(Number);
  const sum = digits.reduce((total, digit, index) => {
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return sum % 10 === 0;
}

/** Accepts the code, any case, with or without å/ä/ö, spaces or `_`. */
function choice<T extends string>(codes: Record<string, T>, message: string) {
  return (text: string): CellResult<T> => {
    const value = codes[normalizeHeader(text)];
    return value ? { ok: true, value } : { ok: false, message };
  };
}

const caseType = choice<CaseType>({ langtid: 'langtid', upprepadkorttid: 'upprepad_korttid', annat: 'annat' }, 'ange langtid, upprepad_korttid eller annat');
const caseStatus = choice<CaseStatus>({ oppet: 'oppet', oppen: 'oppet', avslutat: 'avslutat', avslutad: 'avslutat' }, 'ange oppet eller avslutat');
const yesNo = choice<Exclude<YesNoUnknown, null>>({ ja: 'ja', nej: 'nej' }, 'ange ja, nej eller lämna tomt');

const date = requiredCell(parseDateCell);
const optionalDate = optionalCell(parseDateCell);
const text = requiredCell(anyText);

export const employmentSchema = z.object({
  anstallnings_id: text,
  namn: text,
  personnummer: optionalCell(personalNumber),
  forvaltning: text,
  avdelning: text,
  verksamhet: text,
  enhet_id: text,
  enhet: text,
  chef_namn: text,
  chef_epost: requiredCell(email),
  sysselsattningsgrad: requiredCell(employmentRate),
  kon: optionalCell(gender),
  fodelsear: optionalCell(birthYear),
  giltig_from: date,
  giltig_tom: optionalDate,
});

export const sickSegmentSchema = z.object({
  anstallnings_id: text,
  from_datum: date,
  tom_datum: optionalDate,
  omfattning: requiredCell(extent),
});

export const rehabCaseSchema = z.object({
  arende_id: text,
  anstallnings_id: text,
  arendetyp: requiredCell(caseType),
  status: requiredCell(caseStatus),
  oppnat_datum: date,
  avslutat_datum: optionalDate,
  forvantas_over_60_dagar: optionalCell(yesNo),
  lakarintyg_tom: optionalDate,
  halsosamtal_datum: optionalDate,
  plan_upprattad_datum: optionalDate,
  plan_reviderad_datum: optionalDate,
  plan_uppfoljning_datum: optionalDate,
  senaste_dokumentation_datum: optionalDate,
  nasta_aktivitet_datum: optionalDate,
});

/** Columns that must be present; the others may be left out of the export. */
export const REQUIRED_COLUMNS = {
  anstallda: ['anstallnings_id', 'namn', 'forvaltning', 'avdelning', 'verksamhet', 'enhet_id', 'enhet', 'chef_namn', 'chef_epost', 'sysselsattningsgrad', 'giltig_from'],
  sjukfranvaro: ['anstallnings_id', 'from_datum', 'omfattning'],
  rehabarenden: ['arende_id', 'anstallnings_id', 'arendetyp', 'status', 'oppnat_datum'],
} as const;

export const ALL_COLUMNS = {
  anstallda: Object.keys(employmentSchema.shape),
  sjukfranvaro: Object.keys(sickSegmentSchema.shape),
  rehabarenden: Object.keys(rehabCaseSchema.shape),
} as const;

/** Fields whose value is never shown, not even in an error message. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['personnummer']);
