/**
 * The client's view of the time: the local clock plus the offset learned from
 * a server's `Date` header after a clock-skew rejection. One per client, read
 * at signing time, so requests already in flight pick up a correction too.
 */
export class Clock {
  offsetMs = 0;
  constructor(private readonly source: () => number = Date.now) {}

  now(): Date {
    return new Date(this.source() + this.offsetMs);
  }

  /** Record the server time seen in a response so later signatures use it. */
  correctTo(serverTime: Date): void {
    this.offsetMs = serverTime.getTime() - this.source();
  }
}
