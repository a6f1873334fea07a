import type { ServiceError, ServiceErrorInit } from '../errors/index.js';
import type { EndpointTemplates } from './endpoints.js';
import type { Protocol } from './error-parsing.js';
import type { InputRules } from './validate.js';
import type { TimestampPlan } from './timestamps.js';
import type { InputTimestampPlan } from './timestamp-serialize.js';
import type { SignerFactory } from './signing.js';

export type ServiceErrorClass = new (init: ServiceErrorInit) => ServiceError;

/** How requests to a service are authenticated (the spec's `x-auth`). */
export type AuthScheme =
  | { scheme: 'sigv4'; signingName: string }
  | { scheme: 'oci-signature-v1' }
  | { scheme: 'header-token'; header: string; format: string }
  | { scheme: 'none' };

/** What the generator knows about a service, emitted as a constant next to its client. */
export interface ServiceDescription {
  /** Client name from the spec's `x-client.name`, e.g. `Athena`. */
  name: string;
  protocol: Protocol;
  /** awsJson1_0 and awsJson1_1 only: the `X-Amz-Target` prefix, e.g. `AmazonAthena`. */
  targetPrefix?: string;
  auth: AuthScheme;
  /** Builds the signer for `auth` (the generator imports the one module the scheme needs). */
  signing: SignerFactory;
  /** Retry family (`x-retry`): which classification rules and default policy apply. */
  retry: 'aws' | 'oci';
  /** Lower-case name of the response header carrying the request id. */
  requestIdHeader: string;
  endpoints: EndpointTemplates;
  /** Per-service base class for unknown error codes. */
  baseError: ServiceErrorClass;
  /** Modelled errors by code. */
  errors: Readonly<Record<string, ServiceErrorClass>>;
}

/** What the generator knows about one operation. */
export interface OperationDescription {
  name: string;
  input: InputRules;
  /** Where `Date` values sit in the input and the wire format of each (`x-timestamp`). */
  inputTimestamps?: InputTimestampPlan;
  /** Where `Date` conversion applies in the output. */
  timestamps?: TimestampPlan;
  /** The success body is a bare JSON array; `timestamps` then applies to each element. */
  outputArray?: boolean;
  /** Output members bound to response headers: member -> lower-case header name. */
  outputHeaders?: Readonly<Record<string, string>>;
}
