/**
 * Pagination with botocore's `PaginationConfig` semantics (MaxItems, PageSize, StartingToken,
 * byte-identical resume tokens) for every generated `paginate<Operation>` function. An
 * operation is described by a `PaginatorSpec`; the runtime reduces it to "items of this page"
 * and "cursor of the next page" and builds page iteration, item iteration, limits and
 * resume tokens once on top of them.
 */
export { createPaginator, type Paginator, type FullResult, type ItemOf } from './paginator.js';
export type { PaginationConfig } from './config.js';
export type { PaginatorSpec, ListMemberName } from './contract.js';
export type { FetchPage } from './walk.js';
export {
  encodeResumeToken,
  decodeStartingToken,
  type Cursor,
  type ResumePosition,
} from './resume-token.js';
