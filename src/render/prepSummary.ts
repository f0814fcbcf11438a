// The one-screen Swedish summary of a prep run (stderr), or its JSON (stdout with --json). No names.
import type { DateRange, IsoDate } from '../core/calendarDate.js';

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
  const lines = [
    `Underlag för ${summary.period} (data ${summary.window.from} – ${summary.window.to}, per ${summary.asOf}).`,
    `  Chefer:               ${summary.managers}`,
    `  Öppna ärenden:        ${summary.openCases}, varav ${summary.casesWithGaps} med brister (${summary.gaps} brister), ${summary.needsSupport} behöver stöd`,
    `  Fördjupat stöd:       bör erbjudas ${summary.managersForDeeperSupport} chef${summary.managersForDeeperSupport === 1 ? '' : 'er'}`,
    `  Upprepad korttid:     ${summary.repeatedShortTermFindings} anställningar att uppmärksamma`,
    `  Filer:                ${summary.files.workbooks} arbetsböcker (Alt. 1), ${summary.files.managerDecks} bildspel (Alt. 2), ${summary.files.managementDecks} bildspel till ledningsgrupp, ${summary.files.mails} inbjudningar${summary.files.meetingRequests > 0 ? `, ${summary.files.meetingRequests} mötesbokningar` : ''}, manifest`,
  ];
  if (summary.warnings > 0) lines.push(`  Varningar i data:     ${summary.warnings} som rör dataperioden (rehab validate visar dem)`);
  if (summary.configFile === null) {
    lines.push('Ingen konfigurationsfil hittades: inbjudningarna har "Din HR-specialist" som avsändare och förvaltningens namn tas från data. Se README om rehab.config.json.');
  } else if (summary.hrSpecialistsConfigured === 0) {
    lines.push(`Inga HR-specialister i ${summary.configFile}: inbjudningarna har "Din HR-specialist" som avsändare.`);
  }
  if (summary.managers === 0) lines.push('Inga chefer matchade urvalet: inga chefsunderlag skrevs.');
  lines.push(`Filerna finns i ${folder}`);
  return lines.join('\n');
}
