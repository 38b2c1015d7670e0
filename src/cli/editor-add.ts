/**
 * Adds an editor account, or sets a new password for an existing one (which signs them out everywhere).
 *
 *   npm run editor:add -- NAME [--db FILE]        asks for the password twice (hidden)
 *   printf '%s\n' "$PASSWORD" | npm run editor:add -- NAME --db FILE
 *
 * The database defaults to CLAIMLINE_DB, then data/claimline.db.json; accounts live in FILE.editors.json.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword, MAX_PASSWORD_LENGTH } from '../http/security/passwords.js';
import { editorAccountsPath, saveEditorAccount } from '../store/editor-accounts.js';

const DEFAULT_DB = fileURLToPath(new URL('../../data/claimline.db.json', import.meta.url));
/** Long enough that the rate-limited sign-in form cannot walk through it; passphrases welcome. */
const MIN_PASSWORD_LENGTH = 10;

/** Reads one line from a terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  return new Promise((done, fail) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          finish();
          fail(new Error('cancelled'));
          return;
        }
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          done(typed);
          return;
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    input.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Same password again: ');
  if (first !== second) throw new Error('the two passwords differ; nothing was saved');
  return first;
}

/** Runs the command and returns its exit code: 0 saved, 1 refused or failed, 2 bad arguments. */
async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed: { values: { db?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const name = parsed.positionals.join(' ').trim();
  if (parsed.values.help || !name) {
    (parsed.values.help ? console.log : console.error)('usage: editor:add NAME [--db FILE]   (password from the terminal, or the first line of stdin)');
    return parsed.values.help ? 0 : 2;
  }
  if (name.length > 120 || /[\u0000-\u001f\u007f]/.test(name)) {
    console.error('editor:add: a name is at most 120 characters with no control characters');
    return 2;
  }
  const dbPath = resolve(parsed.values.db ?? env.CLAIMLINE_DB ?? DEFAULT_DB);
  try {
    const password = await readPassword();
    if ([...password].length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      console.error(`editor:add: the password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; nothing was saved`);
      return 1;
    }
    const file = editorAccountsPath(dbPath);
    const outcome = await saveEditorAccount(file, { name, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() });
    console.log(`${outcome === 'added' ? 'Added editor' : 'New password for editor'} ${name} (${file}).`);
    return 0;
  } catch (error) {
    console.error(`editor:add: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
