import request from 'supertest';
import type { Express } from 'express';

/** The one-time token a form page carries, as a browser would find it. */
export async function formToken(app: Express, formPage: string): Promise<string> {
  const page = await request(app).get(formPage);
  const token = /name="_token" value="([^"]+)"/.exec(page.text)?.[1];
  if (!token) throw new Error(`no form token on ${formPage} (status ${page.status})`);
  return token;
}

/** Submits a form the way a browser does: open the page, then post its fields with the page's token. */
export async function submitForm(app: Express, formPage: string, action: string, fields: Record<string, string>) {
  const token = await formToken(app, formPage);
  return request(app).post(action).type('form').send({ ...fields, _token: token });
}

/** Awaits a response and checks its status, showing the start of the body when it is not the one expected. */
export async function expectStatus(pending: PromiseLike<request.Response>, status: number): Promise<request.Response> {
  const res = await pending;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  return res;
}
