import {
  ConnectionError,
  InvalidResponseError,
  isCloudSessionsError,
  type ServiceError,
} from '../errors/index.js';
import { describeFailure } from '../errors/transport.js';
import { Clock } from '../transport/clock.js';
import type { HttpRequest, RequestSigner } from '../transport/http-request.js';
import { resolveRetryPolicy, type RetryPolicy } from '../retry/policy.js';
import { createRetryQuota, type RetryQuota } from '../retry/quota.js';
import { withRetries, type AttemptContext } from '../retry/run.js';
import { resolveEndpoint } from './endpoints.js';
import { identifyError } from './error-parsing.js';
import { applyTimestamps } from './timestamps.js';
import { serializeTimestamps } from './timestamp-serialize.js';
import { validateInput } from './validate.js';
import { checkUnknownKeys } from './unknown-keys.js';
import { checkHeaders, checkWellFormed, checkWireHeaders } from './local-checks.js';
import { redirectError } from './redirects.js';
import { checkValidationMode } from './validation-mode.js';
import { redactHeaders, redactUrl } from './logging.js';
import { defaultRetryPolicy, type AnyClientConfig, type CallOptions } from './config.js';
import type { OperationDescription, ServiceDescription } from './service.js';
import { platformDefaults } from '#platform';
import { chooseFetch } from './transport-choice.js';
import {
  createRequestBuilder,
  type AttemptInit,
  type RawResult,
  type RequestBuilder,
} from './request-builder.js';

/** The `application/x-amz-json-<version>` of each awsJson protocol. */
const AWS_JSON_VERSION: Partial<Record<string, string>> = { awsJson1_0: '1.0', awsJson1_1: '1.1' };

/** What a client needs before its first request; resolved once. */
interface Connection {
  http: RequestBuilder<{}>;
  signer: RequestSigner | undefined;
}

export type { AttemptInit, RawResult } from './request-builder.js';

/**
 * The typed openapi-fetch call a generated method makes, e.g.
 * `(http, init, wire) => http.GET('/2020-08-01/studios/{studioId}/streaming-sessions', {...init, params})`.
 * `wire` is the caller's input with its `Date` members already in their wire format
 * (timestamp-serialize.ts); it keeps the input's type so the call is still checked against `paths`.
 */
export type TypedCall<Paths extends {}, Input = any> = (
  http: RequestBuilder<Paths>,
  init: AttemptInit,
  wire: Input,
) => Promise<RawResult>;

/**
 * One per client: the request pipeline every generated method goes through.
 * validate -> [per attempt: serialize (openapi-fetch's serializers) -> sign -> send -> classify] -> parse.
 */
export class ServiceRuntime<Paths extends {}> {
  readonly clock = new Clock();
  readonly #service: ServiceDescription;
  readonly #config: AnyClientConfig;
  readonly #policy: RetryPolicy;
  readonly #quota: RetryQuota | undefined;
  /** `undefined`: `globalThis.fetch`, looked up per request (nock and test doubles replace it). */
  readonly #fetch: typeof fetch | undefined;
  #connection: Promise<Connection> | Connection | undefined;

  constructor(service: ServiceDescription, config: AnyClientConfig) {
    this.#service = service;
    this.#config = { ...config };
    this.#policy = resolveRetryPolicy(defaultRetryPolicy(service.retry), config.retry);
    this.#quota = createRetryQuota(this.#policy);
    checkValidationMode(config.validation, 'validation');
    this.#fetch = chooseFetch(config.fetch, platformDefaults.fetch);
    // With the region known up front, configuration errors surface here, not at the first call.
    if (config.region !== undefined) this.#connection = this.#connect(config.region);
    // A custom endpoint needs no region to be checked (a `file:` URL is refused here).
    else if (config.endpoint !== undefined) resolveEndpoint(service.endpoints, this.#config);
  }

  /** Endpoint and signer; the region may come from the environment or a profile (Node). */
  async #connectLazily(): Promise<Connection> {
    const region =
      this.#config.region ??
      (await this.#service.signing.defaultRegion?.(this.#config, platformDefaults));
    return this.#connect(region);
  }

  #connect(region: string | undefined): Connection {
    const baseUrl = resolveEndpoint(this.#service.endpoints, { ...this.#config, region });
    return {
      http: createRequestBuilder(baseUrl),
      signer: this.#service.signing.create(
        this.#service.auth,
        this.#config,
        region,
        platformDefaults,
      ),
    };
  }

