// File and folder names of a prep run (SPEC §6: HR looks a manager's material up by the manager's name;
// SPEC §7: no name may escape the output folder or be invalid or colliding on Windows, macOS or Linux).
// One function, fileNameSegment, makes every file and folder name; RunFileNames keeps them unique in the run.
import type { UnitFigures } from '../core/absenceFigures.js';
import type { ManagerScope } from '../core/followUpScope.js';

/** A name segment: at most this many UTF-16 units (Windows counts those; 255 per segment, and 260 for the whole path, so leave room for the folders above). */
export const MAX_SEGMENT_LENGTH = 120;
/** Linux and macOS count bytes: 255 per segment. */
const MAX_SEGMENT_BYTES = 255;

// Windows, macOS (':' is '/' in Finder) and zip tools refuse these; C0/C1 control characters, and bidi
// controls that could make "fdp.exe" read as "exe.pdf".
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9 (also with superscript digits), with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/** Cuts at whole characters (an emoji or å written as a + ring is never cut in half). */
function cutToFit(text: string, maxLength: number): string {
  if (text.length <= maxLength && Buffer.byteLength(text, 'utf8') <= MAX_SEGMENT_BYTES) return text;
  let result = '';
  for (const { segment } of graphemes.segment(text)) {
    const next = result + segment;
    if (next.length > maxLength || Buffer.byteLength(next, 'utf8') > MAX_SEGMENT_BYTES) break;
    result = next;
  }
  return result;
}

function trimEnds(text: string): string {
  // Leading dots hide a file on macOS/Linux ('..' would climb); trailing dots and spaces vanish on Windows.
  return text.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
}

/**
 * The one function for a file or folder name: `stem` is any text (names from the data included), `extension`
 * is given without the dot. The result is safe on Windows, macOS and Linux and at most maxLength long.
 */
export function fileNameSegment(stem: string, extension = '', maxLength = MAX_SEGMENT_LENGTH): string {
  const suffix = extension ? `.${extension}` : '';
  let cleaned = trimEnds(stem.normalize('NFC').replace(/\s+/g, ' ').replace(FORBIDDEN, '-'));
  if (cleaned === '') cleaned = 'namnlös';
  cleaned = trimEnds(cutToFit(cleaned, maxLength - suffix.length)) || 'namnlös';
  // 'NUL.txt' and 'NUL.tar.gz' are NUL too: the part before the first dot must change.
  if (WINDOWS_RESERVED.test(`${cleaned}${suffix}`)) cleaned = cleaned.replace(/^[^.]*/, (head) => `${head}_`);
  return `${cleaned}${suffix}`;
}

/** Windows and macOS compare names without case; the tool writes NFC, so upper-casing the NFC form is the key. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toUpperCase();
}

/** The routine's document names (seed 000, "Stödjande dokument"); ':' cannot stand in a file name, so "HR:s" is "HRs" there. */
export const PREP_DOCUMENT_NAMES = {
  workbook: 'Alt. 1 HRs förberedelse',
  managerDeck: 'Alt. 2 HRs förberedelse',
  mail: 'Bilaga 1 Inbjudan',
  meetingRequest: 'Mötesbokning',
  managementDeck: 'Rehabiliteringsuppföljning till ledningsgrupp',
} as const;

export type PrepDocumentKind = keyof typeof PREP_DOCUMENT_NAMES;

const EXTENSIONS: Record<PrepDocumentKind, string> = {
  workbook: 'xlsx',
  managerDeck: 'pptx',
  mail: 'eml',
  meetingRequest: 'ics',
  managementDeck: 'pptx',
};

/** Short keys for the manifest, which must not carry the manager's name that the path carries. */
const MANIFEST_KINDS: Record<PrepDocumentKind, string> = {
  workbook: 'alt1',
  managerDeck: 'alt2',
  mail: 'bilaga1',
  meetingRequest: 'motesbokning',
  managementDeck: 'ledningsgrupp',
};

/** The attachment name of the meeting request inside the mail (the mail goes to one manager: no name needed). */
export const MEETING_ATTACHMENT_NAME = 'Mötesbokning.ics';

