// The one-screen Swedish summary of a prep run (stderr), or its JSON (stdout with --json). No names.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { MeetingFinding } from './invitationMail.js';
import { countText, meetingFindingText } from './labels.js';

export interface PrepSummary {
  period: string;
  asOf: IsoDate;
  window: DateRange;
  configFile: string | null;
  hrSpecialistsConfigured: number;
  managers: number;
  operations: number;
  openCases: number;
  casesWithGaps: number;
  gaps: number;
  needsSupport: number;
  managersForDeeperSupport: number;
  repeatedShortTermFindings: number;
  warnings: number;
  /** Base name of the --meetings file, null without one. */
  meetingsFile: string | null;
  meetingFindings: MeetingFinding[];
  /** Verksamheter whose leadership deck shows no figures: fewer employees than the minimum group size (SPEC §7). */
  operationsWithoutFigures?: string[];
  files: {
    workbooks: number;
    managerDecks: number;
    managementDecks: number;
    mails: number;
    meetingRequests: number;
    manifest: number;
    managers: number;
  };
  outputs: string[];
}

/** `folder`: where the run folder ended up (the applier's answer). */
export function prepSummaryJson(summary: PrepSummary, folder: string): object {
  const { period, asOf, window, files, ...rest } = summary;
  const { managers: _managers, ...fileCounts } = files;
  return { period, asOf, window, folder, ...rest, files: fileCounts };
}

export function prepSummaryText(summary: PrepSummary, folder: string): string {
  const { files } = summary;
  const fileParts = [
    `${countText(files.workbooks, 'workbook')} (Alt. 1)`,
    `${files.managerDecks} bildspel (Alt. 2)`,
    `${files.managementDecks} bildspel till ledningsgrupp`,
    countText(files.mails, 'invitation'),
    ...(files.meetingRequests > 0 ? [countText(files.meetingRequests, 'meetingRequest')] : []),
    'manifest',
  ];
  const lines = [
    `Underlag för ${summary.period} (data ${summary.window.from} – ${summary.window.to}, per ${summary.asOf}).`,
    `  Chefer:               ${summary.managers}`,
    `  Öppna ärenden:        ${summary.openCases}, varav ${summary.casesWithGaps} med brister (${countText(summary.gaps, 'gap')}), ${summary.needsSupport} behöver stöd`,
    `  Fördjupat stöd:       bör erbjudas ${countText(summary.managersForDeeperSupport, 'manager')}`,
    `  Upprepad korttid:     ${countText(summary.repeatedShortTermFindings, 'employment')} att uppmärksamma`,
    `  Filer:                ${fileParts.join(', ')}`,
  ];
  const withoutFigures = summary.operationsWithoutFigures ?? [];
  if (withoutFigures.length > 0) {
    lines.push(`  Utan siffror:         ${withoutFigures.length === 1 ? '1 verksamhet har' : `${withoutFigures.length} verksamheter har`} för få anställda för att visas i bildspelet till ledningsgrupp (${withoutFigures.join(', ')})`);
  }
  if (summary.warnings > 0) lines.push(`  Varningar i data:     ${summary.warnings} som rör dataperioden (rehab validate visar dem)`);
  if (summary.configFile === null) {
    lines.push('Ingen konfigurationsfil hittades: inbjudningarna har "Din HR-specialist" som avsändare och förvaltningens namn tas från data. Se README om rehab.config.json.');
  } else if (summary.hrSpecialistsConfigured === 0) {
    lines.push(`Inga HR-specialister i ${summary.configFile}: inbjudningarna har "Din HR-specialist" som avsändare.`);
  }
  for (const finding of summary.meetingFindings) lines.push(meetingFindingText(finding, summary.meetingsFile ?? '--meetings'));
  if (summary.managers === 0) lines.push('Inga chefer matchade urvalet: inga chefsunderlag skrevs.');
  lines.push(`Filerna finns i ${folder}`);
  return lines.join('\n');
}
