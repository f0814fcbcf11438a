import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { BUNDLED_TEMPLATES_DIR } from '../../src/input/templateFiles.js';
import { readMailTemplates } from '../../src/input/mailTemplates.js';
import { compileInvitationMails } from '../../src/render/mailCompiler.js';
import {
  analysisVariables,
  followUpMeetingText,
  followUpVariables,
  swedishLongDate,
  templateVariables,
  type AnalysisInvitation,
  type FollowUpInvitation,
} from '../../src/render/invitationMail.js';

// The routine's own sentences (seed 000, Bilaga 1 and 2), copied word for word.
const BILAGA1_SENTENCES = [
  'Som en del av förvaltningens arbete för att minska sjukfrånvaron och främja en hållbar arbetsförmåga genomför vi systematiska rehabiliteringsuppföljningar två gånger per år, under perioderna februari–april och augusti–oktober.',
  'Rehabiliteringsuppföljningen är ett stöd för dig som chef i rehabiliteringsarbetet och syftar till att skapa en tydlig och framåtblickande planering för pågående ärenden.',
  'Inför mötet går jag igenom dina rehabiliteringsärenden i Adato för att kunna ge ett så relevant och samlat stöd som möjligt.',
  'Under mötet går vi gemensamt igenom ärendena och diskuterar nuläge, planering och eventuella behov av fortsatt stöd.',
  'Uppföljningen utgör även ett underlag till den övergripande analys som processledare rehabilitering sammanställer och som förvaltningsledningen tar del av två gånger per år.',
  'Vänliga hälsningar,',
];
/** The routine's sentence about the booking: only when a time is proposed (it speaks of "den föreslagna tiden"). */
const BOOKING_SENTENCE = 'Jag skickar en mötesbokning i Outlook. Om den föreslagna tiden inte passar, återkom gärna med förslag på annan tid.';
const BILAGA2_SENTENCES = [
  'Som en del av vårt gemensamma arbete med att minska sjukfrånvaron och stärka rehabiliteringsprocessen genomförs en analys av rehabiliteringsuppföljningarna två gånger per år, under perioderna februari–april och augusti–oktober.',
  'Analysen syftar till att synliggöra rehabiliteringsarbetet, identifiera behov och skapa underlag för fortsatt utveckling och stöd till verksamheten.',
  'I samband med detta går vi gemensamt igenom dina reflektioner från genomförda uppföljningar. Ingen ytterligare förberedelse krävs inför mötet.',
  'Jag skickar en mötesbokning i Outlook. Återkom gärna om tiden inte passar.',
  'Vänliga hälsningar,',
];

const mails = compileInvitationMails(readMailTemplates());

const followUp: FollowUpInvitation = {
  manager: { name: 'Karin Lindqvist', email: 'karin.lindqvist@kommun.example' },
  sender: { name: 'Sara Holm', email: 'sara.holm@kommun.example', phone: null },
  period: { season: 'spring', seasonYear: 2027 },
  meeting: { start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: 'Rum Ekorren' },
};

const analysis: AnalysisInvitation = {
  hrSpecialist: { name: 'Anders Berg', email: 'anders.berg@kommun.example' },
  sender: { name: 'Lena Åberg', email: 'lena.aberg@kommun.example' },
  period: { season: 'autumn', seasonYear: 2027 },
};

