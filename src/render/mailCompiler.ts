// Bilaga 1 and 2 as Handlebars templates: compiled once per run, every variable checked against the list the
// templates may use (templates/mail/README.md). Kept apart from invitationMail.ts so that only the commands that
// write mail load Handlebars.
import Handlebars from 'handlebars';
import { ConfigError } from '../errors.js';
import {
  analysisVariables,
  followUpVariables,
  templateVariables,
  type AnalysisInvitation,
  type FollowUpInvitation,
  type InvitationKind,
  type MailTemplateSources,
  type RenderedMail,
} from './invitationMail.js';

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

type AstNode = { type?: string; [key: string]: unknown };

/** Every variable path a template reads (helper names left out), e.g. 'chef.namn'. */
function usedPaths(program: hbs.AST.Program): string[] {
  const paths: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const current = node as AstNode;
    if (current.type === 'PathExpression') {
      const path = current as unknown as hbs.AST.PathExpression;
      if (!path.data && path.parts.length > 0) paths.push(path.parts.join('.'));
      return;
    }
    if (current.type === 'MustacheStatement' || current.type === 'BlockStatement' || current.type === 'SubExpression') {
      const call = current as unknown as hbs.AST.MustacheStatement;
      const isHelperCall = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
      const name = call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : '';
      if (!isHelperCall && !BUILT_IN_HELPERS.has(name)) visit(call.path);
      visit(call.params);
      visit(call.hash);
      visit(current['program']);
      visit(current['inverse']);
      return;
    }
    for (const [key, value] of Object.entries(current)) if (key !== 'loc') visit(value);
  };
  visit(program);
  return paths;
}

type Part = keyof MailTemplateSources;

function compilePart(kind: InvitationKind, part: Part, source: string): (variables: object) => string {
  const fileName = `mail/${kind}.${part}.hbs`;
  // Tails count too ('datum' of 'mote.datum') so {{#with mote}}{{datum}}{{/with}} passes; strict mode catches misplaced ones.
  const known = new Set(
    templateVariables(kind)
      .filter((name) => part !== 'subject' || name !== 'amne')
      .flatMap((name) => name.split('.').map((_, index, parts) => parts.slice(index).join('.'))),
  );
  const handlebars = Handlebars.create();
  let program: hbs.AST.Program;
  try {
    program = handlebars.parse(source);
  } catch (error) {
    throw new ConfigError(`Mallen ${fileName} har ett syntaxfel: ${(error as Error).message.split('\n')[0]}`, '--templates');
  }
  const unknown = usedPaths(program).filter((path) => !known.has(path));
  if (unknown.length > 0) {
    const list = [...new Set(unknown)].map((path) => `{{${path}}}`).join(', ');
    throw new ConfigError(`Mallen ${fileName} använder okända variabler: ${list}. Se templates/mail/README.md.`, '--templates');
  }
  // Plain text and subject must not be HTML-escaped (STYLE.md); the HTML part escapes as usual.
  const template = handlebars.compile(program, { noEscape: part !== 'html', strict: true });
  return (variables: object) => {
    try {
      return template(variables);
    } catch (error) {
      throw new ConfigError(`Mallen ${fileName} kan inte fyllas i: ${(error as Error).message.split('\n')[0]}. Se templates/mail/README.md.`, '--templates');
    }
  };
}

function normalizeText(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export interface InvitationMailTemplates {
  followUp(model: FollowUpInvitation): RenderedMail;
  analysis(model: AnalysisInvitation): RenderedMail;
}

function compileKind(kind: InvitationKind, sources: MailTemplateSources): (variables: object) => RenderedMail {
  const subject = compilePart(kind, 'subject', sources.subject);
  const text = compilePart(kind, 'text', sources.text);
  const html = compilePart(kind, 'html', sources.html);
  return (variables) => {
    const renderedSubject = subject(variables).replace(/\s+/g, ' ').trim();
    const withSubject = { ...variables, amne: renderedSubject };
    return { subject: renderedSubject, text: normalizeText(text(withSubject)), html: normalizeText(html(withSubject)) };
  };
}

/** Compiles Bilaga 1 once (throws ConfigError naming the template file on a syntax error or an unknown variable). */
export function compileFollowUpMail(sources: MailTemplateSources): (model: FollowUpInvitation) => RenderedMail {
  const render = compileKind('bilaga1', sources);
  return (model) => render(followUpVariables(model));
}

/** Compiles Bilaga 2 once; errors as compileFollowUpMail. */
export function compileAnalysisMail(sources: MailTemplateSources): (model: AnalysisInvitation) => RenderedMail {
  const render = compileKind('bilaga2', sources);
  return (model) => render(analysisVariables(model));
}

/** Both mails; checks every template up front. */
export function compileInvitationMails(sources: Record<InvitationKind, MailTemplateSources>): InvitationMailTemplates {
  return { followUp: compileFollowUpMail(sources.bilaga1), analysis: compileAnalysisMail(sources.bilaga2) };
}
