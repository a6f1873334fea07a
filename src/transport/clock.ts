/**
 * The client's view of the time: the local clock plus the offset learned from
 * a server's `Date` header after a clock-skew rejection. One per client, read
 * at signing time, so requests already in flight pick up a correction too.
 */
export class Clock {
  /** Milliseconds added to the local clock: server time minus local time at the last correction. */
  offsetMs = 0;
  constructor(private readonly source: () => number = Date.now) {}

  /** The current time as the servers see it (local time plus {@link Clock.offsetMs}). */
  now(): Date {
    return new Date(this.source() + this.offsetMs);
  }

  /** Record the server time seen in a response so later signatures use it. */
  correctTo(serverTime: Date): void {
    this.offsetMs = serverTime.getTime() - this.source();
  }
}
