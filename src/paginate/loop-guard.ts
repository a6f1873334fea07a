import { PaginationError } from '../errors/index.js';

/**
 * Stops a run whose service hands back a token it already handed out, which would
 * otherwise request the same pages forever. Keeps O(1) state however long the run is.
 *
 * - The same token twice in a row is botocore's check, with its message ("The same next
 *   token was received twice: ..."). Unlike botocore, the token that requested the first
 *   page (from `startingToken` or the input) takes part, so a page that returns its own
 *   token fails at once instead of after one repeated request.
 * - Longer cycles (A -> B -> A) never end in botocore. Here Brent's cycle detection
 *   (R. P. Brent, "An improved Monte Carlo factorization algorithm", BIT 20, 1980)
 *   compares each token with a checkpoint moved at power-of-two distances, so a cycle of
 *   length L entered after T pages is reported within about 2·max(T, L) + L pages.
 */
export class LoopGuard {
  readonly #operation: string;
  #previous: string;
  #checkpoint: string;
  #power = 1;
  #distance = 0;

  /** `first` is the serialised cursor of the first request. */
  constructor(first: string, operation: string) {
    this.#operation = operation;
    this.#previous = first;
    this.#checkpoint = first;
  }

  /** Records the next page's serialised cursor; throws `PaginationError` on a repeat. */
  check(next: string): void {
    if (next === this.#previous) {
      throw new PaginationError(
        `The same next token was received twice: ${next} (${this.#operation})`,
      );
    }
    this.#distance++;
    if (next === this.#checkpoint) {
      throw new PaginationError(
        `Pagination loop: the next token ${next} was already received ${this.#distance} pages earlier (${this.#operation})`,
      );
    }
    if (this.#distance === this.#power) {
      this.#checkpoint = next;
      this.#power *= 2;
      this.#distance = 0;
    }
    this.#previous = next;
  }
}
