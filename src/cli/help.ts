// Help and mistakes in Swedish: examples under every command's --help, "menade du …?" for a mistyped command
// or flag, and the old Swedish flag names kept as aliases of the English ones (flags are English, like the
// SPEC's --as-of, --data, --json; everything a user reads is Swedish).
import type { Command } from 'commander';

/** Old flag → its name now. Rewritten before commander parses, so scripts written for 0.1 keep working. */
export const FLAG_ALIASES: Readonly<Record<string, string>> = {
  '--ersatt': '--replace',
  '--verksamhet': '--operation',
  '--chef': '--manager',
  '--foregaende': '--previous',
};

/** argv with every old flag name replaced (also `--chef=x`); nothing after a `--` terminator is touched. */
export function canonicalFlags(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((token, index) => {
    if (end !== -1 && index >= end) return token;
    const [name, ...value] = token.split('=');
    const canonical = FLAG_ALIASES[name!];
    if (canonical === undefined) return token;
    return value.length > 0 ? `${canonical}=${value.join('=')}` : canonical;
  });
}

/** Commander's "(Did you mean prep?)" after an unknown command or flag, in Swedish; '' when there is none. */
export function suggestionText(commanderMessage: string): string {
  const match = /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(commanderMessage);
  return match ? ` – menade du ${match[1]!.trim()}?` : '';
}

/** Examples shown under each command's --help: [command line, what it does]. */
export const COMMAND_EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  init: [
    ['rehab init', 'startfiler i arbetsmappen: konfiguration, mallar, exempel på mötestider, mapp för exporter'],
    ['rehab init C:\\rehab\\2027', 'startfiler i en ny mapp'],
  ],
  calendar: [
    ['rehab calendar', 'fas, omgång och dataperiod i dag'],
    ['rehab calendar --as-of 2027-06-15', 'i juni: höstens omgång och dess dataperiod (feb–jul)'],
    ['rehab calendar --format json', 'för ett schemalagt jobb'],
  ],
  validate: [
    ['rehab validate --data export', 'kontrollera exporterna innan något tas fram'],
    ['rehab validate --data export --format json', 'resultatet som JSON (för ett schemalagt jobb)'],
  ],
  stats: [
    ['rehab stats --data export --level verksamhet', 'kort- och långtidsfrånvaro per verksamhet, jämfört med förvaltningen'],
    ['rehab stats --data export --as-of 2027-02-01 --format csv > franvaro.csv', 'alla nivåer som CSV för Excel'],
  ],
  cases: [
    ['rehab cases --data export', 'alla öppna ärenden mot rutinens checklista'],
    ['rehab cases --data export --manager anna.berg@kommun.se', 'bara en chefs ärenden'],
  ],
  prep: [
    ['rehab prep --data export --out underlag', 'allt underlag för omgången, i underlag/2027-vår/'],
    ['rehab prep --data export --out underlag --hr "Ebba Olsson" --meetings moten.csv --templates mallar', 'bara Ebbas chefer, med mötesbokningar och egna mallar'],
    ['rehab prep --data export --out underlag --as-of 2027-08-01 --replace', 'höstens omgång; ersätt en tidigare körning'],
  ],
  aggregate: [
    ['rehab aggregate --data export --workbooks underlag/2027-vår --out underlag', 'analysen i maj ur exporterna och HR:s ifyllda arbetsböcker'],
    ['rehab aggregate --data export --workbooks underlag/2027-vår --out underlag --previous "underlag/2026-höst analys" --meetings analysmoten.csv', 'jämfört med förra omgången, med mötesbokningar till HR (Bilaga 2)'],
  ],
};

const PROGRAM_HELP = `
Kom igång:
  rehab init                               skapa startfiler (konfiguration, mallar) i arbetsmappen
  rehab validate --data export             kontrollera exporterna från Adato
  rehab prep --data export --out underlag  ta fram omgångens underlag

Slutkoder: 0 klart, 1 oväntat fel, 2 fel i flaggor eller konfiguration, 3 ogiltiga indata
(ingenting skrivet), 4 utdata kan inte skrivas. Gamla flaggnamn fungerar fortfarande:
${Object.entries(FLAG_ALIASES).map(([old, now]) => `${old} = ${now}`).join(', ')}.`;

/** Adds the Swedish examples to every command and the getting-started text to the program. */
export function addSwedishHelp(program: Command): void {
  program.addHelpText('after', PROGRAM_HELP);
  for (const command of program.commands) {
    const examples = COMMAND_EXAMPLES[command.name()];
    if (!examples) continue;
    const width = Math.max(0, ...examples.map(([line]) => line.length).filter((length) => length <= 60));
    const lines = examples.map(([line, what]) => (line.length > 60 ? `  ${line}\n      ${what}` : `  ${line.padEnd(width)}  ${what}`));
    command.addHelpText('after', `\nExempel:\n${lines.join('\n')}`);
  }
}
