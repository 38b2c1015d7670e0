/**
 * Lists and restores the last good copies of a Claimline database.
 *
 *   npm run restore -- --db data/claims.json            list backups, newest first
 *   npm run restore -- --db data/claims.json --from 2   put backup 2 back (refused while a server runs)
 *   npm run restore -- --db data/claims.json --salvage-journal   keep what a damaged journal holds before the damage
 */
import { parseArgs } from 'node:util';
import { listBackups, restoreBackup, salvageJournal, type Backup } from '../store/backups.js';

function describe(backup: Backup): string {
  const what = backup.claims === null ? `damaged: ${backup.problem}` : `${backup.claims} claim${backup.claims === 1 ? '' : 's'}`;
  const kib = Math.max(1, Math.round(backup.bytes / 1024));
  return `${String(backup.number).padStart(3)}  ${backup.takenAt.toISOString()}  ${what.padEnd(14)}  ${kib} KiB  ${backup.file}`;
}

/** Runs the command and returns its exit code: 0 done, 1 refused or failed, 2 bad arguments. */
async function main(args: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let values: { db?: string; from?: string; 'salvage-journal'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { db: { type: 'string' }, from: { type: 'string' }, 'salvage-journal': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
  if (values.help || !values.db) {
    (values.help ? out : err)('usage: restore --db FILE [--from N | --salvage-journal]   (without either, lists the backups)');
    return values.help ? 0 : 2;
  }
  const db = values.db;
  try {
    if (values['salvage-journal']) {
      const salvaged = await salvageJournal(db);
      out(`The damaged journal is kept as ${salvaged.setAside}.`);
      out(
        salvaged.kept > 0
          ? `${salvaged.kept} group${salvaged.kept === 1 ? '' : 's'} of changes from before the damage will be replayed when Claimline starts.`
          : `Nothing in it could be replayed; Claimline will start from ${db} as it was last written.`,
      );
      return 0;
    }
    if (values.from === undefined) {
      const backups = await listBackups(db);
      if (backups.length === 0) {
        out(`${db} has no backups yet (one is kept each time the database file is rewritten).`);
        return 0;
      }
      out(`Backups of ${db}, newest first:`);
      for (const backup of backups) out(describe(backup));
      out(`Restore one with: npm run restore -- --db ${db} --from N`);
      return 0;
    }
    const which = Number(values.from);
    if (!Number.isInteger(which) || which < 1) {
      err(`--from takes a backup number from the list (1 is the newest), not "${values.from}"`);
      return 2;
    }
    const restored = await restoreBackup(db, which);
    out(`Restored ${db} from backup ${which} (${restored.backup.file}, ${restored.backup.claims} claims).`);
    if (restored.previous) out(`The file it replaced is kept as ${restored.previous}.`);
    if (restored.journalSetAside) {
      out(`Changes that were not yet in the replaced file were moved to ${restored.journalSetAside}.`);
    }
    return 0;
  } catch (error) {
    err(`restore: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2), console.log, console.error);
