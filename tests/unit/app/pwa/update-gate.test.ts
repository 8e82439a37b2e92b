// Applying an update waits for the gate (training in progress) and is never blocked forever by a broken gate.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setUpdateGate, waitForUpdateGate } from '../../../../src/app/pwa/updateGate.ts';

afterEach(() => setUpdateGate(null));

describe('update gate', () => {
  it('lets an update through at once when nothing holds it', async () => {
    await expect(waitForUpdateGate()).resolves.toBeUndefined();
  });

  it('holds the update until the gate resolves (training finished)', async () => {
    let finishTraining!: () => void;
    setUpdateGate(() => new Promise<void>((ok) => (finishTraining = ok)));
    let through = false;
    const waiting = waitForUpdateGate().then(() => (through = true));
    await new Promise((ok) => setTimeout(ok, 10));
    expect(through).toBe(false);
    finishTraining();
    await waiting;
    expect(through).toBe(true);
  });

  it('does not pin an old version when the gate itself fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setUpdateGate(() => Promise.reject(new Error('worker crashed')));
    await expect(waitForUpdateGate()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('uses the latest gate installed, and none after it is removed', async () => {
    const first = vi.fn(async () => {});
    const second = vi.fn(async () => {});
    setUpdateGate(first);
    setUpdateGate(second);
    await waitForUpdateGate();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    setUpdateGate(null);
    await waitForUpdateGate();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
