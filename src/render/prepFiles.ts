// File and folder names of a prep run. Folders are named after the manager's units, not the manager, so
// the manifest and directory listings carry no person's name.
import type { UnitFigures } from '../core/absenceFigures.js';
import type { ManagerScope } from '../core/followUpScope.js';

/** Characters Windows, macOS and zip tools refuse in file names, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, '-').replace(/\s+/g, ' ').replace(/^[.\s]+|[.\s]+$/g, '').trim();
  return (cleaned || 'namnlös').slice(0, 100);
}

export function managerFolderName(manager: ManagerScope, units: readonly UnitFigures[]): string {
  const firstId = manager.unitIds[0] ?? 'okänd enhet';
  const first = units.find((unit) => unit.id === firstId);
  const label = first ? `${first.id} ${first.name}` : firstId;
  const others = manager.unitIds.length - 1;
  return `Chefer/${safeFileName(others > 0 ? `${label} + ${others} ${others === 1 ? 'enhet' : 'enheter'}` : label)}`;
}

export function prepFileNames(): { workbook: string; managerDeck: string; mail: string; meetingRequest: string } {
  return {
    workbook: 'Alt 1 – HR-förberedelse vid rehabiliteringsuppföljning.xlsx',
    managerDeck: 'Alt 2 – HR-förberedelse vid rehabiliteringsuppföljning.pptx',
    mail: 'Bilaga 1 – Inbjudan till rehabiliteringsuppföljning.eml',
    meetingRequest: 'Mötesbokning.ics',
  };
}
