// Two ways of sending a load run's deliveries over HTTP. `sendClosedLoop`: autocannon, as fast as the app
// answers, on a few connections (its throughput). `sendPaced`: an open-loop sender at a fixed rate,
// evenly spaced, on keep-alive connections. autocannon's own rate limit sends each second's quota as a
// burst at the start of the second, which would measure burst queueing, not latency at a steady rate.
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import type { LoadItem } from './load-plan.js';
import { WEBHOOK_PATH } from './payloads.js';

export async function sendClosedLoop(url: string, items: LoadItem[], connections: number): Promise<void> {
  let next = 0;
  await autocannon({
    url,
    connections,
    pipelining: 1,
    amount: items.length,
    timeout: 10,
    requests: [
      {
        setupRequest(req, context) {
          const item = items[next++ % items.length]!;
          context.item = item;
          item.sentAt = performance.now();
          return {
            ...req,
            method: 'POST',
            path: WEBHOOK_PATH,
            headers: item.delivery.headers,
            body: item.delivery.body,
          };
        },
        onResponse(status, _body, context) {
          const item = context.item as LoadItem;
          item.status = status;
          item.respondedAt = performance.now();
        },
      },
    ],
  });
}

export async function sendPaced(url: string, items: LoadItem[], perSecond: number): Promise<void> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / perSecond;
  const start = performance.now();
  const send = (item: LoadItem): Promise<void> =>
    new Promise((resolve) => {
      item.sentAt = performance.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { ...item.delivery.headers, 'content-length': Buffer.byteLength(item.delivery.body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            item.status = res.statusCode ?? 0;
            item.respondedAt = performance.now();
            resolve();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve());
      req.end(item.delivery.body);
    });
  const pending: Promise<void>[] = [];
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.floor((performance.now() - start) / interval) + 1;
      while (i < items.length && i < due) pending.push(send(items[i++]!));
      if (i < items.length) setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
}
