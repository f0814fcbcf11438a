// rehab init: the starter folder's texts — a config with its reasons written beside the values, an example
// meetings file and a note for the export folder. JSON has no comments, so comments are `_`-keys that the
// config loader ignores (src/input/config.ts).
import type { IsoDate } from '../core/calendarDate.js';
import { addDays } from '../core/calendarDate.js';
import { DEFAULT_THRESHOLDS } from '../core/thresholds.js';

/** Where each threshold comes from: a law, the routine, or the tool's default that the förvaltning may change. */
const THRESHOLD_SOURCES: Record<string, [number, string]> = {
  korttidMaxDag: [DEFAULT_THRESHOLDS.shortTermMaxDay, 'Dag 1–14 räknas som korttidsfrånvaro, dag 15 och framåt som långtid (sjuklöneperioden, sjuklönelagen 7 §).'],
  langaPerioderDagar: [DEFAULT_THRESHOLDS.longSpellDays, 'Andel av sjukdagarna i perioder om minst 60 dagar (lagstadgad redovisning av sjukfrånvaro, LKBR).'],
  aterinsjuknandeDagar: [DEFAULT_THRESHOLDS.relapseGapDays, 'Högst 5 dagar mellan två sjukfall gör dem till en sjukperiod (återinsjuknande, sjuklönelagen 7 §).'],
  avvikelseProcentenheter: [DEFAULT_THRESHOLDS.deviationPp, 'En enhet avviker när den ligger minst så många procentenheter över förvaltningen (rehabs standard).'],
  upprepadKorttidPerioder: [DEFAULT_THRESHOLDS.repeatedShortTermPeriods, 'Upprepad korttidsfrånvaro: minst så många sjukperioder ... (vanlig praxis i kommunala rehabrutiner).'],
  upprepadKorttidManader: [DEFAULT_THRESHOLDS.repeatedShortTermMonths, '... som börjat under så många hela månader.'],
  lagstadgadGruppDoljsVidHogst: [DEFAULT_THRESHOLDS.statutoryGroupMaxSuppressed, 'Kön och åldersgrupper med högst 10 anställda redovisas inte (LKBR).'],
  lakarintygFranDag: [DEFAULT_THRESHOLDS.certificateFromDay, 'Läkarintyg krävs från dag 8 (sjuklönelagen 8 §).'],
  lakarintygUtgarInomDagar: [DEFAULT_THRESHOLDS.certificateExpiringDays, 'Ett läkarintyg som går ut inom så många dagar markeras "går snart ut" (rehabs standard).'],
  halsosamtalMaxAlderManader: [DEFAULT_THRESHOLDS.healthTalkMaxAgeMonths, 'Ett hälsosamtal äldre än så många månader räknas som inaktuellt (rutinen: genomfört hälsosamtal).'],
  planFranDag: [DEFAULT_THRESHOLDS.returnPlanDay, 'Plan för återgång i arbete senast dag 30 när sjukfrånvaron väntas pågå minst 60 dagar (socialförsäkringsbalken 30 kap. 6 §).'],
  planSenastDag: [DEFAULT_THRESHOLDS.returnPlanForcedDay, '... och från dag 60 i alla ärenden (rehabs standard).'],
  planMaxAlderDagar: [DEFAULT_THRESHOLDS.planMaxAgeDays, 'En plan som inte upprättats eller reviderats på så många dagar räknas som inaktuell (rutinen: kvalitativ och aktuell plan).'],
  aktivitetMaxAlderDagar: [DEFAULT_THRESHOLDS.activityMaxAgeDays, 'Ett ärende utan dokumentation på så många dagar räknas som inaktivt (rutinen: löpande dokumentation och aktivitet).'],
  fordjupatStodAndel: [DEFAULT_THRESHOLDS.deeperSupportShare, 'Fördjupat stöd föreslås när minst denna andel av chefens ärenden behöver stöd ... (rutinen: fördjupat stöd; andelen är rehabs standard).'],
  fordjupatStodArenden: [DEFAULT_THRESHOLDS.deeperSupportCases, '... eller minst så många ärenden.'],
  sjukfallUtanArendeFranDag: [DEFAULT_THRESHOLDS.sickLeaveWithoutCaseFromDay, 'Sjukfrånvaro utan öppet rehabärende listas från denna dag i sjukperioden (dag 15 = första dagen efter sjuklöneperioden).'],
};

