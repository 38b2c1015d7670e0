import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { securitySettings } from '../../src/http/security/security-settings.js';
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

  it('when the server is started on another interface without CLAIMLINE_SECRET, then it exits with a message and does not listen', () => {
    const env = { ...process.env, HOST: '0.0.0.0', PORT: '0', CLAIMLINE_SECRET: '', CLAIMLINE_DB: join(securityDir(), 'claimline.db.json') };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('set CLAIMLINE_SECRET');
    expect(run.stdout).not.toContain('Claimline on');
  });
});
