import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { warmUp } from '../../src/http/warm-up.js';
import { makeApp } from '../helpers/app.js';

describe('warming up before opening the port', () => {
  it('renders each page once through the app, and a page that fails does not stop the start', async () => {
    const { app } = await makeApp();
    const seen: Array<[string, number]> = [];
    const watched = express();
    watched.use((req, res, next) => {
      res.on('finish', () => seen.push([req.path, res.statusCode]));
      next();
    });
    watched.use(app);
    await warmUp(watched, ['/', '/nowhere']);
    expect(seen).toEqual([
      ['/', 200],
      ['/nowhere', 404],
    ]);
    await request(app).get('/').expect(200);
  });
});
