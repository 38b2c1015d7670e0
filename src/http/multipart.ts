import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';

/**
 * multipart/form-data (RFC 7578) for forms with a file input, read by busboy. Files are kept in memory up to the
 * limit, so this is for modest uploads such as an import file or a document.
 */

/** A file input's part: the name the browser gave and the bytes as sent. */
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export type MultipartBody = Record<string, string | UploadedFile>;

/** The body could not be read as a form; `status` and `expose` are what the app's error handler reads. */
export class MultipartError extends Error {
  override name = 'MultipartError';
  readonly expose = true;
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

/** More parts than this is not a form a person filled in; the import's column mapping has one per column of a wide sheet. */
const MAX_PARTS = 250;
/** Header lines per part; a browser sends two or three. */
const MAX_HEADER_PAIRS = 20;

/**
 * Middleware that reads a multipart/form-data body into `req.body`, like Express's own body parsers: other content
 * types and already-read bodies pass through untouched. Text fields become UTF-8 strings and file fields
 * UploadedFile; a field sent twice keeps its first value, as the app's URL-encoded forms do, and a file input left
 * empty is absent. A body over `limit` bytes in all (one text field may fill it, as a pasted import does) is refused
 * with 413 without being read to the end, and the connection is closed so the rest is never read; a body that does
 * not follow the format is refused with 400.
 * @example app.post('/import', multipartForm({ limit: 5 * 1024 * 1024 }))
 */
export function multipartForm(options: { limit: number }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const contentType = req.headers['content-type'] ?? '';
    if (req.body !== undefined || !/^multipart\//i.test(contentType)) return next();
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      req.unpipe();
      if (error) {
        if (error instanceof MultipartError && error.status === 413) res.set('Connection', 'close');
        // Stop reading: the connection is closed after the answer, so the rest of the body is never taken in.
        req.pause();
        return next(error);
      }
      req.body = fields;
      next();
    };
    const tooLarge = () => finish(new MultipartError(`the upload is larger than ${Math.round(options.limit / 1024 / 1024)} MB`, 413));
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.limit) return tooLarge();

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fieldSize: options.limit, fileSize: options.limit, parts: MAX_PARTS, headerPairs: MAX_HEADER_PAIRS },
      });
    } catch (error) {
      const message = /boundary/i.test((error as Error).message)
        ? 'the form does not say where its parts begin (no boundary)'
        : `${contentType.split(';')[0]} is not a form Claimline reads; send multipart/form-data`;
      return next(new MultipartError(message, /boundary/i.test((error as Error).message) ? 400 : 415));
    }
    const fields: MultipartBody = Object.create(null) as MultipartBody;
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.limit) tooLarge();
    });
    parser.on('field', (name: string | undefined, value, info) => {
      if (name === undefined) return finish(new MultipartError('a form part has no field name', 400));
      if (info.valueTruncated) return tooLarge();
      if (!(name in fields)) fields[name] = value;
    });
    parser.on('file', (name: string | undefined, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', tooLarge);
      stream.on('close', () => {
        if (done || name === undefined || name in fields) return;
        const data = Buffer.concat(chunks);
        if (info.filename === undefined && data.length === 0) return;
        fields[name] = { filename: info.filename ?? '', contentType: info.mimeType, data };
      });
      if (name === undefined) finish(new MultipartError('a form part has no field name', 400));
    });
    parser.on('partsLimit', () => finish(new MultipartError(`the form has more than ${MAX_PARTS} parts`, 413)));
    parser.on('error', (error: Error) => finish(new MultipartError(`the form could not be read: ${error.message}`, 400)));
    parser.on('close', () => finish());
    req.once('error', (error) => finish(new MultipartError(`the upload broke off: ${error.message}`, 400)));
    req.pipe(parser);
  };
}
