import { CloudSessionsError } from './base.js';

/** What a {@link ServiceError} is built from: the parsed error response. */
export interface ServiceErrorInit {
  /** Error code as the service sent it (`ThrottlingException`, `NotAuthenticated`, ...). */
  code: string;
  /** The service's message (empty when it sent none). */
  message: string;
  /** HTTP status of the response. */
  status: number;
  /** Request id from the service's request-id header, when present. */
  requestId: string | undefined;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

/**
 * An error response from a service. Generated code derives one base class per
 * service from this, and one subclass per modelled error.
 */
export class ServiceError extends CloudSessionsError {
  override name = 'ServiceError';
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  /** Service name from the spec, e.g. `Athena`. */
  readonly service: string = 'unknown';

  constructor(init: ServiceErrorInit) {
    super(init.message || init.code);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.body = init.body;
  }

  /** A member of the JSON error body, for the modelled members generated subclasses declare. */
  protected bodyMember<T>(name: string): T | undefined {
    const body = this.body;
    if (typeof body !== 'object' || body === null) return undefined;
    return (body as Record<string, unknown>)[name] as T | undefined;
  }
}
