import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createThrowawayDatabase, DEFAULT_DATABASE_URL, seedService } from './database.ts';
import { ReplyTracker, runPhase, WebhookClient } from './load.ts';
import { incidentDialog, question, reportOk, status } from './scenarios.ts';
import { startOurService } from './targets.ts';

const counts = { writes: 0, ns: 0 };
const orig = net.Socket.prototype.write;
net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
  if (this.remotePort === 5432) {
    counts.writes++;
    const t = process.hrtime.bigint();
    const r = (orig as (...a: unknown[]) => boolean).apply(this, args);
    counts.ns += Number(process.hrtime.bigint() - t);
    return r;
  }
  return (orig as (...a: unknown[]) => boolean).apply(this, args);
} as typeof orig;

const db = await createThrowawayDatabase(DEFAULT_DATABASE_URL);
const svc = await startOurService(db.url);
const chats = await seedService(svc.service.database.db, {
  enterprises: 50,
  officers: 50,
  staff: 2,
  now: new Date(),
});
const tracker = new ReplyTracker(svc.fake);
const client = new WebhookClient(svc.url, svc.secret, 10);
const o = chats.filter((c) => c.role === 'officer');
const cases = {
  report: (id: number) => [reportOk(id)],
  incident: (id: number) => incidentDialog(id, 'telecom'),
  question: (id: number) => [question(id, 'hạn nộp báo cáo khi nào?')],
};
for (const [name, make] of Object.entries(cases)) {
  for (const conc of [1, 10]) {
    await new Promise((r) => setTimeout(r, 700));
    const c0 = { ...counts };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await runPhase({
      target: svc,
      tracker,
      client,
      scripts: o.slice(0, 40).map((c) => ({ chatId: c.chatId, steps: make(c.chatId) })),
      concurrency: conc,
    });
    const cpu = process.cpuUsage(cpu0);
    const n = r.exchanges;
    console.log(
      name,
      'conc',
      conc,
      'updates',
      n,
      ((n / (performance.now() - t0)) * 1000).toFixed(0),
      '/s',
      'pg writes/update',
      ((counts.writes - c0.writes) / n).toFixed(1),
      'write µs/update',
      ((counts.ns - c0.ns) / n / 1000).toFixed(0),
      'CPU µs/update',
      ((cpu.user + cpu.system) / n).toFixed(0),
      'lat p50',
      [...r.latencies.values()]
        .flat()
        .sort((a, b) => a - b)
        [Math.floor(n / 2)]?.toFixed(1),
    );
  }
}
const s = chats.filter((c) => c.role === 'staff');
const r = await runPhase({
  target: svc,
  tracker,
  client,
  scripts: [{ chatId: s[0]!.chatId, steps: [status(s[0]!.chatId), status(s[0]!.chatId)] }],
  concurrency: 1,
});
console.log('status', [...r.latencies.values()].flat());
client.close();
await svc.stop();
await db.drop();