  async send<Output, Input extends object = object>(
    operation: OperationDescription,
    input: Input,
    options: CallOptions | undefined,
    call: TypedCall<Paths, Input>,
  ): Promise<Output> {
    // Everything knowable before sending fails here, before the first attempt, never retried.
    validateInput(
      input,
      operation.input,
      operation.name,
      checkValidationMode(options?.validation, 'options.validation') ??
        this.#config.validation ??
        'default',
    );
    checkUnknownKeys(input, operation.input, operation.name);
    checkWellFormed(input);
    checkHeaders(options?.headers);
    // Once per call, not per attempt: every attempt sends the same body.
    const wire = operation.inputTimestamps
      ? serializeTimestamps(input, operation.inputTimestamps)
      : input;
    const connection = await (this.#connection ??= this.#connectLazily().catch((error: unknown) => {
      this.#connection = undefined;
      throw error;
    }));
    this.#connection = connection;
    const policy =
      options?.retry === undefined ? this.#policy : resolveRetryPolicy(this.#policy, options.retry);
    return withRetries(
      (ctx) => this.#attempt<Output, Input>(connection, operation, call, wire, ctx, options),
      {
        policy,
        quota: this.#quota,
        signal: options?.signal,
        clock: this.clock,
        onRetry: (info) =>
          this.#config.logger?.warn?.(`${operation.name}: retrying`, {
            attempt: info.attempt,
            reason: info.reason,
            delayMs: info.delayMs,
            error:
              info.error instanceof Error
                ? `${info.error.name}: ${info.error.message}`
                : String(info.error),
          }),
      },
    );
  }

  async #attempt<Output, Input>(
    connection: Connection,
    operation: OperationDescription,
    call: TypedCall<Paths, Input>,
    wire: Input,
    ctx: AttemptContext,
    options: CallOptions | undefined,
  ): Promise<Output> {
    const init: AttemptInit = {
      // A signal that cannot fire would only cost undici an abort listener and a
      // FinalizationRegistry entry per request (about 20 µs under Node 20, BENCHMARKS.md).
      transport: (request) =>
        this.#transmit(connection.signer, request, ctx, ctx.abortable ? ctx.signal : undefined),
      headers: { ...this.#attemptHeaders(operation, ctx), ...options?.headers },
    };
    let result: RawResult;
    try {
      result = await call(connection.http as RequestBuilder<Paths>, init, wire);
    } catch (error) {
      throw asTransportError(error, ctx.signal);
    }
    if (!result.response.ok) throw this.#serviceError(result.response, result.error);
    return this.#output<Output>(operation, result);
  }

  /** Signs the request the builder made and sends it with the client's transport. */
  async #transmit(
    signer: RequestSigner | undefined,
    wire: HttpRequest,
    ctx: AttemptContext,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    if (signer) await signer.sign(wire, ctx.signingTime());
    checkWireHeaders(wire.headers);
    const fetchImpl = this.#fetch ?? globalThis.fetch;
    const response = await fetchImpl(wire.url.href, {
      method: wire.method,
      headers: wire.headers,
      body: wire.body,
      signal,
      // Never followed (issue 16): a followed redirect carries the signed headers, session
      // token included, to the host the Location names. createNodeHttpFetch never follows.
      redirect: 'manual',
    });
    this.#config.logger?.debug?.(`${wire.method} ${redactUrl(wire.url)} -> ${response.status}`, {
      attempt: ctx.attempt,
      maxAttempts: ctx.maxAttempts,
      status: response.status,
      headers: redactHeaders(wire.headers),
    });
    const redirect = redirectError(response, wire.url);
    if (redirect) {
      await response.body?.cancel().catch(() => undefined);
      throw redirect;
    }
    return response;
  }

  #attemptHeaders(operation: OperationDescription, ctx: AttemptContext): Record<string, string> {
    const headers: Record<string, string> = {};
    const service = this.#service;
    const jsonVersion = AWS_JSON_VERSION[service.protocol];
    if (jsonVersion) {
      // awsJson1_0 and 1_1 differ on the wire only in this content type (Smithy's awsJson1_0
      // and awsJson1_1 protocol specifications).
      headers['content-type'] = `application/x-amz-json-${jsonVersion}`;
      headers['x-amz-target'] = `${service.targetPrefix}.${operation.name}`;
    }
    if (service.retry === 'aws') {
      // As the AWS SDKs send them (SDK v3 middleware-retry; botocore standard mode).
      headers['amz-sdk-invocation-id'] = ctx.invocationId;
      headers['amz-sdk-request'] = `attempt=${ctx.attempt}; max=${ctx.maxAttempts}`;
    } else if (ctx.maxAttempts > 1) {
      // oci-common's retrier marks requests it may retry (oci-contracts.md §2.3).
      headers['opc-client-retries'] = 'true';
    }
    return headers;
  }

  #serviceError(response: Response, body: unknown): ServiceError {
    const headers = headersRecord(response.headers);
    const { code, message } = identifyError(this.#service.protocol, response.status, headers, body);
    const ErrorClass = this.#service.errors[code] ?? this.#service.baseError;
    return new ErrorClass({
      code,
      message,
      status: response.status,
      requestId: headers[this.#service.requestIdHeader],
      headers,
      body,
    });
  }

  #output<Output>(operation: OperationDescription, result: RawResult): Output {
    const { data, response } = result;
    const context = { operation: operation.name, body: result.text };
    if (operation.outputArray) {
      if (data !== undefined && !Array.isArray(data)) {
        throw new InvalidResponseError(operation.name, '(body)', data, 'JSON array', result.text);
      }
      const items = data ?? [];
      if (operation.timestamps) {
        for (let i = 0; i < items.length; i++)
          applyTimestamps(items[i], operation.timestamps, context, String(i));
      }
      return items as Output;
    }
    const output = (typeof data === 'object' && data !== null ? data : {}) as Record<
      string,
      unknown
    >;
    if (operation.outputHeaders) {
      for (const member in operation.outputHeaders) {
        const value = response.headers.get(operation.outputHeaders[member]!);
        if (value !== null) output[member] = value;
      }
    }
    if (operation.timestamps) applyTimestamps(output, operation.timestamps, context);
    return output as Output;
  }
}

function headersRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => (record[name] = value));
  return record;
}

/**
 * Errors from fetch or from reading the body: a reset connection, a body cut short
 * (undici: "terminated"), invalid JSON. The retry loop decides about abort and timeout itself,
 * so those pass through untouched.
 */
function asTransportError(error: unknown, signal: AbortSignal): unknown {
  if (isCloudSessionsError(error) || signal.aborted) return error;
  const what =
    error instanceof SyntaxError ? 'the response body is not valid JSON' : describeFailure(error);
  return new ConnectionError(`Request failed: ${what}`, { cause: error });
}
