// What a planner returns and the applier (src/write/applyPlan.ts) writes: every document of a run as plain data.
//
// Kinds, and how the applier serialises each (a planner for another command, e.g. planAggregate, uses the same):
//   xlsx  model: WorkbookModel (src/render/workbookModel.ts)  → writeXlsx
//   pptx  model: DeckModel     (src/render/deckModel.ts)      → renderPptx
//   eml   model: MailModel     (src/render/mailModel.ts)      → buildEml (a meeting request in it is built by buildMeetingRequest)
//   ics   model: MeetingRequestModel (src/render/mailModel.ts) → buildMeetingRequest
//   json  model: any JSON value                               → JSON, two-space indent, final newline
//   txt   model: string                                       → UTF-8 text as is
// Paths are relative to the run folder, '/'-separated, already safe as file names (src/render/prepFiles.ts).
// The manifest is not a document: the applier adds each written file's bytes and sha256 to `manifest.outputs`
// and writes it last, as MANIFEST_FILE.
import type { DeckModel } from '../render/deckModel.js';
import type { MailModel, MeetingRequestModel } from '../render/mailModel.js';
import type { RunManifest } from '../render/runManifest.js';
import type { WorkbookModel } from '../render/workbookModel.js';

export type PlannedDocument = (
  | { kind: 'xlsx'; model: WorkbookModel }
  | { kind: 'pptx'; model: DeckModel }
  | { kind: 'eml'; model: MailModel }
  | { kind: 'ics'; model: MeetingRequestModel }
  | { kind: 'json'; model: unknown }
  | { kind: 'txt'; model: string }
) & {
  path: string;
  /** What the manifest lists instead of the path when the path carries a manager's name (src/render/prepFiles.ts); default the path. */
  manifestKey?: string;
};

export const MANIFEST_FILE = 'manifest.json';

export interface Plan<Summary> {
  /** The run folder's name under --out, e.g. '2027-vår'. */
  folder: string;
  /** In the order they are written and listed in the manifest. */
  documents: PlannedDocument[];
  /** What the command reports; it carries no names. */
  summary: Summary;
  /** `outputs` is empty here; the applier fills it. */
  manifest: RunManifest;
}
