/**
 * Imports claims into a Claimline database, all or nothing, from any file the import page takes: a Claimline JSON
 * or CSV export, TimelineJS JSON or its sheet saved as CSV, or a spreadsheet with a header row.
 *
 *   npm run import -- FILE [--db FILE] [--story SLUG | --new-story TITLE] [--dry-run] [--map "Heading=field"]…
 *
 * The claims go into the story named, a new one, or the only open story (a Claimline JSON file of format 3 keeps
 * the stories it names). Prints what each record of the file does (added, updated, unchanged, refused and why). A database path that does
 * not exist yet is a new installation: it is created holding the import alone, and only when the import is stored.
 * Exit codes: 0 done (or a dry run that would succeed), 1 refused, unreadable or the database is in use, 2 bad
 * arguments.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClockContext } from '../domain/add-claim.js';
import { DATABASE_VALIDATION } from '../domain/database-check.js';
import { describeBinary } from '../domain/formats/detect-format.js';
import type { ColumnMapping } from '../domain/formats/spreadsheet.js';
import { SPREADSHEET_FIELDS, type SpreadsheetField } from '../domain/formats/spreadsheet-columns.js';
import { applyImport, IMPORT_FORMAT_LABELS, planImport, readImport, type ImportLine, type ImportPlan } from '../domain/import-plan.js';
import type { ImportTarget } from '../domain/import-plan.js';
import { slugFromTitle } from '../domain/stories.js';
import { DATABASE_VERSION, type Database } from '../domain/types.js';
import { runImport } from '../app/import.js';
import { openStore, storeConfig } from '../app/open-store.js';
import { openFileStore } from '../store/file-store.js';
import type { Store } from '../store/store.js';
import { DatabaseLockedError } from '../store/lock-file.js';
const USAGE = [
  'usage: import FILE [--db FILE] [--story SLUG | --new-story TITLE] [--dry-run] [--map "Heading=field"]…',
  '  --story: the story the claims go into (its slug, as in /stories/SLUG); --new-story: start one with this title',
  '  FILE: a Claimline JSON or CSV export, TimelineJS JSON or sheet (CSV), or a spreadsheet saved as CSV with a header row',
  `  --map: the field a spreadsheet column fills (${SPREADSHEET_FIELDS.join(', ')}), or "ignore"`,
].join('\n');

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

/** `--map "Mood=ignore"` and `--map "Said by=source"` as a mapping by header, or the first choice that is not a field. */
function mappingOf(choices: string[]): { mapping: ColumnMapping } | { error: string } {
  const byHeader: Record<string, SpreadsheetField | null> = {};
  for (const choice of choices) {
    const at = choice.lastIndexOf('=');
    const header = choice.slice(0, at).trim();
    const field = choice.slice(at + 1).trim();
    if (at <= 0 || !header) return { error: `--map ${choice}: write it as "Heading=field"` };
    if (field !== 'ignore' && !(SPREADSHEET_FIELDS as readonly string[]).includes(field)) return { error: `--map ${choice}: “${field}” is not a field (${SPREADSHEET_FIELDS.join(', ')}, or ignore)` };
    byHeader[header] = field === 'ignore' ? null : (field as SpreadsheetField);
  }
  return { mapping: { byHeader } };
}

const emptyDatabase = (): Database => ({ version: DATABASE_VERSION, stories: [], sources: [], documents: [], claims: [], revisions: [], relations: [] });

/**
 * An import into a database file that does not exist yet: planned against nothing, and the file created holding
 * the import alone (never the default story first), so the file's records come back as they were, revisions and
 * timestamps included. A dry run or a refused import creates no file. Undefined when the file appeared meanwhile.
 */
async function importIntoNewFile(
  dbPath: string,
  input: { text: string; name: string },
  options: { dryRun: boolean; context: ClockContext; mapping?: ColumnMapping; target?: ImportTarget },
): Promise<{ plan: ImportPlan; stored: boolean } | undefined> {
  const read = readImport(input.text, { name: input.name, today: options.context.today, ...(options.mapping && { mapping: options.mapping }) });
  const plan = planImport(emptyDatabase(), read, options.context, undefined, options.target);
  if (!plan.ok || options.dryRun) return { plan, stored: false };
  const { data } = applyImport(emptyDatabase(), plan, options.context);
  mkdirSync(dirname(dbPath), { recursive: true });
  let created = false;
  const store = await openFileStore(dbPath, {
    seed: () => {
      created = true;
      return data;
    },
    ...DATABASE_VALIDATION,
  });
  await store.close();
  return created ? { plan, stored: true } : undefined;
}

/** Runs the command and returns its exit code. */
async function main(args: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed: {
    values: { db?: string; story?: string; 'new-story'?: string; 'dry-run'?: boolean; help?: boolean; map?: string[] };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        story: { type: 'string' },
        'new-story': { type: 'string' },
        'dry-run': { type: 'boolean' },
        map: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
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
  if (values.story !== undefined && values['new-story'] !== undefined) {
    err('import: give --story or --new-story, not both');
    return 2;
  }
  const newStoryTitle = values['new-story']?.trim();
  if (newStoryTitle === '') {
    err('import: --new-story needs a title');
    return 2;
  }
  const target: ImportTarget | undefined =
    values.story !== undefined ? { story: values.story } : newStoryTitle ? { newStory: { title: newStoryTitle, slug: slugFromTitle(newStoryTitle) } } : undefined;
  const mapped = values.map ? mappingOf(values.map) : undefined;
  if (mapped && 'error' in mapped) {
    err(`import: ${mapped.error}`);
    return 2;
  }
  let text: string;
  try {
    const bytes = await readFile(file);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const looks = describeBinary(bytes);
      err(`import: ${file} is not UTF-8 text${looks ? `: it looks like ${looks}` : '; save it as UTF-8 and try again'}`);
      return 1;
    }
  } catch (error) {
    err(`import: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const dbPath = values.db ? resolve(values.db) : storeConfig(process.env).file;
  const now = new Date().toISOString();
  const context: ClockContext = { now, today: now.slice(0, 10), newId: () => randomBytes(9).toString('base64url') };
  const input = { text, name: basename(file) };
  const options = { dryRun: Boolean(values['dry-run']), context, ...(mapped && { mapping: mapped.mapping }), ...(target && { target }) };
  const report = (plan: ImportPlan, stored: boolean, where: string): number => {
    out(`${basename(file)} (${IMPORT_FORMAT_LABELS[plan.format]}) into ${where}`);
    for (const line of plan.lines) for (const printed of describe(line)) out(printed);
    (plan.ok ? out : err)(summary(plan, stored));
    return plan.ok ? 0 : 1;
  };
  try {
    if (!existsSync(dbPath)) {
      const fresh = await importIntoNewFile(dbPath, input, options);
      if (fresh) return report(fresh.plan, fresh.stored, `${dbPath} (a new database)`);
    }
  } catch (error) {
    err(`import: ${(error as Error).message}`);
    return 1;
  }
  let store: Store;
  try {
    store = await openStore({ file: dbPath });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      err(`import: ${dbPath} is open in a running Claimline (process ${error.pid}). Stop it first, or import through its /import page.`);
    } else {
      err(`import: cannot open ${dbPath}: ${(error as Error).message}`);
    }
    return 1;
  }
  try {
    const { plan, stored } = await runImport(store, input, options);
    return report(plan, stored, dbPath);
  } catch (error) {
    err(`import: ${(error as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2), console.log, console.error);
