/**
 * Imports claims from a Claimline JSON export or a CSV file into a Claimline database, all or nothing.
 *
 *   npm run import -- FILE [--db FILE] [--dry-run]
 *
 * Prints what each record of the file does (added, updated, unchanged, refused and why). Exit codes: 0 done (or a
 * dry run that would succeed), 1 refused, unreadable or the database is in use, 2 bad arguments.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ClockContext } from '../domain/add-claim.js';
import { DATABASE_VALIDATION } from '../domain/database-check.js';
import type { ImportLine, ImportPlan } from '../domain/import-plan.js';
import { runImport } from '../import-run.js';
import { loadSeedDatabase } from '../seed-files.js';
import { openFileStore } from '../store/file-store.js';
import { DatabaseLockedError } from '../store/lock-file.js';

const DEFAULT_DB = fileURLToPath(new URL('../../data/claimline.db.json', import.meta.url));
const USAGE = 'usage: import FILE [--db FILE] [--dry-run]   (FILE is a Claimline JSON export or a CSV)';

const ACTIONS: Record<ImportLine['action'], string> = { add: 'add', update: 'update', unchanged: 'same', refuse: 'REFUSED' };

function describe(line: ImportLine): string[] {
  const what = [line.kind, line.id && `“${line.id}”`, line.label && `(${line.label.length > 60 ? `${line.label.slice(0, 59)}…` : line.label})`]
    .filter(Boolean)
    .join(' ');
  const details = line.action === 'update' ? [`changes: ${line.details.join(', ')}`] : line.details;
  return [`${ACTIONS[line.action].padEnd(7)}  ${line.where.padEnd(18)}  ${what}`, ...details.map((detail) => `${' '.repeat(29)}${detail}`)];
}

function summary(plan: ImportPlan, stored: boolean): string {
  const { add, update, unchanged, refuse } = plan.counts;
  if (!plan.ok) return `Refused: ${refuse} record${refuse === 1 ? '' : 's'} cannot be imported, so nothing was stored.`;
  return stored
    ? `Stored: ${add} added, ${update} updated, ${unchanged} unchanged.`
    : `Dry run: ${add} would be added, ${update} updated, ${unchanged} unchanged. Nothing was stored.`;
}

/** Runs the command and returns its exit code. */
async function main(args: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed: { values: { db?: string; 'dry-run'?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    err((error as Error).message);
    err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (error) {
    err(`import: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const dbPath = resolve(values.db ?? process.env.CLAIMLINE_DB ?? DEFAULT_DB);
  let store;
  try {
    store = await openFileStore(dbPath, { seed: () => loadSeedDatabase(new Date().toISOString()), ...DATABASE_VALIDATION });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      err(`import: ${dbPath} is open in a running Claimline (process ${error.pid}). Stop it first, or import through its /import page.`);
    } else {
      err(`import: cannot open ${dbPath}: ${(error as Error).message}`);
    }
    return 1;
  }
  try {
    const now = new Date().toISOString();
    const context: ClockContext = { now, today: now.slice(0, 10), newId: () => randomBytes(9).toString('base64url') };
    const { plan, stored } = await runImport(store, { text, name: basename(file) }, { dryRun: Boolean(values['dry-run']), context });
    out(`${basename(file)} (${plan.format === 'csv' ? 'CSV' : 'Claimline JSON'}) into ${dbPath}`);
    for (const line of plan.lines) for (const printed of describe(line)) out(printed);
    (plan.ok ? out : err)(summary(plan, stored));
    return plan.ok ? 0 : 1;
  } catch (error) {
    err(`import: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2), console.log, console.error);
