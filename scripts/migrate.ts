import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';

// Applies the committed migrations in drizzle/ (the service also does this at start-up).
const config = loadConfig();
const database = await openDatabase({
  url: config.database.url,
  dataDir: config.database.dataDir,
  maxConnections: 1,
});
process.stdout.write(`Migrations applied (${database.kind}).\n`);
await database.close();
