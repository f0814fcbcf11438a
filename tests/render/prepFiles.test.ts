import { describe, expect, it } from 'vitest';
import type { UnitFigures } from '../../src/core/absenceFigures.js';
import type { ManagerScope } from '../../src/core/followUpScope.js';
import { MAX_SEGMENT_LENGTH, RunFileNames, fileNameSegment } from '../../src/render/prepFiles.js';

function manager(name: string, email: string, unitIds: string[] = ['E1']): ManagerScope {
  return { name, email, unitIds, operations: ['Boende'], hrSpecialist: null };
}

const units = [{ id: 'E1', name: 'Gruppbostad Almen' }, { id: 'E2', name: 'Servicebostad Eken' }] as unknown as UnitFigures[];

/** Windows refuses these anywhere in a name (Naming Files, Paths, and Namespaces). */
// eslint-disable-next-line no-control-regex -- control characters are part of what Windows forbids
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;

describe('fileNameSegment: one name function for every file and folder', () => {
  it('replaces characters Windows and macOS forbid, and turns control characters into spaces', () => {
    expect(fileNameSegment('a/b\\c:d*e?f"g<h>i|j', 'txt')).toBe('a-b-c-d-e-f-g-h-i-j.txt');
    // \x0b (Excel's line break in a cell) and tab are white space; \x01 is a plain control character.
    expect(fileNameSegment('Anna\u000bSvensson\tLund\u0001x')).toBe('Anna Svensson Lund-x');
  });

  it('avoids the names Windows reserves for devices, with or without an extension, in any case', () => {
    expect(fileNameSegment('CON')).toBe('CON_');
    expect(fileNameSegment('nul', 'txt')).toBe('nul_.txt');
    expect(fileNameSegment('NUL.txt')).toBe('NUL_.txt');
    expect(fileNameSegment('aux.tar', 'gz')).toBe('aux_.tar.gz');
    expect(fileNameSegment('Lpt1')).toBe('Lpt1_');
    expect(fileNameSegment('COM¹')).toBe('COM¹_');
    expect(fileNameSegment('Console')).toBe('Console');
  });

  it('drops trailing dots and spaces (Windows) and leading dots (hidden files, "..")', () => {
    expect(fileNameSegment('Rapport. . ', 'xlsx')).toBe('Rapport.xlsx');
    expect(fileNameSegment('..')).toBe('namnlös');
    expect(fileNameSegment('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(fileNameSegment('   ')).toBe('namnlös');
  });

  it('cuts long names at whole characters: no half emoji, no a without its ring', () => {
    const long = fileNameSegment('å'.repeat(200), 'xlsx');
    expect(long).toBe(`${'å'.repeat(MAX_SEGMENT_LENGTH - 5)}.xlsx`);
    // 😀 is two UTF-16 units: 81 units hold 40 of them, never 40½.
    expect(fileNameSegment('😀'.repeat(50), '', 81)).toBe('😀'.repeat(40));
    // A family emoji is 8 units joined by ZWJ: 10 whole families fit in 87.
    const family = '👨‍👩‍👧';
    expect(fileNameSegment(family.repeat(20), '', 87)).toBe(family.repeat(10));
    // Decomposed å (a + U+030A) is written composed, so it counts as one character.
    expect(fileNameSegment('A\u030angström')).toBe('Ångström');
    expect(Buffer.byteLength(fileNameSegment('ö'.repeat(300)), 'utf8')).toBeLessThanOrEqual(255);
  });
});

describe('RunFileNames', () => {
  it('names the folder and every file after the manager and the routine document', () => {
    const names = new RunFileNames();
    const erik = names.manager(manager('Erik Hansson', 'erik@x.se'), units);
    expect(erik.folder).toBe('Chefer/Erik Hansson');
    expect(erik.file('workbook').path).toBe('Chefer/Erik Hansson/Alt. 1 HRs förberedelse – Erik Hansson.xlsx');
    expect(erik.file('managerDeck').path).toBe('Chefer/Erik Hansson/Alt. 2 HRs förberedelse – Erik Hansson.pptx');
    expect(erik.file('mail').path).toBe('Chefer/Erik Hansson/Bilaga 1 Inbjudan – Erik Hansson.eml');
    expect(erik.file('meetingRequest').path).toBe('Chefer/Erik Hansson/Mötesbokning – Erik Hansson.ics');
    expect(names.managementDeck('Boende').path).toBe('Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Boende.pptx');
  });

  it('keeps the manager name out of the manifest key', () => {
    const names = new RunFileNames();
    const erik = names.manager(manager('Erik Hansson', 'erik@x.se'), units);
    expect(erik.file('workbook').manifestKey).toBe('chef-001/alt1');
    expect(names.manager(manager('Eva Berg', 'eva@x.se'), units).file('mail').manifestKey).toBe('chef-002/bilaga1');
  });

  it('long names that share their start stay whole and distinct', () => {
    const names = new RunFileNames();
    const north = names.managementDeck('Bostad med särskild service Norr').path;
    const south = names.managementDeck('Bostad med särskild service Söder').path;
    expect(north).toBe('Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Bostad med särskild service Norr.pptx');
    expect(south).toBe('Ledningsgrupp/Rehabiliteringsuppföljning till ledningsgrupp – Bostad med särskild service Söder.pptx');
  });

  it('makes every name unique without regard to case; a second manager of the same name gets the unit', () => {
    const names = new RunFileNames();
    const first = names.manager(manager('Anna Svensson', 'a1@x.se', ['E1']), units);
    const second = names.manager(manager('anna svensson', 'a2@x.se', ['E2']), units);
    const third = names.manager(manager('ANNA SVENSSON', 'a3@x.se', ['E2']), units);
    expect(first.folder).toBe('Chefer/Anna Svensson');
    expect(second.folder).toBe('Chefer/anna svensson – E2 Servicebostad Eken');
    expect(third.folder).toBe('Chefer/ANNA SVENSSON – E2 Servicebostad Eken (2)');
    const paths = [first, second, third].flatMap((m) => (['workbook', 'managerDeck', 'mail', 'meetingRequest'] as const).map((kind) => m.file(kind).path));
    const fileNames = paths.map((path) => path.split('/').pop()!.toUpperCase());
    expect(new Set(fileNames).size).toBe(12);
  });

  it('a name from the data cannot leave its folder or break a Windows path', () => {
    const names = new RunFileNames();
    const odd = names.manager(manager('../..\\CON', 'x@x.se'), units);
    for (const segment of odd.file('workbook').path.split('/')) {
      expect(segment).not.toMatch(WINDOWS_FORBIDDEN);
      expect(segment).not.toMatch(/^\.|[. ]$/);
    }
    expect(odd.folder.split('/')).toHaveLength(2);
  });
});
