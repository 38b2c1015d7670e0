import type { AddressInfo } from 'node:net';
import qs from 'qs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFormSchema } from '../../src/domain/claim-form.js';
import { issueFormToken } from '../../src/http/security/form-token.js';
import { TEST_NOW } from '../helpers/app.js';
import { securityApp, TEST_SECRET } from '../security/form-helpers.js';
import { formText, jsonText, markStatement, random, randomEntries } from './generate.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20250301);
const BODIES_PER_ROUTE = Number(process.env.FUZZ_BODIES ?? 1500);
const PARALLEL = 8;
const MARKER = /⟦fz(\d+)⟧/;

interface Sent {
  index: number;
  route: 'api' | 'form';
  text: string;
  status: number;
}

/** What the server's parser makes of a body, by the same rules (JSON.parse; qs flat, as body-parser's extended:false). */
function parsedAsServer(sent: Sent): unknown {
  if (sent.route === 'api') return JSON.parse(sent.text);
  const fields = qs.parse(sent.text, { allowPrototypes: true, depth: 0, strictDepth: true, parameterLimit: 100, arrayLimit: 100 }) as Record<string, unknown>;
  delete fields._token;
  return fields;
}

function prototypeShapes() {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort().join(','));
}

describe(`hostile bodies (seed ${SEED}; rerun with FUZZ_SEED=${SEED})`, () => {
  let base = '';
  let close = () => Promise.resolve();
  let app: Awaited<ReturnType<typeof securityApp>>;
  const prototypesBefore = prototypeShapes();

  beforeAll(async () => {
    app = await securityApp({ writeLimitPerMinute: 0 });
    const server = app.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it(`when ${BODIES_PER_ROUTE} bodies go to POST /api/claims and ${BODIES_PER_ROUTE} to POST /claims, then nothing breaks, nothing invalid is stored and no prototype changes`, async () => {
    const rng = random(SEED);
    const jobs: Array<() => Promise<Sent>> = [];
    for (let index = 0; index < BODIES_PER_ROUTE * 2; index++) {
      const route = index % 2 === 0 ? 'api' : 'form';
      const entries = randomEntries(rng);
      markStatement(entries, `⟦fz${index}⟧`);
      const text = route === 'api' ? jsonText(rng, entries) : `${formText(rng, entries)}&_token=${encodeURIComponent(issueFormToken(TEST_SECRET, undefined, TEST_NOW))}`;
      jobs.push(async () => {
        const res = await fetch(`${base}${route === 'api' ? '/api/claims' : '/claims'}`, {
          method: 'POST',
          headers: { 'Content-Type': route === 'api' ? 'application/json' : 'application/x-www-form-urlencoded' },
          body: text,
          redirect: 'manual',
        });
        await res.arrayBuffer();
        return { index, route, text, status: res.status };
      });
    }
    const sent: Sent[] = [];
    for (let next = 0; next < jobs.length; next += PARALLEL) {
      sent.push(...(await Promise.all(jobs.slice(next, next + PARALLEL).map((job) => job()))));
    }

    const serverErrors = sent.filter((s) => s.status >= 500);
    expect(serverErrors.map((s) => `${s.route} #${s.index} → ${s.status}: ${s.text.slice(0, 200)}`)).toEqual([]);
    const accepted = new Map(sent.filter((s) => s.status === 201 || s.status === 303).map((s) => [s.index, s]));
    expect(sent.filter((s) => ![201, 303, 400, 403, 413, 422].includes(s.status)).map((s) => `${s.route} #${s.index} → ${s.status}`)).toEqual([]);

    const stored = (await app.store.dump()).claims.flatMap((claim) => {
      const marker = MARKER.exec(claim.statement);
      return marker ? [{ index: Number(marker[1]), claim }] : [];
    });
    expect(stored.length).toBe(accepted.size);
    for (const { index } of stored) {
      const body = accepted.get(index);
      expect(body, `claim from body #${index} was stored without a 201/303`).toBeDefined();
      const schema = claimFormSchema.safeParse(parsedAsServer(body!));
      expect(schema.success, `body #${index} was stored though the schema refuses it: ${body!.text.slice(0, 200)}`).toBe(true);
    }
    const counts: Record<string, number> = {};
    for (const s of sent) counts[`${s.route} ${s.status}`] = (counts[`${s.route} ${s.status}`] ?? 0) + 1;
    console.log(`fuzz answers by route and status: ${JSON.stringify(counts)}`);

    expect(accepted.size).toBeGreaterThan(BODIES_PER_ROUTE / 20);
    expect(sent.filter((s) => s.status === 422).length).toBeGreaterThan(BODIES_PER_ROUTE / 2);
    expect(prototypeShapes()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).outputFunctionName).toBeUndefined();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
  });
});
