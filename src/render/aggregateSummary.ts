// The Swedish summary of an aggregate run (stderr), or its JSON (stdout with --json). No names: managers without a
// workbook are named by their units, as prep names their folders.
import type { AggregateSummary } from '../plan/aggregatePlan.js';
import { decimalText, signedText } from './analysisTables.js';

type RunSummary = AggregateSummary & { folder: string; outputs: string[] };

export function aggregateSummaryJson(summary: RunSummary): object {
  return summary;
}

function percent(value: number | null): string {
  return value === null ? '–' : `${decimalText(value, 0)} %`;
}

export function aggregateSummaryText(summary: RunSummary): string {
  const goal =
    summary.goalShareChangePp !== null && summary.previousRound
      ? `${percent(summary.goalSharePct)} (${summary.previousRound}: ${percent(summary.previousGoalSharePct)}, ${signedText(summary.goalShareChangePp)} pe)`
      : percent(summary.goalSharePct);
  const lines = [
    `Analys för ${summary.period} (data ${summary.window.from} – ${summary.window.to}, ärenden per ${summary.asOf}).`,
    `  Arbetsböcker från HR: ${summary.workbooksRead} inlästa av ${summary.managers} chefer, ${summary.workbooksFilledIn} ifyllda`,
    `  Rutinens mål:         ${goal} av ${summary.openCases} öppna ärenden utan brister`,
    `  Fördjupat stöd:       ${summary.managersForDeeperSupport} chef${summary.managersForDeeperSupport === 1 ? '' : 'er'}, hänvisas till verksamhetschef`,
    `  Avvikande enheter:    ${summary.deviatingUnits}`,
    `  Filer:                bildspel och arbetsbok, ${summary.mails} inbjudningar (Bilaga 2)${summary.meetingRequests > 0 ? `, ${summary.meetingRequests} mötesbokningar` : ''}, manifest`,
  ];
  if (summary.deeperSupport.length > 0) {
    lines.push('Erbjud fördjupat stöd och hänvisa till verksamhetschefen (efter enhet; C = enligt checklistan, HR = HR:s bedömning):');
    for (const entry of summary.deeperSupport.slice(0, 20)) lines.push(`  ${entry.units} (${[entry.byChecklist ? 'C' : '', entry.byHr ? 'HR' : ''].filter(Boolean).join(', ')})`);
    if (summary.deeperSupport.length > 20) lines.push(`  … och ${summary.deeperSupport.length - 20} till (--json visar alla).`);
  }
  if (summary.managersWithoutWorkbook.length > 0) {
    const shown = summary.managersWithoutWorkbook.slice(0, 20);
    lines.push(`Arbetsbok saknas för ${summary.managersWithoutWorkbook.length} chef${summary.managersWithoutWorkbook.length === 1 ? '' : 'er'} (efter enhet):`);
    for (const label of shown) lines.push(`  ${label}`);
    if (summary.managersWithoutWorkbook.length > shown.length) lines.push(`  … och ${summary.managersWithoutWorkbook.length - shown.length} till.`);
  }
  if (summary.workbooksWithoutManager > 0) lines.push(`${summary.workbooksWithoutManager} arbetsböcker gäller chefer som inte längre finns i data; de räknas inte.`);
  if (summary.hrSpecialistsConfigured === 0) lines.push('Inga HR-specialister i konfigurationen: inga inbjudningar (Bilaga 2) skrevs.');
  if (!summary.processLeaderConfigured) lines.push('Ingen processledare i konfigurationen: inbjudningarna har "Processledare rehabilitering" som avsändare.');
  lines.push(`Filerna finns i ${summary.folder}`);
  return lines.join('\n');
}
