import type { NextFunction, Request, Response } from 'express';

/**
 * A small multipart/form-data reader (RFC 7578) for forms with a file input: the whole body is read into memory up
 * to a limit, so it is only for modest uploads such as an import file.
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

/** More parts than this is not a form a person filled in. */
const MAX_PARTS = 50;
const MAX_HEADER_BYTES = 8 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * The boundary a `multipart/form-data` content type declares, or `null` for any other content type.
 * @example boundaryOf('multipart/form-data; boundary="----x"') //=> '----x'
 */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * The fields of a multipart/form-data body: text fields as UTF-8 strings, file fields as UploadedFile. A field
 * sent twice keeps its first value, as the app's URL-encoded forms do; a file input left empty is absent.
 * @throws MultipartError (400) when the body does not follow the format.
 * @example parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n'), 'b') //=> { a: '1' }
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: MultipartBody = Object.create(null) as MultipartBody;
  let at = body.indexOf(delimiter);
  if (at === -1) throw new MultipartError('the form has no parts', 400);
  let parts = 0;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return fields;
    if (!body.subarray(at, at + 2).equals(CRLF)) throw new MultipartError('a form part boundary is not followed by a line end', 400);
    at += 2;
    parts += 1;
    if (parts > MAX_PARTS) throw new MultipartError(`the form has more than ${MAX_PARTS} parts`, 413);
    const headerEnd = body.indexOf(HEADER_END, at);
    if (headerEnd === -1 || headerEnd - at > MAX_HEADER_BYTES) throw new MultipartError('a form part has no end to its headers', 400);
    const headers = readHeaders(body.subarray(at, headerEnd).toString('utf8'));
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headerEnd + 4);
    if (next === -1) throw new MultipartError('the form ends in the middle of a part', 400);
    const data = body.subarray(headerEnd + 4, next);
    const disposition = /^form-data\s*;(.*)$/i.exec(headers.get('content-disposition') ?? '');
    const name = disposition && parameter(disposition[1] ?? '', 'name');
    if (!name) throw new MultipartError('a form part has no field name', 400);
    const filename = parameter(disposition[1] ?? '', 'filename');
    if (!(name in fields)) {
      if (filename === null) fields[name] = data.toString('utf8');
      else if (filename !== '' || data.length > 0) {
        fields[name] = { filename, contentType: headers.get('content-type') ?? 'application/octet-stream', data: Buffer.from(data) };
      }
    }
    at = next + CRLF.length;
  }
}

function readHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('a form part has a malformed header', 400);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A `key="value"` (or bare `key=value`) parameter of a header; browsers send names and filenames quoted. */
function parameter(text: string, key: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(text);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '');
}

/**
 * Middleware that reads a multipart/form-data body into `req.body` (see parseMultipart), like Express's own body
 * parsers: other content types and already-read bodies pass through untouched. Bodies over `limit` bytes are
 * refused with 413 without being read to the end, and the connection is closed so the rest is never read.
 * @example app.use('/import', multipartForm({ limit: 5 * 1024 * 1024 }))
 */
export function multipartForm(options: { limit: number }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const boundary = boundaryOf(req.headers['content-type']);
    if (req.body !== undefined || boundary === null) {
      if (req.body === undefined && /^multipart\//i.test(req.headers['content-type'] ?? '')) {
        return next(new MultipartError('the form does not say where its parts begin (no boundary)', 400));
      }
      return next();
    }
    const tooLarge = () => {
      res.set('Connection', 'close');
      next(new MultipartError(`the upload is larger than ${Math.round(options.limit / 1024 / 1024)} MB`, 413));
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.limit) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (error) return next(error);
      try {
        req.body = parseMultipart(Buffer.concat(chunks), boundary);
        next();
      } catch (problem) {
        next(problem);
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.limit) {
        done = true;
        req.off('data', onData);
        req.pause();
        tooLarge();
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('error', (error) => finish(new MultipartError(`the upload broke off: ${error.message}`, 400)));
  };
}
