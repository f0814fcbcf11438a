// Bilaga 2 (seed 000): the process leader's invitation to each HR specialist to the analysis meeting. Names, addresses,
// the period and a proposed time only — never health data (SPEC §6).
import type { Season } from '../core/routineCalendar.js';
import { fileNameSegment } from './prepFiles.js';
import type { MailRecipient, ProposedMeeting, RenderedMail, AnalysisInvitation } from './invitationMail.js';

export interface AnalysisMailInput {
  hrSpecialist: MailRecipient & { operations: string[] };
  processLeader: { name: string; email: string } | null;
  period: { season: Season; seasonYear: number };
  meeting: ProposedMeeting | null;
  administrationName: string | null;
}

/** Sender when no process leader is configured: Outlook replaces it with the account that sends the draft. */
export const PLACEHOLDER_PROCESS_LEADER = { name: 'Processledare rehabilitering', email: 'processledare@example.invalid' };

export function analysisInvitation(input: AnalysisMailInput): AnalysisInvitation {
  return {
    hrSpecialist: { name: input.hrSpecialist.name, email: input.hrSpecialist.email },
    sender: { name: input.processLeader?.name ?? null, email: input.processLeader?.email ?? null },
    period: input.period,
    meeting: input.meeting,
    administrationName: input.administrationName,
  };
}

/**
 * File name of one HR specialist's invitation: numbered in config order and named after the verksamheter covered,
 * not the person, so listings and the manifest carry no name (the recipient is in the mail itself).
 */
export function analysisMailFileName(index: number, operations: readonly string[]): string {
  const covers = operations.length === 0 ? 'alla verksamheter' : operations.length === 1 ? operations[0]! : `${operations[0]} + ${operations.length - 1} ${operations.length === 2 ? 'verksamhet' : 'verksamheter'}`;
  return fileNameSegment(`Bilaga 2 – Inbjudan till analys ${index + 1} (${covers})`);
}

export type { RenderedMail };
