import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'restify';
import { UploadTooLarge } from '../../domain/uploads/upload.errors';
import { HttpProblem } from '../http-errors';

/** Room for the form's other fields and part headers around the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Streams a multipart/form-data upload: form fields (and query parameters) sent before the file
 * are collected, and the part named `file` is handed to `receive` as a stream while it arrives, so
 * a 50 MB file never sits in memory. The body reader leaves this route's stream alone (see `body-rules.ts`).
 */
export function readUploadForm<T>(
  req: Request,
  maxFileBytes: number,
  receive: (fields: Record<string, string>, fileName: string, bytes: Readable) => Promise<T>,
): Promise<T> {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > maxFileBytes + FORM_OVERHEAD_BYTES) {
    return Promise.reject(new UploadTooLarge(maxFileBytes));
  }
  return new Promise<T>((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 20, fieldSize: 16 * 1024, fileSize: maxFileBytes + 1 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(
        new HttpProblem(
          415,
          'UPLOAD_NOT_MULTIPART',
          'Send the CSV file as multipart/form-data with the file in a field named "file".',
        ),
      );
      return;
    }
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.query ?? {}))
      if (typeof value === 'string') fields[name] = value;
    let received: Promise<T> | undefined;
    let file: Readable | undefined;
    // A sender that goes away half way (or is cut off by the request timeout) never ends the form: fail
    // the file's stream, so its store removes what arrived and closes the file instead of waiting for ever.
    req.once('close', () => {
      if (req.complete) return;
      const gone = new HttpProblem(
        400,
        'UPLOAD_INCOMPLETE',
        'The upload stopped before the whole file arrived.',
      );
      file?.destroy(gone);
      reject(gone);
    });
    form.on('field', (name, value) => {
      fields[name] = value;
    });
    form.on('file', (name, stream, info) => {
      if (name !== 'file' || received) {
        stream.resume();
        return;
      }
      file = stream;
      try {
        received = receive({ ...fields }, info.filename || 'upload.csv', stream);
      } catch (error) {
        received = Promise.reject(error);
      }
      // Whatever happens to the upload, read the request to its end so the answer can be sent.
      received.catch(() => stream.resume());
    });
    form.on('close', () => {
      if (received) received.then(resolve, reject);
      else
        reject(
          new HttpProblem(
            400,
            'UPLOAD_FILE_MISSING',
            'The form has no file: send the CSV file in a field named "file".',
          ),
        );
    });
    form.on('error', (error: Error) =>
      reject(
        new HttpProblem(400, 'UPLOAD_FORM_MALFORMED', `The upload form cannot be read: ${error.message}.`),
      ),
    );
    req.pipe(form);
  });
}
