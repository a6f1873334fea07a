export { createPaginator, type Paginator, type FullResult, type ItemOf } from './paginator.js';
export type { PaginationConfig } from './config.js';
export type { PaginatorSpec } from './contract.js';
export type { FetchPage } from './walk.js';
export {
  encodeResumeToken,
  decodeStartingToken,
  type Cursor,
  type ResumePosition,
} from './resume-token.js';
