import { CredentialsError } from '../errors/index.js';
import type { HttpRequest, RequestSigner } from '../transport/http-request.js';
import { Redacted } from './redacted.js';

/**
 * Puts a static token into a header, e.g. Jupyter Server's `Authorization: token <T>`
 * (jupyter_server/services/api/api.yaml, `securityDefinitions`). The token stays private.
 */
export function createHeaderTokenSigner(
  header: string,
  format: string,
  token: string,
): RequestSigner {
  if (typeof token !== 'string' || token === '') {
    throw new CredentialsError('token must be a non-empty string');
  }
  return new HeaderTokenSigner(header.toLowerCase(), format, token);
}

class HeaderTokenSigner extends Redacted implements RequestSigner {
  readonly #value: string;
  constructor(
    readonly header: string,
    format: string,
    token: string,
  ) {
    super();
    // A replacer function, so a `$&` or `$$` in the token is inserted as is, not as a pattern.
    this.#value = format.replace('{token}', () => token);
  }

  async sign(request: HttpRequest): Promise<void> {
    request.headers[this.header] = this.#value;
  }

  toJSON(): Record<string, string> {
    return { header: this.header, token: '[redacted]' };
  }

  override toString(): string {
    return `HeaderTokenSigner(${this.header})`;
  }

  protected override inspectRedacted(): string {
    return this.toString();
  }
}
