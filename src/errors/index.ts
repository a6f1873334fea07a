export { CloudSessionsError, isCloudSessionsError } from './base.js';
export { ValidationError, ConfigurationError, CredentialsError, PaginationError } from './local.js';
export { ConnectionError, TimeoutError, AbortError } from './transport.js';
export { ServiceError, type ServiceErrorInit } from './service.js';
export { RedirectError, InvalidResponseError } from './response.js';
