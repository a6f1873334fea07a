import { CloudSessionsError } from './base.js';

/** Input rejected locally, before any request was sent. */
export class ValidationError extends CloudSessionsError {
  override name = 'ValidationError';
  constructor(
    /** Dotted path of the offending parameter, e.g. `NotebookId` or `config.maxItems`. */
    readonly parameter: string,
    /** The rule that failed, e.g. `required`, `minLength 1`, `pattern ^[a-z]+$`. */
    readonly rule: string,
    detail?: string,
  ) {
    super(`Invalid parameter ${parameter}: ${detail ?? `must satisfy ${rule}`}`);
  }
}

/** Client configuration that cannot work (missing region, FIPS with a custom endpoint, ...). */
export class ConfigurationError extends CloudSessionsError {
  override name = 'ConfigurationError';
}

/** Credentials or keys that are missing, malformed or unreadable. Never contains secret values. */
export class CredentialsError extends CloudSessionsError {
  override name = 'CredentialsError';
}

/** Pagination contract broken: a repeated token, a bad starting token, an unsupported option. */
export class PaginationError extends CloudSessionsError {
  override name = 'PaginationError';
}
