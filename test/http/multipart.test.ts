import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MultipartError, boundaryOf, multipartForm, parseMultipart } from '../../src/http/multipart.js';

function body(boundary: string, parts: string[]): Buffer {
  return Buffer.from(`${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`);
}

/** An app that echoes what the parser made of the body: text fields as they are, files as name, type and text. */
function echoApp(limit: number) {
  const app = express();
  app.use(multipartForm({ limit }));
  app.post('/echo', (req, res) => {
    const fields = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : { ...(value as { filename: string; contentType: string }), data: (value as { data: Buffer }).data.toString('utf8') },
      ]),
    );
    res.json(fields);
  });
  app.use((error: { status?: number; message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(error.status ?? 500).json({ error: error.message });
  });
  return app;
}

describe('boundaryOf', () => {
  it('when the content type is multipart/form-data, then its boundary is read, quoted or not; otherwise there is none', () => {
    expect(boundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryx1')).toBe('----WebKitFormBoundaryx1');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/x-www-form-urlencoded')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });
});

describe('parseMultipart', () => {
  it('when a form has text fields and a file, then the fields are text and the file keeps its name, type and bytes', () => {
    const parsed = parseMultipart(
      body('xyz', [
        'Content-Disposition: form-data; name="dryRun"\r\n\r\non',
        'Content-Disposition: form-data; name="file"; filename="claims.csv"\r\nContent-Type: text/csv\r\n\r\nclaim_id,statement\r\na,"b\r\n--c"',
      ]),
      'xyz',
    );
    expect(parsed.dryRun).toBe('on');
    expect(parsed.file).toEqual({ filename: 'claims.csv', contentType: 'text/csv', data: Buffer.from('claim_id,statement\r\na,"b\r\n--c"') });
  });

  it('when a file input is left empty, then it is absent, and a field sent twice keeps its first value', () => {
    const parsed = parseMultipart(
      body('b', [
        'Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n',
        'Content-Disposition: form-data; name="a"\r\n\r\nfirst',
        'Content-Disposition: form-data; name="a"\r\n\r\nsecond',
      ]),
      'b',
    );
    expect(parsed).toEqual({ a: 'first' });
  });

  it('when the body is cut off or a part has no name, then it is refused as a bad request', () => {
    expect(() => parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end'), 'b')).toThrow(MultipartError);
    expect(() => parseMultipart(body('b', ['Content-Disposition: form-data\r\n\r\nx']), 'b')).toThrow('no field name');
    expect(() => parseMultipart(Buffer.from('nothing here'), 'b')).toThrow('no parts');
  });

  it('when a field is named __proto__, then it is an ordinary field and changes no prototype', () => {
    const parsed = parseMultipart(body('b', ['Content-Disposition: form-data; name="__proto__"\r\n\r\nx']), 'b');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('multipartForm', () => {
  it('when a browser-style form is posted, then the handler sees its fields in req.body', async () => {
    const res = await request(echoApp(1024))
      .post('/echo')
      .field('dryRun', 'on')
      .attach('file', Buffer.from('ünïcode, “quoted”'), { filename: 'a.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body).toEqual({ dryRun: 'on', file: { filename: 'a.csv', contentType: 'text/csv', data: 'ünïcode, “quoted”' } });
  });

  it('when the upload is larger than the limit, then it is refused with 413', async () => {
    const res = await request(echoApp(1024)).post('/echo').attach('file', Buffer.alloc(4096, 'a'), 'big.csv').expect(413);
    expect(res.body.error).toContain('larger than');
  });

  it('when the form gives no boundary, then it is refused with 400', async () => {
    await request(echoApp(1024)).post('/echo').set('Content-Type', 'multipart/form-data').send('x').expect(400);
  });

  it('when the body is not multipart, then it is left for other parsers', async () => {
    const res = await request(echoApp(1024)).post('/echo').type('form').send('a=1').expect(200);
    expect(res.body).toEqual({});
  });
});