export const MANAGER_ROOT = 'Chefer';
export const MANAGEMENT_ROOT = 'Ledningsgrupp';

export interface PlannedFile {
  /** Relative to the run folder, '/'-separated. */
  path: string;
  /** What the manifest lists instead of the path: no person's name (SPEC §6). */
  manifestKey: string;
}

function unitLabel(manager: ManagerScope, units: readonly UnitFigures[]): string {
  const firstId = manager.unitIds[0] ?? '';
  const first = units.find((unit) => unit.id === firstId);
  return first ? `${first.id} ${first.name}` : firstId;
}

/** 'E1042 Gruppbostad Åkervägen + 1 enhet': a manager said without her name (summaries, logs). */
export function managerUnitLabel(manager: ManagerScope, units: readonly UnitFigures[]): string {
  const others = manager.unitIds.length - 1;
  const label = unitLabel(manager, units) || 'okänd enhet';
  return others > 0 ? `${label} + ${others} ${others === 1 ? 'enhet' : 'enheter'}` : label;
}

/**
 * Names of one run: a folder per manager named after the manager, file names that carry the manager's name
 * (Excel cannot open two workbooks of the same name at once), every file name unique in the run without case.
 */
export class RunFileNames {
  private readonly folders = new Set<string>();
  private readonly files = new Set<string>();
  private managerCount = 0;

  /** The folder of one manager, and a function naming that manager's documents. */
  manager(manager: ManagerScope, units: readonly UnitFigures[]): { folder: string; file(kind: PrepDocumentKind): PlannedFile } {
    const personName = manager.name.trim() || manager.email;
    this.managerCount += 1;
    const managerKey = `chef-${String(this.managerCount).padStart(3, '0')}`;
    // Two managers of the same name: the second folder also says which unit it is about; its files say the same.
    const folderName = this.claim(this.folders, [fileNameSegment(personName), fileNameSegment(`${personName} – ${unitLabel(manager, units)}`)]);
    const folder = `${MANAGER_ROOT}/${folderName}`;
    return {
      folder,
      file: (kind) => ({
        path: `${folder}/${this.uniqueFile(`${PREP_DOCUMENT_NAMES[kind]} – ${folderName}`, EXTENSIONS[kind])}`,
        manifestKey: `${managerKey}/${MANIFEST_KINDS[kind]}`,
      }),
    };
  }

  /** The leadership deck of one verksamhet; a verksamhet is no person, so its path may stand in the manifest. */
  managementDeck(operation: string): PlannedFile {
    const path = `${MANAGEMENT_ROOT}/${this.uniqueFile(`${PREP_DOCUMENT_NAMES.managementDeck} – ${operation}`, EXTENSIONS.managementDeck)}`;
    return { path, manifestKey: path };
  }

  /** A file at the top of the run folder (manifest.json). */
  topLevel(stem: string, extension: string): PlannedFile {
    const path = this.uniqueFile(stem, extension);
    return { path, manifestKey: path };
  }

  private uniqueFile(stem: string, extension: string): string {
    const candidates = [fileNameSegment(stem, extension)];
    return this.claim(this.files, candidates, (index) => fileNameSegment(stem, extension, MAX_SEGMENT_LENGTH - ` (${index})`.length).replace(/(\.[^.]*)?$/, ` (${index})$1`));
  }

  private claim(used: Set<string>, candidates: string[], numbered?: (index: number) => string): string {
    for (const candidate of candidates) {
      if (!used.has(nameKey(candidate))) {
        used.add(nameKey(candidate));
        return candidate;
      }
    }
    const base = candidates[candidates.length - 1]!;
    for (let index = 2; ; index += 1) {
      const candidate = numbered ? numbered(index) : `${fileNameSegment(base, '', MAX_SEGMENT_LENGTH - ` (${index})`.length)} (${index})`;
      if (!used.has(nameKey(candidate))) {
        used.add(nameKey(candidate));
        return candidate;
      }
    }
  }
}
