// A store writer for the crash test: adds, edits and removes claims in a loop, several updates per tick,
// and prints each acknowledged update after it resolves, until it is killed.
import { openFileStore } from '../../src/store/file-store.js';
import { addClaim, editClaim, emptyDatabase, makeClaim, removeClaim, TRUSTING_CHECKS, validateShape } from '../store/database-fixtures.js';

const [path, life] = process.argv.slice(2);
if (!path || !life) throw new Error('usage: crash-writer.ts DB LIFE');

process.stdout.write('opening\n');
// A small journal limit and a padded database make folds (and their backups) happen every few updates.
const store = await openFileStore(path, { seed: emptyDatabase, validate: validateShape, checks: TRUSTING_CHECKS, journalLimit: 16 * 1024 });
process.stdout.write('ready\n');

for (let round = 0; ; round += 1) {
  const id = `${life}-${round}`;
  const writes: Array<Promise<string>> = [
    store.update(addClaim(makeClaim(id, { statement: `${id} ${'padding '.repeat(40)}` }))).then(() => `add ${id}`),
    store.update(addClaim(makeClaim(`${id}-gone`))).then(() => `add ${id}-gone`),
  ];
  if (store.data.claims.some((claim) => claim.id === 'edited')) {
    writes.push(store.update(editClaim('edited', `${life} ${round}`)).then(() => `edit ${life} ${round}`));
  } else {
    writes.push(store.update(addClaim(makeClaim('edited', { statement: `${life} ${round}` }))).then(() => `edit ${life} ${round}`));
  }
  const acknowledged = await Promise.all(writes);
  process.stdout.write(`${acknowledged.join('\n')}\n`);
  await store.update(removeClaim(`${id}-gone`));
  process.stdout.write(`remove ${id}-gone\n`);
}
