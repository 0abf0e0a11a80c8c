import { parseCommand } from '../../src/conversation/commands.ts';
import { parseEnterprisesCsv } from '../../src/features/enterprises-import.ts';
import { createQa } from '../../src/qa/index.ts';

const qa = createQa();
for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
  let a, p;
  try {
    a = qa.answerById(k);
  } catch (e) {
    a = `THROW ${(e as Error).message}`;
  }
  try {
    p = qa.part(k);
  } catch (e) {
    p = `THROW ${(e as Error).message}`;
  }
  console.log(
    k,
    typeof a,
    a === null ? null : JSON.stringify(a)?.slice(0, 80),
    '|',
    typeof p,
    p === null ? null : String(JSON.stringify(p)).slice(0, 80),
  );
  console.log('  ask', JSON.stringify(qa.ask(k)).slice(0, 150));
  console.log('  cmd', parseCommand(k));
}
console.log(parseEnterprisesCsv('name,sector\nA,constructor\nB,__proto__\n'));
