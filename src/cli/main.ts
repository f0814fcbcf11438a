// The program: builds the commander program and maps errors to exit codes (SPEC §5).
import { Command, CommanderError } from 'commander';
import { ConfigError, EXIT, InputError, OutputError } from '../errors.js';
import { writeError, writeMessage } from '../write/output.js';
import { registerCalendar } from './calendar.js';
import { registerCommands } from './commands.js';
import { addSwedishHelp, canonicalFlags, suggestionText } from './help.js';
import { VERSION } from './version.js';


/** Commander speaks English; these are its usage errors in Swedish. */
const COMMANDER_MESSAGES: Record<string, (detail: string) => string> = {
  'commander.unknownOption': (detail) => `okänd flagga ${quoted(detail)}${suggestionText(detail) || '. Se rehab <kommando> --help.'}`,
  'commander.unknownCommand': (detail) => `okänt kommando ${quoted(detail)}${suggestionText(detail) || '. Se rehab --help.'}`,
  'commander.optionMissingArgument': (detail) => `flaggan ${quoted(detail)} saknar värde`,
  'commander.missingMandatoryOptionValue': (detail) => `flaggan ${quoted(detail)} måste anges`,
  'commander.missingArgument': (detail) => `argument saknas: ${quoted(detail)}`,
  'commander.excessArguments': () => 'för många argument. Se rehab --help.',
  'commander.invalidArgument': (detail) => `ogiltigt värde: ${detail}`,
};

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Gemensamma flaggor:',
};

function quoted(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? message;
}

export function buildProgram(): Command {
  const program = new Command('rehab')
    .description('Underlag för rehabiliteringsuppföljning ur Adato-exporter (sjukfrånvaro och rehabärenden).')
    .version(VERSION, '-V, --version', 'visa versionsnumret')
    .usage('[flaggor] [kommando]')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .option('--debug', 'visa tekniska detaljer vid oväntade fel')
    .option('-q, --quiet', 'ingen förloppsindikator (fel och sammanfattning visas ändå)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title, subcommandTerm: (command) => command.name() })
    .configureOutput({
      // Usage errors are printed in Swedish by run(); commander's own English text is dropped.
      outputError: () => undefined,
    });
  registerCalendar(program);
  registerCommands(program);
  for (const command of program.commands) {
    command
      .usage(['[flaggor]', ...command.registeredArguments.map((argument) => (argument.required ? `<${argument.name()}>` : `[${argument.name()}]`))].join(' '))
      .helpOption('-h, --help', 'visa hjälp')
      .configureHelp({
        styleTitle: (title) => HELP_TITLES[title] ?? title,
        // Commander would add "(choices: …)" in English.
        optionDescription: (option) => `${option.description}${option.argChoices ? ` (välj: ${option.argChoices.join(', ')})` : ''}`,
      })
      .exitOverride().configureOutput({ outputError: () => undefined });
    // A missing required flag is reported by the command's options step (src/cli/options.ts) together with every
    // other problem, instead of commander stopping at the first one.
    (command as unknown as { missingMandatoryOptionValue: () => void }).missingMandatoryOptionValue = () => undefined;
  }
  addSwedishHelp(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(canonicalFlags(argv), { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, debug);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    const translate = COMMANDER_MESSAGES[error.code];
    writeError(`rehab: ${translate ? translate(error.message) : error.message.replace(/^error: /, '')}`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    writeError('Indata är ogiltiga. Ingenting har skrivits.');
    for (const line of error.formatLines()) writeMessage(line);
    return EXIT.input;
  }
  if (error instanceof ConfigError) {
    // One line per problem: a command reports every problem of its options at once.
    for (const line of error.message.split('\n')) writeError(`rehab: ${line}`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    writeError(`rehab: ${error.message}`);
    return EXIT.output;
  }
  writeError('rehab: oväntat fel. Kör igen med --debug för tekniska detaljer och rapportera felet.');
  if (debug) writeMessage(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return EXIT.unexpected;
}
