import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AbortError } from '../../src/errors/index.js';
import { sleep, type Timers } from '../../src/retry/sleep.js';

/** Timers that record calls and fire only when told to. */
function manualTimers() {
  const scheduled = new Map<number, { ms: number; callback: () => void }>();
  const cleared: unknown[] = [];
  let nextId = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      scheduled.set(++nextId, { ms, callback });
      return nextId;
    },
    clearTimeout(handle) {
      cleared.push(handle);
      scheduled.delete(handle as number);
    },
  };
  const fireAll = () => {
    for (const [id, entry] of scheduled) {
      scheduled.delete(id);
      entry.callback();
    }
  };
  return { timers, scheduled, cleared, fireAll };
}

describe('sleep', () => {
  it('asks the timers for the requested delay and resolves when it fires', async () => {
    const { timers, scheduled, fireAll } = manualTimers();
    const done = sleep(1_234, undefined, timers);
    expect([...scheduled.values()].map((entry) => entry.ms)).toEqual([1_234]);
    fireAll();
    await expect(done).resolves.toBeUndefined();
  });

  it('never passes a negative delay to the timers', () => {
    const { timers, scheduled } = manualTimers();
    void sleep(-5, undefined, timers);
    expect([...scheduled.values()][0]?.ms).toBe(0);
  });

  it('rejects at once with AbortError when the signal is already aborted, setting no timer', async () => {
    const { timers, scheduled } = manualTimers();
    const reason = new Error('user cancelled');
    await expect(sleep(1_000, AbortSignal.abort(reason), timers)).rejects.toMatchObject({
      name: 'AbortError',
      cause: reason,
    });
    expect(scheduled.size).toBe(0);
  });

  it('rejects with AbortError carrying the signal reason when aborted while waiting', async () => {
    const { timers } = manualTimers();
    const controller = new AbortController();
    const done = sleep(60_000, controller.signal, timers);
    const reason = new Error('stop');
    controller.abort(reason);
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
  });

  it('clears its timer on abort', async () => {
    const { timers, scheduled, cleared } = manualTimers();
    const controller = new AbortController();
    const done = sleep(60_000, controller.signal, timers);
    const [handle] = scheduled.keys();
    controller.abort();
    await done.catch(() => undefined);
    expect(cleared).toEqual([handle]);
    expect(scheduled.size).toBe(0);
  });

  it('removes its abort listener once the wait is over', async () => {
    const { timers, fireAll } = manualTimers();
    const controller = new AbortController();
    const done = sleep(10, controller.signal, timers);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    fireAll();
    await done;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('uses the global timers by default', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
