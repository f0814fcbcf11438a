// The routine's invitation mails (seed 000, Bilaga 1 and 2): the models and the variables the templates see
// (compiled in mailTemplates.ts). The model carries names, e-mail addresses, the period and a proposed meeting, never health data.
import type { Season } from '../core/routineCalendar.js';
import { toDayNumber } from '../core/calendarDate.js';
import { MONTH_NAMES, SEASON_DEFINITE_LABELS, WEEKDAY_NAMES } from './labels.js';

export type InvitationKind = 'bilaga1' | 'bilaga2';

export interface MailTemplateSources {
  subject: string;
  text: string;
  html: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailRecipient {
  name: string;
  email: string;
}

/** The signing person; null name → the routine's own signature ("Din HR-specialist", "Processledare rehabilitering"). */
export interface MailSender {
  name: string | null;
  email: string | null;
  phone?: string | null;
}

export interface ProposedMeeting {
  /** Local wall-clock time, 'YYYY-MM-DD HH:mm'; the meeting starts and ends on the same day. */
  start: string;
  end: string;
  /** Room or place; may be empty. */
  location: string;
}

export interface InvitationPeriod {
  season: Season;
  seasonYear: number;
}

interface InvitationCommon {
  sender: MailSender;
  period: InvitationPeriod;
  meeting?: ProposedMeeting | null;
  administrationName?: string | null;
}

/** Bilaga 1: HR-specialist → enhetschef. */
export interface FollowUpInvitation extends InvitationCommon {
  manager: MailRecipient;
  /**
   * Whether the manager has open rehab cases: the mail says "dina rehabiliteringsärenden" only then. No count and
   * nothing about a person (SPEC §6: no health data in a mail); the manager knows her own cases. Default true.
   */
  hasOpenCases?: boolean;
}

/** Bilaga 2: processledare rehabilitering → HR-specialist. */
export interface AnalysisInvitation extends InvitationCommon {
  hrSpecialist: MailRecipient;
}

/** The follow-up months of each season (seed 000, "Omfattning"), 1-based. */
const FOLLOW_UP_MONTHS: Record<Season, readonly [number, number]> = { spring: [2, 4], autumn: [8, 10] };

// Swedish variable names: the process leader edits the templates (templates/mail/README.md lists them).
interface PersonVariables {
  namn: string;
  /** The greeting's name ("Hej Karin,"): '' when only an e-mail address is known. */
  fornamn: string;
  epost: string;
}

interface ManagerVariables extends PersonVariables {
  harArenden: boolean;
}

interface SenderVariables {
  namn: string;
  epost: string;
  telefon: string;
}

interface PeriodVariables {
  namn: string;
  termin: string;
  ar: string;
  manader: string;
}

interface MeetingVariables {
  datum: string;
  tid: string;
  plats: string;
}

interface CommonVariables {
  avsandare: SenderVariables;
  period: PeriodVariables;
  mote: MeetingVariables | null;
  forvaltning: string;
}

export interface FollowUpVariables extends CommonVariables {
  chef: ManagerVariables;
}

export interface AnalysisVariables extends CommonVariables {
  hrspecialist: PersonVariables;
}

const RECIPIENT_VARIABLES: Record<InvitationKind, readonly string[]> = {
  bilaga1: ['chef.namn', 'chef.fornamn', 'chef.epost', 'chef.harArenden'],
  bilaga2: ['hrspecialist.namn', 'hrspecialist.fornamn', 'hrspecialist.epost'],
};

const COMMON_VARIABLES = [
  'avsandare.namn', 'avsandare.epost', 'avsandare.telefon',
  'period.namn', 'period.termin', 'period.ar', 'period.manader',
  'mote', 'mote.datum', 'mote.tid', 'mote.plats',
  'forvaltning', 'amne',
] as const;

/** Every name a template may use, as dotted paths (amne = the rendered subject, in text and html only). */
export function templateVariables(kind: InvitationKind): string[] {
  return [...RECIPIENT_VARIABLES[kind], ...COMMON_VARIABLES];
}

/** '09:00' → '09.00' (Swedish time notation). */
function swedishTime(hhmm: string): string {
  return hhmm.replace(':', '.');
}

/** '2027-02-16' → 'tisdag 16 februari 2027'. */
export function swedishLongDate(isoDate: string): string {
  // Day 0 (1970-01-01) was a Thursday (index 4).
  const weekday = WEEKDAY_NAMES[(((toDayNumber(isoDate) + 4) % 7) + 7) % 7]!;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${weekday} ${day} ${MONTH_NAMES[month - 1]!} ${year}`;
}

function meetingVariables(meeting: ProposedMeeting | null | undefined): MeetingVariables | null {
  if (!meeting) return null;
  const startDate = meeting.start.slice(0, 10);
  return {
    datum: swedishLongDate(startDate),
    tid: `${swedishTime(meeting.start.slice(11, 16))}–${swedishTime(meeting.end.slice(11, 16))}`,
    plats: meeting.location.trim(),
  };
}

function periodVariables(period: InvitationPeriod): PeriodVariables {
  const [firstMonth, lastMonth] = FOLLOW_UP_MONTHS[period.season];
  const termin = SEASON_DEFINITE_LABELS[period.season];
  return {
    namn: `${termin} ${period.seasonYear}`,
    termin,
    ar: String(period.seasonYear),
    manader: `${MONTH_NAMES[firstMonth - 1]!}–${MONTH_NAMES[lastMonth - 1]!}`,
  };
}

function commonVariables(model: InvitationCommon): CommonVariables {
  return {
    avsandare: {
      namn: model.sender.name?.trim() ?? '',
      epost: model.sender.email?.trim() ?? '',
      telefon: model.sender.phone?.trim() ?? '',
    },
    period: periodVariables(model.period),
    mote: meetingVariables(model.meeting),
    forvaltning: model.administrationName?.trim() ?? '',
  };
}

/** 'José Lindqvist-Åberg' → 'José' (Swedish mails greet by first name); '' for an e-mail address used as name. */
export function firstName(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  return first.includes('@') ? '' : first;
}

function personVariables(person: MailRecipient): PersonVariables {
  return { namn: person.name, fornamn: firstName(person.name), epost: person.email };
}

export function followUpVariables(model: FollowUpInvitation): FollowUpVariables {
  return { chef: { ...personVariables(model.manager), harArenden: model.hasOpenCases ?? true }, ...commonVariables(model) };
}

export function analysisVariables(model: AnalysisInvitation): AnalysisVariables {
  return { hrspecialist: personVariables(model.hrSpecialist), ...commonVariables(model) };
}

export interface MeetingRequestText {
  /** Short: the calendar shows it in a narrow box. */
  title: string;
  /** Short: the mail carries the whole invitation. */
  description: string;
}

/** Title and description of the .ics meeting request that goes with Bilaga 1. */
export function followUpMeetingText(model: Pick<FollowUpInvitation, 'period'>): MeetingRequestText {
  const period = periodVariables(model.period);
  return {
    title: `Rehabiliteringsuppföljning ${period.namn}`,
    description:
      `Rehabiliteringsuppföljning ${period.namn} med HR-specialist: nuläge, planering och behov av stöd i rehabiliteringsarbetet. ` +
      'Se inbjudan i e-post.',
  };
}

/** What the run says about the --meetings file (printed by the CLI; words in labels.ts). */
export type MeetingFinding =
  /** A row whose chef_epost is no manager in anstallda.csv: probably a typo; the row is not used. */
  | { code: 'meeting_without_manager'; line: number }
  /** Managers of the run without a row: their mail asks for a time later and no .ics is written. */
  | { code: 'managers_without_meeting'; count: number };

/**
 * Matches meeting rows to managers. knownManagers: every chef_epost of the data (lower-cased), so a row for a
 * manager left out by a filter (--chef, --hr) is no finding; managersInRun: the managers that get a mail.
 */
export function matchMeetings(
  meetings: readonly { managerEmail: string; line: number }[],
  knownManagers: ReadonlySet<string>,
  managersInRun: readonly string[],
): { findings: MeetingFinding[]; managersWithoutMeeting: string[] } {
  const findings: MeetingFinding[] = meetings
    .filter((meeting) => !knownManagers.has(meeting.managerEmail))
    .map((meeting) => ({ code: 'meeting_without_manager', line: meeting.line }));
  const withMeeting = new Set(meetings.map((meeting) => meeting.managerEmail));
  const managersWithoutMeeting = managersInRun.filter((email) => !withMeeting.has(email));
  if (meetings.length > 0 && managersWithoutMeeting.length > 0) findings.push({ code: 'managers_without_meeting', count: managersWithoutMeeting.length });
  return { findings, managersWithoutMeeting };
}
