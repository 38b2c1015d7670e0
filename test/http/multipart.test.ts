import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { multipartForm } from '../../src/http/multipart.js';

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
    res.json({ fields, keys: Object.keys(fields), prototypeTouched: ({} as Record<string, unknown>).x !== undefined });
  });
  app.use((error: { status?: number; message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(error.status ?? 500).json({ error: error.message });
  });
  return app;
}

/** Posts a body as written, byte for byte, under the boundary `boundary`. */
const postRaw = (raw: Buffer | string, boundary = 'xyz', limit = 4096) =>
  request(echoApp(limit)).post('/echo').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(raw);

describe('multipartForm', () => {
  it('when a browser-style form is posted, then the handler sees its fields in req.body', async () => {
    const res = await request(echoApp(1024))
      .post('/echo')
      .field('dryRun', 'on')
      .attach('file', Buffer.from('ünïcode, “quoted”'), { filename: 'a.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body.fields).toEqual({ dryRun: 'on', file: { filename: 'a.csv', contentType: 'text/csv', data: 'ünïcode, “quoted”' } });
  });

  it('when a form has text fields and a file, then the fields are text and the file keeps its name, type and bytes', async () => {
    const res = await postRaw(
      body('xyz', [
        'Content-Disposition: form-data; name="dryRun"\r\n\r\non',
        'Content-Disposition: form-data; name="file"; filename="résumé.csv"\r\nContent-Type: text/csv\r\n\r\nclaim_id,statement\r\na,"b\r\n--c"',
      ]),
    ).expect(200);
    expect(res.body.fields).toEqual({
      dryRun: 'on',
      file: { filename: 'résumé.csv', contentType: 'text/csv', data: 'claim_id,statement\r\na,"b\r\n--c"' },
    });
  });

  it('when a file input is left empty, then it is absent, and a field sent twice keeps its first value', async () => {
    const res = await postRaw(
      body('b', [
        'Content-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n',
        'Content-Disposition: form-data; name="a"\r\n\r\nfirst',
        'Content-Disposition: form-data; name="a"\r\n\r\nsecond',
      ]),
      'b',
    ).expect(200);
    expect(res.body.fields).toEqual({ a: 'first' });
  });

  it('when the body is cut off, a part has no name or there are no parts, then it is refused as a bad request', async () => {
    expect((await postRaw('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', 'b').expect(400)).body.error).toContain('could not be read');
    expect((await postRaw(body('b', ['Content-Disposition: form-data\r\n\r\nx']), 'b').expect(400)).body.error).toContain('no field name');
    await postRaw('nothing here', 'b').expect(400);
    await postRaw(body('b', ['garbage\r\n\r\nx']), 'b').expect(400);
  });

  it('when a field is named __proto__, then it is an ordinary field and changes no prototype', async () => {
    const res = await postRaw(body('b', ['Content-Disposition: form-data; name="__proto__"\r\n\r\nx']), 'b').expect(200);
    expect(res.body.keys).toEqual(['__proto__']);
    expect(res.body.prototypeTouched).toBe(false);
  });

  it('when the upload is larger than the limit, then it is refused with 413 and the connection is closed', async () => {
    const res = await request(echoApp(1024)).post('/echo').attach('file', Buffer.alloc(4096, 'a'), 'big.csv').expect(413);
    expect(res.body.error).toContain('larger than');
    expect(res.headers.connection).toBe('close');
  });

  it('when one text field alone is larger than the limit, then it is refused with 413 too', async () => {
    await request(echoApp(1024)).post('/echo').field('content', 'a'.repeat(4096)).expect(413);
  });

  it('when the form has more parts than a person fills in, then it is refused with 413', async () => {
    const parts = Array.from({ length: 260 }, (_, n) => `Content-Disposition: form-data; name="f${n}"\r\n\r\nx`);
    expect((await postRaw(body('b', parts), 'b', 64 * 1024).expect(413)).body.error).toContain('more than 250 parts');
  });

  it('when the form gives no boundary, then it is refused with 400', async () => {
    await request(echoApp(1024)).post('/echo').set('Content-Type', 'multipart/form-data').send('x').expect(400);
  });

  it('when the body is not multipart, then it is left for other parsers', async () => {
    const res = await request(echoApp(1024)).post('/echo').type('form').send('a=1').expect(200);
    expect(res.body.fields).toEqual({});
  });
});
