import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/http/security/passwords.js';
import { editorAccountsFile, editorAccountsPath, readEditorAccounts, saveEditorAccount } from '../../src/store/editor-accounts.js';
import { securityDir } from './form-helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function editorAdd(args: string[], input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/editor-add.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, CLAIMLINE_DB: '' } });
}

describe('passwords', () => {
  it('when a password is hashed, then only that password matches, and two hashes of it differ (random salt)', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('when the stored hash is damaged, then nothing matches it', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash.slice(0, -4))).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'plain text')).toBe(false);
  });
});

describe('the editor accounts file', () => {
  it('when accounts are saved, then they sit beside the database, readable by the owner only, and a same name (any case) replaces', async () => {
    const file = editorAccountsPath(join(securityDir(), 'claimline.db.json'));
    expect(file).toMatch(/claimline\.db\.json\.editors\.json$/);
    expect(await readEditorAccounts(file)).toEqual([]);
    expect(await saveEditorAccount(file, { name: 'Ana', passwordHash: 'scrypt$1', createdAt: '2025-03-01T12:00:00.000Z' })).toBe('added');
    expect(await saveEditorAccount(file, { name: 'Bob', passwordHash: 'scrypt$2', createdAt: '2025-03-01T12:00:00.000Z' })).toBe('added');
    expect(await saveEditorAccount(file, { name: 'ANA', passwordHash: 'scrypt$3', createdAt: '2025-03-01T12:00:00.000Z' })).toBe('replaced');
    expect((await readEditorAccounts(file)).map((a) => [a.name, a.passwordHash])).toEqual([['ANA', 'scrypt$3'], ['Bob', 'scrypt$2']]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('when the file changes while the server runs, then the new accounts are used without a restart', async () => {
    const file = editorAccountsPath(join(securityDir(), 'claimline.db.json'));
    const editors = editorAccountsFile(file);
    expect(await editors.find('ana')).toBeUndefined();
    await saveEditorAccount(file, { name: 'Ana', passwordHash: 'scrypt$1', createdAt: '2025-03-01T12:00:00.000Z' });
    expect((await editors.find('ana'))?.name).toBe('Ana');
  });

  it('when the file is damaged, then reading it fails with a message naming the file', async () => {
    const file = join(securityDir(), 'x.editors.json');
    writeFileSync(file, '{"version":1,"editors":[{"name":"Ana"}]}');
    await expect(readEditorAccounts(file)).rejects.toThrow(file);
    writeFileSync(file, '{not json');
    await expect(readEditorAccounts(file)).rejects.toThrow(/x\.editors\.json is not valid JSON/);
  });
});

describe('npm run editor:add', () => {
  it('when a password is piped in, then the editor is saved with a scrypt hash of it beside the given database', async () => {
    const db = join(securityDir(), 'claims.json');
    const run = editorAdd(['Ana Lopez', '--db', db], 'a long enough password\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Added editor Ana Lopez');
    const [account] = await readEditorAccounts(`${db}.editors.json`);
    expect(account?.name).toBe('Ana Lopez');
    expect(await verifyPassword('a long enough password', account?.passwordHash ?? '')).toBe(true);
    expect(readFileSync(`${db}.editors.json`, 'utf8')).not.toContain('a long enough password');
    const again = editorAdd(['ana lopez', '--db', db], 'another long password\n');
    expect(again.stdout).toContain('New password for editor ana lopez');
  });

  it('when the password is too short or no name is given, then nothing is saved and it says why', () => {
    const db = join(securityDir(), 'claims.json');
    const short = editorAdd(['Ana', '--db', db], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('10 to 1024 characters');
    const nameless = editorAdd(['--db', db], 'a long enough password\n');
    expect(nameless.status).toBe(2);
    expect(nameless.stderr).toContain('usage: editor:add NAME');
    expect(() => statSync(`${db}.editors.json`)).toThrow();
  });
});
