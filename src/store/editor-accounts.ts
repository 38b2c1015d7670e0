import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { fsyncDirectory, isMissing, nodeFileOps } from './file-ops.js';

/** One person who may change the data when Claimline listens beyond this machine. */
export interface EditorAccount {
  name: string;
  /** From `hashPassword`: scrypt with its salt and cost; never the password. */
  passwordHash: string;
  createdAt: string;
}

/** Looks editors up by name, any case. */
export interface EditorDirectory {
  find(name: string): Promise<EditorAccount | undefined>;
}

const accountsFileSchema = z.strictObject({
  version: z.literal(1),
  editors: z.array(z.strictObject({ name: z.string().min(1), passwordHash: z.string().min(1), createdAt: z.string() })),
});

/**
 * The accounts file beside a database: kept apart so backups and exports of the claims never carry password hashes.
 * @example editorAccountsPath('data/claimline.db.json') //=> 'data/claimline.db.json.editors.json'
 */
export function editorAccountsPath(dbPath: string): string {
  return `${dbPath}.editors.json`;
}

/**
 * Reads every account; a missing file means no accounts yet, a damaged one is an error naming the file.
 * @example (await readEditorAccounts('data/claimline.db.json.editors.json')).length //=> 2
 */
export async function readEditorAccounts(path: string): Promise<EditorAccount[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message})`);
  }
  const checked = accountsFileSchema.safeParse(parsed);
  if (!checked.success) throw new Error(`${path} is not an editor accounts file: ${checked.error.issues[0]?.message ?? 'wrong shape'}`);
  return checked.data.editors;
}

/**
 * The spelling two names share when they are the same editor: Unicode NFC, lower case. "José" typed composed or
 * decomposed, in any case, is one account, and counts against one sign-in limit.
 * @example editorNameKey('JOSE\u0301') //=> 'jos\u00e9'
 */
export function editorNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

const sameName = (a: string, b: string) => editorNameKey(a) === editorNameKey(b);

/**
 * Adds an account, or replaces the one with the same name (any case), which is how a password is changed.
 * The file is written to a temp file, fsynced, renamed and the directory fsynced, readable by the owner only.
 * @example await saveEditorAccount(path, { name: 'Ana', passwordHash, createdAt: new Date().toISOString() }) //=> 'added'
 */
export async function saveEditorAccount(path: string, account: EditorAccount): Promise<'added' | 'replaced'> {
  const editors = await readEditorAccounts(path);
  const index = editors.findIndex((editor) => sameName(editor.name, account.name));
  if (index === -1) editors.push(account);
  else editors[index] = account;
  const temp = `${path}.tmp-${process.pid}`;
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ version: 1, editors }, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, path);
  await fsyncDirectory(nodeFileOps, path);
  return index === -1 ? 'added' : 'replaced';
}

/**
 * The accounts in a file, re-read when the file changes, so `editor:add` takes effect without a restart.
 * @example const editors = editorAccountsFile(editorAccountsPath(dbPath)); await editors.find('ana')
 */
export function editorAccountsFile(path: string): EditorDirectory {
  let cached: { stamp: string; editors: EditorAccount[] } | undefined;
  return {
    async find(name) {
      let stamp = 'missing';
      try {
        const stat = await fs.stat(path);
        stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      if (cached?.stamp !== stamp) cached = { stamp, editors: await readEditorAccounts(path) };
      return cached.editors.find((editor) => sameName(editor.name, name));
    },
  };
}
