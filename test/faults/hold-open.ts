// Opens a database and keeps it open until killed, to stand in for a running server in lock tests.
import { openFileStore } from '../../src/store/file-store.js';
import { emptyDatabase, validateShape } from '../store/database-fixtures.js';

const path = process.argv[2];
if (!path) throw new Error('usage: hold-open.ts DB');
await openFileStore(path, { seed: emptyDatabase, validate: validateShape });
process.stdout.write('open\n');
setInterval(() => undefined, 60_000);
