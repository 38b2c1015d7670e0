import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loopbackBaseUrl } from '../../src/http/security/known-host.js';
import { publicAddressNote, securitySettings } from '../../src/http/security/security-settings.js';
import { securityDir } from './form-helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

const SECRET = 'k'.repeat(32);

describe('security settings from the environment', () => {
  it('when Claimline listens on this machine only, then anyone here may edit and no secret is needed', () => {
    for (const HOST of [undefined, '127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      expect(securitySettings({ HOST })).toEqual({ requireSignIn: false, secret: undefined, writeLimitPerMinute: 120, trustProxy: undefined });
    }
  });

  it('when it listens beyond this machine, then editors must sign in and a secret is required', () => {
    expect(() => securitySettings({ HOST: '0.0.0.0' })).toThrow(/set CLAIMLINE_SECRET/);
    expect(securitySettings({ HOST: '0.0.0.0', CLAIMLINE_SECRET: SECRET })).toMatchObject({ requireSignIn: true, secret: SECRET });
    expect(securitySettings({ HOST: '192.168.1.10', CLAIMLINE_SECRET: SECRET }).requireSignIn).toBe(true);
  });

  it('when the secret is short, then it is refused', () => {
    expect(() => securitySettings({ CLAIMLINE_SECRET: 'changeme' })).toThrow(/at least 32/);
  });

  it('reads the write limit (0 turns it off) and refuses nonsense', () => {
    expect(securitySettings({ CLAIMLINE_WRITE_LIMIT: '0' }).writeLimitPerMinute).toBe(0);
    expect(securitySettings({ CLAIMLINE_WRITE_LIMIT: '30' }).writeLimitPerMinute).toBe(30);
    expect(() => securitySettings({ CLAIMLINE_WRITE_LIMIT: 'lots' })).toThrow(/CLAIMLINE_WRITE_LIMIT/);
    expect(() => securitySettings({ CLAIMLINE_WRITE_LIMIT: '-1' })).toThrow(/CLAIMLINE_WRITE_LIMIT/);
  });

  it('reads trust proxy as a boolean, a hop count or a list of addresses', () => {
    expect(securitySettings({ CLAIMLINE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(securitySettings({ CLAIMLINE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(securitySettings({ CLAIMLINE_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('reads the public URL as an origin and refuses what links could not be built on', () => {
    expect(securitySettings({ CLAIMLINE_PUBLIC_URL: 'https://claims.example.org/' }).publicUrl).toBe('https://claims.example.org');
    expect(securitySettings({ CLAIMLINE_PUBLIC_URL: 'http://192.168.1.10:3000' }).publicUrl).toBe('http://192.168.1.10:3000');
    expect(securitySettings({}).publicUrl).toBeUndefined();
    for (const bad of ['claims.example.org', 'ftp://claims.example.org', 'https://claims.example.org/claimline', 'https://claims.example.org/?x=1', 'https://ana@claims.example.org']) {
      expect(() => securitySettings({ CLAIMLINE_PUBLIC_URL: bad }), bad).toThrow(/CLAIMLINE_PUBLIC_URL must be the address people open Claimline at/);
    }
  });

  it('when it listens beyond this machine without a public URL, then the server says only loopback names are answered', () => {
    expect(publicAddressNote(securitySettings({ HOST: '0.0.0.0', CLAIMLINE_SECRET: SECRET }))).toMatch(/No CLAIMLINE_PUBLIC_URL: only requests to localhost or 127\.0\.0\.1 are answered/);
    expect(publicAddressNote(securitySettings({ HOST: '0.0.0.0', CLAIMLINE_SECRET: SECRET, CLAIMLINE_PUBLIC_URL: 'https://claims.example.org' }))).toBe('Answering at https://claims.example.org (and at localhost on this machine)');
    expect(publicAddressNote(securitySettings({}))).toBeUndefined();
  });

  it('without a public URL, links point at the loopback address the server listens on', () => {
    expect(loopbackBaseUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(loopbackBaseUrl('localhost', 8080)).toBe('http://localhost:8080');
    expect(loopbackBaseUrl('::1', 3000)).toBe('http://[::1]:3000');
    expect(loopbackBaseUrl('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(loopbackBaseUrl('192.168.1.10', 3000)).toBe('http://127.0.0.1:3000');
  });

  it('when the server is started on another interface without CLAIMLINE_SECRET, then it exits with a message and does not listen', () => {
    const env = { ...process.env, HOST: '0.0.0.0', PORT: '0', CLAIMLINE_SECRET: '', CLAIMLINE_DB: join(securityDir(), 'claimline.db.json') };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('set CLAIMLINE_SECRET');
    expect(run.stdout).not.toContain('Claimline on');
  });
});
