// Opens a database, adds CLAIMS claims (default none) and keeps it open until killed, to stand in for a running
// server in lock and recovery tests.
import { openFileStore } from '../../src/store/file-store.js';
import { addClaim, emptyDatabase, makeClaim, validateShape } from '../store/database-fixtures.js';

const [path, claims = '0'] = process.argv.slice(2);
if (!path) throw new Error('usage: hold-open.ts DB [CLAIMS]');
const store = await openFileStore(path, { seed: emptyDatabase, validate: validateShape });
for (let i = 1; i <= Number(claims); i += 1) await store.update(addClaim(makeClaim(`held-${i}`)));
process.stdout.write('open\n');
setInterval(() => undefined, 60_000);
