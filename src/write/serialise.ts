// A planned document's bytes, by its kind's writer (src/plan/types.ts). Used by the applier in its own thread and by
// the serialising worker threads (src/write/serialisePool.ts). Document libraries are imported on first use.
import type { MeetingRequestModel } from '../render/mailModel.js';
import type { PlannedDocument } from '../plan/types.js';

/** A document's bytes; the same model always gives the same bytes apart from the zip entries' times. */
export async function serialise(document: PlannedDocument): Promise<Buffer | string> {
  switch (document.kind) {
    case 'xlsx': {
      const { writeXlsx } = await import('./xlsxWriter.js');
      return writeXlsx(document.model);
    }
    case 'pptx': {
      const { renderPptx } = await import('./pptxWriter.js');
      return renderPptx(document.model);
    }
    case 'ics':
      return meetingRequestText(document.model);
    case 'eml': {
      const { buildEml } = await import('./emlWriter.js');
      const { meetingRequest, date, ...mail } = document.model;
      return buildEml({
        ...mail,
        date: new Date(date),
        ...(meetingRequest ? { meetingRequest: await meetingRequestText(meetingRequest.model), meetingFileName: meetingRequest.fileName } : {}),
      });
    }
    case 'json':
      return `${JSON.stringify(document.model, null, 2)}\n`;
    case 'txt':
      return document.model;
  }
}

async function meetingRequestText(model: MeetingRequestModel): Promise<string> {
  const { buildMeetingRequest } = await import('./icsWriter.js');
  return buildMeetingRequest({ ...model, stamp: new Date(model.stamp) });
}
