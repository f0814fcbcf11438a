// The six invitation-mail templates (templates/mail/); --templates DIR overrides any of them file by file.
import { readTemplate } from './templateFiles.js';

export type MailTemplateKind = 'bilaga1' | 'bilaga2';

/** Handlebars source text of one mail (the shape render/invitationMail.ts compiles). */
export interface MailTemplateTexts {
  subject: string;
  text: string;
  html: string;
}

const KINDS: readonly MailTemplateKind[] = ['bilaga1', 'bilaga2'];

export function mailTemplatePath(kind: MailTemplateKind, part: keyof MailTemplateTexts): string {
  return `mail/${kind}.${part}.hbs`;
}

function readMail(kind: MailTemplateKind, overrideDir: string | undefined): MailTemplateTexts {
  return {
    subject: readTemplate(mailTemplatePath(kind, 'subject'), overrideDir),
    text: readTemplate(mailTemplatePath(kind, 'text'), overrideDir),
    html: readTemplate(mailTemplatePath(kind, 'html'), overrideDir),
  };
}

export function readMailTemplates(overrideDir?: string): Record<MailTemplateKind, MailTemplateTexts> {
  const [bilaga1, bilaga2] = KINDS.map((kind) => readMail(kind, overrideDir)) as [MailTemplateTexts, MailTemplateTexts];
  return { bilaga1, bilaga2 };
}