/** The HTML's visible text: tags dropped, entities decoded, whitespace collapsed. */
function htmlText(html: string): string {
  return html
    .replace(/<br>\s*/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

describe('Bilaga 1: HR-specialist → enhetschef', () => {
  const mail = mails.followUp(followUp);

  it('subject names the period', () => {
    expect(mail.subject).toBe('Inbjudan till rehabiliteringsuppföljning våren 2027');
  });

  it('text keeps every sentence of the routine verbatim and fills in first name, period, meeting and signature', () => {
    for (const sentence of [...BILAGA1_SENTENCES, BOOKING_SENTENCE]) expect(mail.text).toContain(sentence);
    expect(mail.text.startsWith('Hej Karin,\n\n')).toBe(true);
    // The time comes first, before the routine's text; 2027-02-16: 2027-01-01 is a Friday, 1 Feb a Monday (31 days later), 16 Feb a Tuesday.
    expect(mail.text).toContain('Hej Karin,\n\nJag vill boka in vår rehabiliteringsuppföljning våren 2027: tisdag 16 februari 2027 kl. 09.00–10.00, Rum Ekorren. ' + BOOKING_SENTENCE);
    // The follow-up months are named once.
    expect(mail.text.split('februari–april')).toHaveLength(2);
    expect(mail.text).toContain('Inför mötet ber jag dig se över att dokumentationen i Adato är uppdaterad i dina ärenden: läkarintyg, hälsosamtal, plan för återgång i arbete och senaste aktivitet.');
    expect(mail.text.endsWith('Vänliga hälsningar,\nSara Holm\nHR-specialist\nsara.holm@kommun.example\n')).toBe(true);
    expect(mail.text).not.toContain('Din HR-specialist');
    expect(mail.text).not.toMatch(/[<>]|\{\{/);
    expect(mail.text).not.toMatch(/\n{3}/);
  });

  it('html has the same sentences in paragraphs', () => {
    const visible = htmlText(mail.html);
    for (const sentence of [...BILAGA1_SENTENCES, BOOKING_SENTENCE]) expect(visible).toContain(sentence);
    expect(mail.html).toContain('<p>Hej Karin,</p>');
    expect(mail.html).toContain('<strong>tisdag 16 februari 2027 kl. 09.00–10.00, Rum Ekorren</strong>');
    expect(mail.html).toContain('<title>Inbjudan till rehabiliteringsuppföljning våren 2027</title>');
    expect(mail.html).toContain('<a href="mailto:sara.holm@kommun.example">sara.holm@kommun.example</a>');
    expect(mail.html).not.toMatch(/<img|\{\{/);
  });

  it('without a meeting no "proposed time" is spoken of, and without a sender name the routine signs "Din HR-specialist"', () => {
    const plain = mails.followUp({ ...followUp, meeting: null, sender: { name: null, email: null } });
    expect(plain.text).not.toContain('föreslagna tiden');
    expect(plain.text).toContain('Nu är det dags för uppföljningen våren 2027.');
    expect(plain.text).toContain('Jag återkommer med förslag på tid och skickar då en mötesbokning i Outlook.\n\nVänliga hälsningar,');
    expect(plain.text.split('februari–april')).toHaveLength(2);
    expect(plain.text.endsWith('Vänliga hälsningar,\nDin HR-specialist\n')).toBe(true);
    expect(plain.html).toContain('<p>Vänliga hälsningar,<br>\nDin HR-specialist\n</p>');
    expect(plain.html).not.toContain('mailto:');
  });

  it('a manager without open cases is not told about "dina rehabiliteringsärenden"', () => {
    const none = mails.followUp({ ...followUp, hasOpenCases: false });
    for (const text of [none.text, htmlText(none.html)]) {
      expect(text).not.toContain('dina rehabiliteringsärenden');
      expect(text).not.toContain('igenom ärendena');
      expect(text).toContain('Just nu finns inga öppna rehabiliteringsärenden hos dig i Adato');
      expect(text).toContain('Inför mötet ber jag dig se över att sjukfrånvaron i Adato är aktuell');
    }
  });

  it('greets by first name; a double surname stays out, an e-mail address as name gives a plain "Hej,"', () => {
    expect(mails.followUp({ ...followUp, manager: { name: 'José Lindqvist-Åberg', email: 'j@k.se' } }).text.startsWith('Hej José,\n')).toBe(true);
    expect(mails.followUp({ ...followUp, manager: { name: 'j@k.se', email: 'j@k.se' } }).text.startsWith('Hej,\n')).toBe(true);
  });

  it('a configured phone number is signed below the address', () => {
    const withPhone = mails.followUp({ ...followUp, sender: { ...followUp.sender, phone: '031-123 45 67' } });
    expect(withPhone.text.endsWith('HR-specialist\nsara.holm@kommun.example\nTelefon: 031-123 45 67\n')).toBe(true);
    expect(withPhone.html).toContain('<br>Telefon: 031-123 45 67');
  });

  it('a meeting without a place leaves out the comma; autumn names the autumn round', () => {
    const autumn = mails.followUp({
      ...followUp,
      period: { season: 'autumn', seasonYear: 2027 },
      meeting: { start: '2027-09-14 13:30', end: '2027-09-14 14:15', location: '  ' },
    });
    expect(autumn.subject).toBe('Inbjudan till rehabiliteringsuppföljning hösten 2027');
    // 2027-09-14: 1 Sep is 243 days after 1 Jan (243 mod 7 = 5, Fri + 5 = Wed), 14 Sep a Tuesday.
    expect(autumn.text).toContain('rehabiliteringsuppföljning hösten 2027: tisdag 14 september 2027 kl. 13.30–14.15. Jag skickar');
  });

  it('HTML escapes a name; the text part and the subject do not', () => {
    const tricky = mails.followUp({ ...followUp, manager: { name: "Ö'Brien <x>", email: 'obrien@kommun.example' }, meeting: { ...followUp.meeting!, location: 'Rum "A & B"' } });
    expect(tricky.text).toContain("Hej Ö'Brien,");
    expect(tricky.text).toContain('Rum "A & B"');
    expect(tricky.html).toContain('<p>Hej Ö&#x27;Brien,</p>');
    expect(tricky.html).toContain('Rum &quot;A &amp; B&quot;');
    expect(tricky.html).not.toContain('<x>');
  });

  it('the meeting request has a short title and a short description, not the whole mail', () => {
    const text = followUpMeetingText(followUp);
    expect(text.title).toBe('Rehabiliteringsuppföljning våren 2027');
    expect(text.description.length).toBeLessThan(200);
    expect(text.description).toContain('Se inbjudan i e-post.');
  });
});

describe('Bilaga 2: processledare → HR-specialist', () => {
  const mail = mails.analysis(analysis);

  it('keeps the routine verbatim and fills in name, period and signature', () => {
    expect(mail.subject).toBe('Analys av rehabiliteringsuppföljningarna hösten 2027');
    for (const sentence of BILAGA2_SENTENCES) expect(mail.text).toContain(sentence);
    for (const sentence of BILAGA2_SENTENCES) expect(htmlText(mail.html)).toContain(sentence);
    expect(mail.text.startsWith('Hej Anders Berg,\n\n')).toBe(true);
    expect(mail.text).toContain('Nu är det dags för analysen av rehabiliteringsuppföljningarna hösten 2027, som genomfördes under augusti–oktober.');
    expect(mail.text).not.toContain('Föreslagen tid');
    expect(mail.text.endsWith('Vänliga hälsningar,\nLena Åberg\nProcessledare rehabilitering\nlena.aberg@kommun.example\n')).toBe(true);
  });

  it('falls back to the routine signature without a configured process leader', () => {
    const plain = mails.analysis({ ...analysis, sender: { name: null, email: null } });
    expect(plain.text.endsWith('Vänliga hälsningar,\nProcessledare rehabilitering\n')).toBe(true);
  });

  it('proposes the meeting when given', () => {
    const withMeeting = mails.analysis({ ...analysis, meeting: { start: '2027-11-09 10:00', end: '2027-11-09 11:30', location: 'Stora salen' } });
    // 2027-11-09: 1 Nov is 304 days after 1 Jan (304 mod 7 = 3, Fri + 3 = Mon), 9 Nov a Tuesday.
    expect(withMeeting.text).toContain('Återkom gärna om tiden inte passar.\nFöreslagen tid: tisdag 9 november 2027 kl. 10.00–11.30, Stora salen\n');
  });
});

describe('template variables', () => {
  const flatten = (value: object, prefix = ''): string[] =>
    Object.entries(value).flatMap(([key, inner]) =>
      inner !== null && typeof inner === 'object' ? [`${prefix}${key}`, ...flatten(inner as object, `${prefix}${key}.`)] : [`${prefix}${key}`],
    );

  it('the model offers names, addresses, period and meeting only (no health data)', () => {
    const followUpKeys = flatten(followUpVariables(followUp)).filter((key) => !['chef', 'avsandare', 'period'].includes(key));
    expect(followUpKeys.sort()).toEqual(templateVariables('bilaga1').filter((name) => name !== 'amne').sort());
    const analysisKeys = flatten(analysisVariables({ ...analysis, meeting: followUp.meeting })).filter(
      (key) => !['hrspecialist', 'avsandare', 'period'].includes(key),
    );
    expect(analysisKeys.sort()).toEqual(templateVariables('bilaga2').filter((name) => name !== 'amne').sort());
  });

  it('README.md documents exactly the variables there are', () => {
    const readme = readFileSync(join(BUNDLED_TEMPLATES_DIR, 'mail', 'README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `\{\{([A-Za-z.]+)\}\}`/gm)].map((match) => match[1]));
    const all = new Set([...templateVariables('bilaga1'), ...templateVariables('bilaga2')]);
    expect([...documented].sort()).toEqual([...all].sort());
  });

  it('swedishLongDate names the weekday', () => {
    expect(swedishLongDate('1970-01-01')).toBe('torsdag 1 januari 1970');
    expect(swedishLongDate('2024-02-29')).toBe('torsdag 29 februari 2024');
    expect(swedishLongDate('2027-10-31')).toBe('söndag 31 oktober 2027');
  });
});

describe('template overrides and errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rehab-mail-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--templates DIR replaces only the files it has', () => {
    mkdirSync(join(dir, 'ok', 'mail'), { recursive: true });
    writeFileSync(join(dir, 'ok', 'mail', 'bilaga1.subject.hbs'), '\uFEFFRehabuppföljning {{period.namn}} – {{chef.namn}}\n');
    const sources = readMailTemplates(join(dir, 'ok'));
    const mail = compileInvitationMails(sources).followUp(followUp);
    expect(mail.subject).toBe('Rehabuppföljning våren 2027 – Karin Lindqvist');
    expect(mail.text).toContain(BILAGA1_SENTENCES[0]);
    expect(sources.bilaga2).toEqual(readMailTemplates().bilaga2);
  });

  it('an unknown (misspelt) variable stops with a Swedish message naming the file', () => {
    const sources = readMailTemplates();
    const broken = { ...sources, bilaga1: { ...sources.bilaga1, text: 'Hej {{chef.nman}},\n{{#if moten}}x{{/if}}' } };
    expect(() => compileInvitationMails(broken)).toThrow(ConfigError);
    expect(() => compileInvitationMails(broken)).toThrow(
      'Mallen mail/bilaga1.text.hbs använder okända variabler: {{chef.nman}}, {{moten}}. Se templates/mail/README.md.',
    );
  });

  it('a variable of the other mail is unknown too, and amne is unknown in the subject', () => {
    const sources = readMailTemplates();
    expect(() => compileInvitationMails({ ...sources, bilaga2: { ...sources.bilaga2, text: '{{chef.namn}}' } })).toThrow(
      'Mallen mail/bilaga2.text.hbs använder okända variabler: {{chef.namn}}.',
    );
    expect(() => compileInvitationMails({ ...sources, bilaga1: { ...sources.bilaga1, subject: '{{amne}}' } })).toThrow(
      'Mallen mail/bilaga1.subject.hbs använder okända variabler: {{amne}}.',
    );
  });

  it('a syntax error is a ConfigError naming the file', () => {
    const sources = readMailTemplates();
    const broken = { ...sources, bilaga2: { ...sources.bilaga2, html: '<p>{{#if mote}}x</p>' } };
    expect(() => compileInvitationMails(broken)).toThrow(/^Mallen mail\/bilaga2\.html\.hbs har ett syntaxfel: /);
  });

  it('a known name used in the wrong place fails when filled in (strict mode)', () => {
    const sources = readMailTemplates();
    const misplaced = compileInvitationMails({ ...sources, bilaga1: { ...sources.bilaga1, text: 'Hej {{namn}}' } });
    expect(() => misplaced.followUp(followUp)).toThrow(/^Mallen mail\/bilaga1\.text\.hbs kan inte fyllas i: "namn" not defined/);
    const withBlock = compileInvitationMails({ ...sources, bilaga1: { ...sources.bilaga1, text: '{{#with mote}}{{datum}}{{/with}}' } });
    expect(withBlock.followUp(followUp).text).toBe('tisdag 16 februari 2027\n');
  });
});
