// The bridge's lifecycle over a real Comlink channel (MessageChannel stands in for the Worker):
// lazy start, one call at a time, restart after timeout or crash, abort, training events.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { createTrainerBridge, TrainerError, type TrainerEndpoint } from '../../../src/trainer/bridge.ts';

interface Gate {
  promise: Promise<void>;
  open: () => void;
}
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

/** A fake trainer "worker": Comlink-exposed methods whose timing the test controls. */
function harness(trainImpl?: (req: unknown, n: number) => Promise<unknown>) {
  const spawned: { port: MessagePort; terminated: boolean }[] = [];
  let active = 0;
  let maxActive = 0;
  let calls = 0;
  const log: string[] = [];
  const api = {
    async train(req: { habitIds: unknown; trigger: string }) {
      const n = ++calls;
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${req.trigger}`);
      try {
        const out = trainImpl
          ? await trainImpl(req, n)
          : { status: 'done', trigger: req.trigger, outcomes: [], missing: [], durationMs: 1 };
        log.push(`end ${req.trigger}`);
        return out;
      } finally {
        active--;
      }
    },
    async predictAll(today: string) {
      return { status: 'done', today, predictions: [] };
    },
    async insights() {
      return { series: [], calibration: [] };
    },
    async rollback(habitId: string) {
      return { ok: true, reason: `rolled back ${habitId}`, version: 1 };
    },
    status() {
      return { training: active > 0, current: null, last: null, host: 'worker' };
    },
  };
  const spawn = (): TrainerEndpoint => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
    const rec = { port: port1, terminated: false };
    spawned.push(rec);
    const ep = port1 as unknown as TrainerEndpoint;
    ep.terminate = () => {
      rec.terminated = true;
      port1.close();
      port2.close();
    };
    return ep;
  };
  return {
    spawn,
    spawned,
    log,
    get maxActive() {
      return maxActive;
    },
  };
}

const req = (trigger: string) => ({ habitIds: 'all' as const, trigger: trigger as 'manual' });

describe('trainer bridge', () => {
  it('starts the worker lazily, on the first call only', async () => {
    const h = harness();
    const t = createTrainerBridge({ spawn: h.spawn });
    expect(h.spawned).toHaveLength(0);
    expect((await t.status()).training).toBe(false);
    expect(h.spawned).toHaveLength(0);
    await t.predictAll('2026-11-24');
    await t.rollback('read');
    expect(h.spawned).toHaveLength(1);
  });

  it('runs one call at a time, in order, even when callers do not wait', async () => {
    const gates = [gate(), gate(), gate()];
    const h = harness(async (_r, n) => {
      await gates[n - 1].promise;
      return { status: 'done', n };
    });
    const t = createTrainerBridge({ spawn: h.spawn });
    const ps = ['a', 'b', 'c'].map((x) => t.train(req(x)));
    await new Promise((r) => setTimeout(r, 20));
    expect(h.log).toEqual(['start a']);
    gates[2].open();
    gates[1].open();
    gates[0].open();
    const out = await Promise.all(ps);
    expect(out.map((o) => (o as unknown as { n: number }).n)).toEqual([1, 2, 3]);
    expect(h.log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(h.maxActive).toBe(1);
  });

  it('stops a worker that exceeds its time limit and serves the next call from a fresh one', async () => {
    const h = harness(() => new Promise(() => undefined));
    const t = createTrainerBridge({ spawn: h.spawn, timeouts: { train: 50 } });
    const err = await t.train(req('idle')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainerError);
    expect((err as TrainerError).kind).toBe('timeout');
    expect(h.spawned[0].terminated).toBe(true);
    expect(t.restarts).toBe(1);
    expect(t.isTraining()).toBe(false);
    expect(await t.predictAll('2026-11-24')).toMatchObject({ status: 'done', today: '2026-11-24' });
    expect(h.spawned).toHaveLength(2);
  });

  it('abort() terminates the worker mid-run, rejects that call and reports training ended', async () => {
    const started = gate();
    const h = harness(async () => {
      started.open();
      return new Promise(() => undefined);
    });
    const t = createTrainerBridge({ spawn: h.spawn });
    const events: boolean[] = [];
    t.onTrainingChange((v) => events.push(v));
    const p = t.train(req('manual'));
    await started.promise;
    expect(t.isTraining()).toBe(true);
    const idle = t.whenIdle();
    t.abort();
    await expect(p).rejects.toMatchObject({ kind: 'aborted' });
    await idle;
    expect(events).toEqual([true, false]);
    expect(h.spawned[0].terminated).toBe(true);
    expect(await t.rollback('x')).toMatchObject({ ok: true });
  });

  it('treats an error event from the worker as a crash: the call rejects and the worker restarts', async () => {
    const started = gate();
    const h = harness(async () => {
      started.open();
      return new Promise(() => undefined);
    });
    const t = createTrainerBridge({ spawn: h.spawn });
    const p = t.train(req('launch'));
    await started.promise;
    const ev = new Event('error', { cancelable: true });
    Object.defineProperty(ev, 'message', { value: 'Uncaught RangeError: out of memory' });
    h.spawned[0].port.dispatchEvent(ev);
    const err = (await p.catch((e: unknown) => e)) as TrainerError;
    expect(err.kind).toBe('crashed');
    expect(err.message).toContain('out of memory');
    expect(t.restarts).toBe(1);
    expect(await t.predictAll('2026-11-25')).toMatchObject({ status: 'done' });
  });

  it('a failing call does not block the queue behind it', async () => {
    const h = harness(async (_r, n) => {
      if (n === 1) throw new Error('bad habit');
      return { status: 'done', n };
    });
    const t = createTrainerBridge({ spawn: h.spawn });
    const a = t.train(req('a'));
    const b = t.train(req('b'));
    await expect(a).rejects.toThrow('bad habit');
    expect(await b).toMatchObject({ n: 2 });
    expect(t.restarts).toBe(0);
  });

  it('in a page another tab updated: a worker that loads still serves, one that fails reports the update', async () => {
    // train() never answers here: it stands for a worker whose script never arrives.
    const h = harness(async () => new Promise(() => undefined));
    let outdated = false;
    const t = createTrainerBridge({ spawn: h.spawn, outdated: () => outdated });
    await t.predictAll('2026-11-24');
    outdated = true;
    t.abort();
    // The old file may still come from the browser's cache: a new worker is tried, and it serves.
    expect(await t.rollback('read')).toMatchObject({ ok: true });
    expect(h.spawned).toHaveLength(2);
    t.abort();
    const p = t.train(req('launch'));
    await new Promise((r) => setTimeout(r, 20));
    h.spawned[2].port.dispatchEvent(new Event('error', { cancelable: true }));
    const err = (await p.catch((e: unknown) => e)) as TrainerError;
    expect(err).toBeInstanceOf(TrainerError);
    expect(err.kind).toBe('outdated');
    expect(err.message).toMatch(/updated in another tab: reload this tab to continue/);
    expect(t.isTraining()).toBe(false);
  });
});
