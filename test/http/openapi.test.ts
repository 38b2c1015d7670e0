import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseTimelineQuery } from '../../src/domain/timeline-query.js';
import { API_ROUTES, TIMELINE_QUERY_PARAMETERS, openApiPath } from '../../src/http/openapi.js';
import { makeApp } from '../helpers/app.js';

interface RouterLike {
  stack: Array<{ route?: { path: string | string[]; methods: Record<string, boolean> }; handle: unknown; rawPath?: unknown }>;
}

/**
 * Every route an Express 5 router declares, as `METHOD /path`, descending into mounted routers. Express 5 keeps a
 * mount path as the layer's `rawPath`; apps mounted as a whole hide their stack and are walked on their own.
 */
function routesOf(router: RouterLike, prefix = ''): string[] {
  return router.stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return Object.keys(layer.route.methods)
        .filter((method) => method !== '_all')
        .flatMap((method) => paths.map((path) => `${method.toUpperCase()} ${prefix}${path}`));
    }
    const inner = layer.handle as Partial<RouterLike>;
    if (!Array.isArray(inner.stack)) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return routesOf(inner as RouterLike, `${prefix}${mount}`);
  });
}

function routerOf(app: unknown): RouterLike {
  return (app as { router: RouterLike }).router;
}

describe('GET /api/openapi.json', () => {
  it('when fetched, then it is an OpenAPI 3.1 document whose server is the public URL', async () => {
    const { app } = await makeApp({ publicUrl: 'http://claims.example' });
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.servers).toEqual([{ url: 'http://claims.example' }]);
    expect(res.body.paths['/api/claims/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(res.body.components.schemas.Claim.required).toContain('attributions');
  });

  it('when the app’s routers are walked, then every /api route is in the document, and every documented route exists', async () => {
    const { app } = await makeApp();
    const declared = new Set(routesOf(routerOf(app)));
    const apiRoutes = [...declared].filter((route) => route.split(' ')[1]?.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(5);
    const { body: document } = await request(app).get('/api/openapi.json').expect(200);
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of apiRoutes) {
      const [method = '', path = ''] = route.split(' ');
      expect(documented, `${route} is not in the OpenAPI document`).toContain(`${method} ${openApiPath(path)}`);
    }
    for (const route of API_ROUTES) {
      expect(declared, `${route.method} ${route.path} is documented but no router declares it`).toContain(`${route.method.toUpperCase()} ${route.path}`);
    }
  });

  it('when the document’s example bodies are checked, then each is valid for its schema, and POST /api/claims stores each with 201', async () => {
    const { app, store } = await makeApp();
    const { body: document } = await request(app).get('/api/openapi.json').expect(200);
    const withBodies = API_ROUTES.filter((route) => route.body);
    expect(withBodies.length).toBeGreaterThan(0);
    for (const route of withBodies) {
      const examples = document.paths[openApiPath(route.path)][route.method].requestBody.content['application/json'].examples as Record<
        string,
        { value: unknown }
      >;
      expect(Object.keys(examples).length).toBeGreaterThan(0);
      for (const [name, example] of Object.entries(examples)) {
        const checked = (route.body?.schema as z.ZodType).safeParse(example.value);
        expect(checked.success, `${route.method} ${route.path} example “${name}”: ${JSON.stringify(checked.error?.issues)}`).toBe(true);
        if (route.method === 'post' && route.path === '/api/claims') {
          const before = (await store.dump()).claims.length;
          await request(app).post('/api/claims').send(example.value as object).expect(201);
          expect((await store.dump()).claims).toHaveLength(before + 1);
        }
      }
    }
  });

  it('when the JSON routes are asked, then what they answer fits the response schema the document gives them', async () => {
    const { app } = await makeApp();
    const concrete: Record<string, string> = {
      '/api/claims': '/api/claims?limit=3',
      '/api/claims/:id': '/api/claims/apple-chose-alibaba',
      '/api/claims/:id/revisions': '/api/claims/apple-chose-alibaba/revisions',
      '/api/claims/:id/annotations': '/api/claims/apple-chose-alibaba/annotations',
      '/api/sources': '/api/sources',
      '/api/sources/:id': '/api/sources/reuters',
      '/api/documents': '/api/documents',
      '/api/documents/:id': '/api/documents/af-apple-taps-alibaba',
      '/api/dates/parse': '/api/dates/parse?text=the%20second%20quarter&reference=2025-02-11',
      '/export.json': '/export.json',
      '/stories/:slug/export.json': '/stories/apple-alibaba/export.json',
      '/stories/:slug/export/timelinejs.json': '/stories/apple-alibaba/export/timelinejs.json',
      '/api/stories': '/api/stories',
      '/api/stories/:slug': '/api/stories/apple-alibaba',
      '/api/stories/:slug/claims': '/api/stories/apple-alibaba/claims?limit=3',
    };
    for (const [path, url] of Object.entries(concrete)) {
      const route = API_ROUTES.find((candidate) => candidate.method === 'get' && candidate.path === path);
      const schema = route?.responses[200]?.schema;
      if (!schema) throw new Error(`no documented 200 for GET ${path}`);
      const res = await request(app).get(url).expect(200);
      const checked = schema.safeParse(JSON.parse(res.text));
      expect(checked.success, `GET ${url}: ${JSON.stringify(checked.error?.issues.slice(0, 3))}`).toBe(true);
    }
  });
});

describe('TIMELINE_QUERY_PARAMETERS', () => {
  it('when each documented filter is given a value it must refuse, then the timeline query refuses it by that name', () => {
    const refused: Record<string, string> = { page: '0', limit: '0', order: 'sideways', axis: 'sideways', status: 'rumoured', corroboration: 'lots' };
    for (const parameter of TIMELINE_QUERY_PARAMETERS) {
      const value = refused[parameter.name] ?? 'x'.repeat(201);
      const parsed = parseTimelineQuery({ [parameter.name]: value }, '2025-03-01');
      expect(parsed.ok, `${parameter.name}=${value} was accepted`).toBe(false);
      if (!parsed.ok) expect(parsed.errors.map((error) => error.field)).toContain(parameter.name);
      expect(parameter.schema.safeParse(parameter.name === 'page' || parameter.name === 'limit' ? Number(value) : value).success).toBe(false);
    }
  });
});
