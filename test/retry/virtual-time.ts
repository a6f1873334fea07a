import { Clock } from '../../src/transport/clock.js';
import type { Timers } from '../../src/retry/sleep.js';

/**
 * Virtual time for retry-loop tests: `timers.setTimeout` records its delay and
 * queues the callback; whenever the code under test is idle (all microtasks
 * drained, detected with a real `setImmediate`) the earliest queued timer
 * fires and the virtual clock jumps to its due time. Nothing really sleeps.
 */
export function createVirtualTime(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
  let now = start;
  let nextId = 0;
  let pumping = false;
  const queue = new Map<number, { due: number; callback: () => void }>();
  /** Every delay passed to setTimeout, in call order. */
  const delays: number[] = [];

  const pump = (): void => {
    if (pumping) return;
    pumping = true;
    setImmediate(() => {
      pumping = false;
      let earliest: [number, { due: number; callback: () => void }] | undefined;
      for (const entry of queue) {
        if (!earliest || entry[1].due < earliest[1].due) earliest = entry;
      }
      if (!earliest) return;
      queue.delete(earliest[0]);
      now = Math.max(now, earliest[1].due);
      earliest[1].callback();
      pump();
    });
  };

  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = ++nextId;
      delays.push(ms);
      queue.set(id, { due: now + ms, callback });
      pump();
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
  };

  return {
    timers,
    delays,
    clock: new Clock(() => now),
    now: () => now,
    /** Waits `ms` of virtual time (for attempts that "take" time). */
    sleep: (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms)),
    pending: () => queue.size,
  };
}