/** The starter rehab.config.json: example people to replace, every threshold at its default with its source. */
export function starterConfig(): Record<string, unknown> {
  const thresholds: Record<string, unknown> = {};
  for (const [key, [value, source]] of Object.entries(THRESHOLD_SOURCES)) {
    thresholds[`_${key}`] = source;
    thresholds[key] = value;
  }
  return {
    _kommentar: [
      'Konfiguration för rehab. Nycklar som börjar med _ är kommentarer; rehab läser dem inte.',
      'Fyll i förvaltningens namn, processledaren och HR-specialisterna. Tröskelvärdena står på standardvärdena; ändra bara det förvaltningen har beslutat.',
      'Ta bort en nyckel (eller sätt _ framför den) så gäller standardvärdet.',
    ],
    _forvaltning: 'Förvaltningens namn, som det ska stå i bildspel och mejl.',
    forvaltning: 'Förvaltningen för … (fyll i)',
    _processledare: 'Processledare rehabilitering: avsändare av Bilaga 2 (inbjudan till analysmöte).',
    processledare: { namn: 'Förnamn Efternamn', epost: 'processledare@exempel.se' },
    _hrSpecialister:
      'En rad per HR-specialist: avsändare av Bilaga 1 till cheferna i sina verksamheter. Verksamheterna stavas som i kolumnen verksamhet i anstallda.csv (kör rehab stats --level verksamhet för att se dem). Tom lista = alla verksamheter.',
    hrSpecialister: [
      { namn: 'Förnamn Efternamn', epost: 'hr.specialist1@exempel.se', verksamheter: ['Verksamhet A', 'Verksamhet B'] },
      { namn: 'Förnamn Efternamn', epost: 'hr.specialist2@exempel.se', verksamheter: ['Verksamhet C'] },
    ],
    _minstaGruppstorlek: 'Grupper med färre anställda än så döljs i bildspelen till ledningsgrupp och analys, också när deras siffror annars kunde räknas fram (sjukfrånvaro är hälsouppgifter, GDPR art. 9).',
    minstaGruppstorlek: DEFAULT_THRESHOLDS.minGroupSize,
    _skyddMotInsyn: 'Varje enhetschef sitter i ledningsgruppen och känner sin egen enhet: med true döljs också det en chef skulle kunna räkna fram om andras små grupper ur sina egna siffror.',
    skyddMotInsyn: DEFAULT_THRESHOLDS.protectAgainstInsiders,
    troskelvarden: thresholds,
    _kolumner:
      'Har exporten andra kolumnrubriker, ange dem här per fil: { "anstallda": { "anstallnings_id": ["Anst.nr"] } }. Rubriker jämförs utan hänsyn till versaler, mellanslag, _ och å/ä/ö.',
    kolumner: { anstallda: {}, sjukfranvaro: {}, rehabarenden: {} },
  };
}

export function starterConfigText(): string {
  return `${JSON.stringify(starterConfig(), null, 2)}\n`;
}

/** An example meetings file: two follow-ups two weeks into the round, invented addresses to replace. */
export function exampleMeetingsCsv(roundStart: IsoDate): string {
  const day = addDays(roundStart, 14);
  const nextDay = addDays(roundStart, 15);
  return [
    'chef_epost;start;slut;plats',
    `forsta.chefen@exempel.se;${day} 09:00;${day} 10:30;Rum 1, Förvaltningshuset`,
    `andra.chefen@exempel.se;${nextDay} 13:00;${nextDay} 14:30;Digitalt möte (Teams)`,
    '',
  ].join('\r\n');
}

export const EXPORT_FOLDER_NOTE = [
  'Lägg exporterna från Adato här:',
  '',
  '  anstallda.csv      en rad per anställning och giltighetsperiod',
  '  sjukfranvaro.csv   en rad per sjukfrånvarosegment',
  '  rehabarenden.csv   en rad per rehabärende',
  '',
  'Kolumnerna beskrivs i README.md (avsnittet Indata) och i docs/specifikation.md.',
  'Kontrollera filerna med: rehab validate --data export',
  '',
  'Filerna innehåller hälsouppgifter: spara dem bara här, och radera dem när omgången är klar.',
  '',
].join('\r\n');

export interface InitResult {
  /** The folder as the user named it ('.' for the working folder). */
  folder: string;
  written: string[];
}

/** What to do next, in the order an HR specialist does it. */
export function initNextSteps(result: InitResult): string {
  const cd = result.folder === '.' ? [] : [`  0. Gå till mappen: cd "${result.folder}"`];
  return [
    `Klart: rehab init skrev ${result.written.length} filer i ${result.folder}.`,
    '',
    '  rehab.config.json     konfigurationen – fyll i den först',
    '  mallar/mail/          mejlen Bilaga 1 och 2 (ändra texten om ni vill)',
    '  mallar/ledningsgrupp/ årets tema och säsongsbilderna i bildspelet till ledningsgrupp',
    '  moten.exempel.csv     exempel på mötestider för mötesbokningar (.ics)',
    '  export/               lägg Adato-exporterna här',
    '',
    'Gör så här:',
    ...cd,
    '  1. Öppna rehab.config.json och fyll i förvaltningens namn, processledaren och HR-specialisterna',
    '     med deras verksamheter (stavade som i kolumnen verksamhet i anstallda.csv).',
    '  2. Lägg anstallda.csv, sjukfranvaro.csv och rehabarenden.csv från Adato i export/.',
    '  3. Kontrollera exporterna:      rehab validate --data export',
    '  4. Skriv årets tema i mallar/ledningsgrupp/01-tema.md.',
    '  5. Vill du ha mötesbokningar: byt namn på moten.exempel.csv till moten.csv och skriv in tiderna.',
    '  6. Ta fram underlaget:          rehab prep --data export --out underlag --templates mallar --meetings moten.csv',
    '     (utan moten.csv: utelämna --meetings). Se rehab calendar för vilken omgång datumet förbereder.',
  ].join('\n');
}
