/**
 * One process of the fast tier (see scripts/test.ts): takes test files from the shared queue one at a time until it is
 * empty and runs each as a suite named after the file, so the report reads as it does with a process per file. A
 * file's own top-level hooks and tests belong to its suite; the next file starts when its suite is over.
 *
 * What the files of one process share: loaded modules and one in-memory PGlite, handed to one file at a time and
 * emptied in between (test/helpers/db.ts). A file that fails to load is a failed test, not a silent skip.
 */
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { closeSharedPglite, openTestDatabase, shareOnePglite } from '../test/helpers/db.ts';

const queue = process.env.TEST_QUEUE;
if (!queue) throw new Error('TEST_QUEUE is not set: run the fast tier with `npm test` (scripts/test.ts)');
const root = process.cwd();

/** The next file nobody has taken: a rename is atomic, so each file goes to one process only. */
function take(): string | undefined {
  for (const entry of readdirSync(path.join(queue!, 'pending')).sort()) {
    try {
      renameSync(path.join(queue!, 'pending', entry), path.join(queue!, 'taken', `${entry}.${process.pid}`));
    } catch {
      continue; // another process took it first
    }
    // Entries are "<order>-<path with / as ~>", ordered heaviest first.
    return entry.slice(entry.indexOf('-') + 1).replaceAll('~', '/');
  }
  return undefined;
}

shareOnePglite();
// The process's one-off start, before the first file takes it: the modules most files load, the shared PGlite, and
// one conversation turn (the Q&A index and the turn's code compiled), so the first file is timed like the others.
{
  const { testChat } = await import('../test/helpers/test-chat.ts');
  const database = await openTestDatabase();
  const chat = await testChat(database);
  await chat.as('officer').say('/baocao ok');
  await chat.close();
  await database.dispose();
}

for (let file = take(); file; file = take()) {
  const url = pathToFileURL(path.resolve(root, file)).href;
  await new Promise<void>((done) => {
    describe(file, async () => {
      after(() => done());
      try {
        await import(url);
      } catch (err) {
        test('loads', () => {
          throw err;
        });
      }
    });
  });
}
await closeSharedPglite();
