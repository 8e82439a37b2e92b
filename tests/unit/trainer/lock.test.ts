// The training lock: a second trainer skips ('busy') instead of queueing; the update gate waits.
import { describe, expect, it } from 'vitest';
import { trainLockHeld, whenTrainLockFree, withTrainLock } from '../../../src/trainer/lock.ts';
import { fakeLocks } from './helpers.ts';

describe('withTrainLock', () => {
  it('gives a second trainer "busy" while the first holds the lock, and the lock back afterwards', async () => {
    const locks = fakeLocks();
    let release!: () => void;
    const first = withTrainLock(() => new Promise<string>((r) => (release = () => r('first'))), { locks });
    await Promise.resolve();
    expect(await trainLockHeld(locks)).toBe(true);
    expect(await withTrainLock(async () => 'second', { locks })).toEqual({ status: 'busy' });
    release();
    expect(await first).toEqual({ status: 'ran', value: 'first', locked: true });
    expect(await trainLockHeld(locks)).toBe(false);
    expect(await withTrainLock(async () => 'third', { locks })).toEqual({
      status: 'ran',
      value: 'third',
      locked: true,
    });
  });

  it('releases the lock when the work throws, and passes the error on', async () => {
    const locks = fakeLocks();
    await expect(
      withTrainLock(
        async () => {
          throw new Error('diverged');
        },
        { locks },
      ),
    ).rejects.toThrow('diverged');
    expect(await trainLockHeld(locks)).toBe(false);
  });

  it('with wait: true queues behind the holder instead of skipping', async () => {
    const locks = fakeLocks();
    const order: string[] = [];
    let release!: () => void;
    const a = withTrainLock(
      async () => {
        order.push('a');
        await new Promise<void>((r) => (release = r));
        order.push('a done');
      },
      { locks },
    );
    await Promise.resolve();
    const b = withTrainLock(
      async () => {
        order.push('b');
      },
      { locks, wait: true },
    );
    await Promise.resolve();
    release();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'a done', 'b']);
  });

  it('runs unlocked where the platform has no Web Locks', async () => {
    expect(await withTrainLock(async () => 1, { locks: null })).toEqual({ status: 'ran', value: 1, locked: false });
  });

  it('whenTrainLockFree resolves only after the trainer is done', async () => {
    const locks = fakeLocks();
    let release!: () => void;
    let trained = false;
    const run = withTrainLock(
      async () => {
        await new Promise<void>((r) => (release = r));
        trained = true;
      },
      { locks },
    );
    await Promise.resolve();
    const gate = whenTrainLockFree(60_000, locks).then(() => trained);
    release();
    await run;
    expect(await gate).toBe(true);
  });
});
