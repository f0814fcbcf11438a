// rehab init [MAPP]: a starter folder for a new förvaltning — config, editable templates, an example meetings
// file and a folder for the exports — then, in Swedish, what to fill in next.
import type { Command } from 'commander';
import { routineRound } from '../core/routineCalendar.js';
import { listBundledTemplates, readTemplate } from '../input/templateFiles.js';
import { EXPORT_FOLDER_NOTE, exampleMeetingsCsv, initNextSteps, starterConfigText } from '../render/starterKit.js';
import { writeJson, writeMessage } from '../write/output.js';
import { writeStarterFolder, type StarterFile } from '../write/starterFolder.js';
import { today } from './common.js';

/** The folder the templates are copied to; `rehab prep --templates mallar` reads them back. */
export const STARTER_TEMPLATES_FOLDER = 'mallar';

export function registerInit(program: Command): void {
  program
    .command('init')
    .argument('[mapp]', 'mappen som startfilerna skrivs i (skapas vid behov)', '.')
    .description('skapa en startmapp: konfiguration, mallar att redigera, exempel på mötestider och en mapp för exporterna')
    .option('--force', 'skriv över startfiler som redan finns (ändringar i dem försvinner)')
    .option('--json', 'skriv en lista över filerna som JSON på standard ut')
    .action((folder: string, options: { force?: boolean; json?: boolean }) => {
      const templates = listBundledTemplates().map((path): StarterFile => ({ path: `${STARTER_TEMPLATES_FOLDER}/${path}`, content: readTemplate(path) }));
      const files: StarterFile[] = [
        { path: 'rehab.config.json', content: starterConfigText() },
        ...templates,
        { path: 'moten.exempel.csv', content: exampleMeetingsCsv(routineRound(today()).start) },
        { path: 'export/LÄS MIG.txt', content: EXPORT_FOLDER_NOTE },
      ];
      const written = writeStarterFolder(folder, files, { force: options.force === true });
      if (options.json) writeJson({ folder, written });
      else writeMessage(initNextSteps({ folder, written }));
    });
}
