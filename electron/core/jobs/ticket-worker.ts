/**
 * A worker thread of the ticket jobs (node:worker_threads). Role "render": draws print@home tickets with
 * the very renderer print@home alone uses (input → bytes, nothing else). Role "join": appends each
 * committed ticket's PDF to one document and writes it to a file. The main thread only claims and commits.
 * Bundled by scripts/build.mjs as dist/electron/ticket-worker.cjs (worker-file.ts finds it).
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';
import { renderTicketPdf, type TicketPdfInput } from '../delivery/ticket-pdf';

export type RenderRequest = { id: number; input: TicketPdfInput };
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };
export type JoinRequest = { add: Uint8Array } | { finish: string };
export type JoinReply = { written: { pages: number; bytes: number } } | { error: string };

const port = parentPort;

const role = (workerData as { role?: string } | undefined)?.role;

// Linux gives each thread its own niceness: the render workers yield the CPU to the main thread, which answers
// the screens (elsewhere the call would lower the whole process, so it is left alone there). The join worker
// keeps its priority: the operator is waiting for the file it writes at the end.
if (port && role === 'render' && process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // not permitted here: the workers run at the main thread's priority
  }
}

/** The bytes without a copy when they own their buffer, so the transfer moves them. */
const transferable = (bytes: Uint8Array): ArrayBuffer[] => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []);

if (port && role === 'render') {
  port.on('message', (request: RenderRequest) => {
    renderTicketPdf(request.input).then(
      (pdf) => port.postMessage({ id: request.id, pdf } satisfies RenderReply, transferable(pdf)),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
    );
  });
}

if (port && role === 'join') {
  let joined: Promise<PDFDocument> = PDFDocument.create({ updateMetadata: false }).then((doc) => {
    doc.setProducer('Box Office');
    doc.setCreator('Box Office');
    return doc;
  });
  let failed: string | null = null;
  // Messages arrive in commit order; each append waits for the one before it, so pages keep that order.
  port.on('message', (request: JoinRequest) => {
    joined = joined.then(async (doc) => {
      if (failed) return doc;
      try {
        if ('add' in request) {
          const source = await PDFDocument.load(request.add, { updateMetadata: false });
          for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
        } else {
          const bytes = await doc.save({ useObjectStreams: false });
          await fs.promises.writeFile(request.finish, bytes, { mode: 0o600 });
          port.postMessage({ written: { pages: doc.getPageCount(), bytes: bytes.byteLength } } satisfies JoinReply);
        }
      } catch (error) {
        failed = error instanceof Error ? error.message : String(error);
        port.postMessage({ error: failed } satisfies JoinReply);
      }
      return doc;
    });
  });
}
