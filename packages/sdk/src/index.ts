export type { ChangesOptions, ChangesResource, IterateChangesOptions } from './client/changes.js';
export { createClient, type TodolistClient } from './client/create-client.js';
export { importItemId, newImportId } from './client/import-ids.js';
export type { ImportOptions, ImportProgress, ImportSummary, RejectedItem } from './client/import-many.js';
export type { ListsListQuery, ListsResource, MembersResource } from './client/lists.js';
export type {
  ClientOptions,
  RetryOptions,
  SdkLogger,
  TimeoutOptions,
  TokenProvider,
  TokenRequest,
} from './client/options.js';
export type { QuickAddRequestOptions } from './client/quick-todo.js';
export type { SavedFiltersResource } from './client/saved-filters.js';
export type {
  ChangeBatch,
  ReconnectOptions,
  SubscribeOptions,
  Subscription,
  SubscriptionStatus,
} from './client/subscribe.js';
export type {
  CallOptions,
  ConditionalOptions,
  CreateOptions,
  ListQuery,
  TodosResource,
  UpdateWithOptions,
} from './client/todos.js';
// What every client shows and signs in with, from the contract: the page reads them from the browser bundle.
export { APP_CLIENT_IDS, OAUTH_PATHS, SIGN_IN_SCOPES } from './contract/access.js';
export { type DueState, dueState, localDay, localTime } from './contract/due.js';
export type {
  Change,
  ChangedList,
  ChangePage,
  ErrorCode,
  FieldError,
  List,
  ListCreate,
  ListPage,
  ListPatch,
  ListRole,
  Member,
  MemberPage,
  Priority,
  Problem,
  QuickAddCreated,
  QuickAddParsed,
  QuickAddPreview,
  SavedFilter,
  SavedFilterCreate,
  SavedFilterPage,
  SavedFilterPatch,
  Todo,
  TodoCreate,
  TodoImportItem,
  TodoPage,
  TodoPatch,
  TodoSort,
  TodoStatus,
} from './contract/index.js';
// The live protocol's ping and its interval: what `client.subscribe` sends (loaded on demand, it reads them here).
export { INBOX_LIST_ID, MEMBER_SELF } from './contract/index.js';
export { searchMatches, searchWords } from './contract/search.js';
export {
  AbortedError,
  ConflictError,
  type FailedRequest,
  ForbiddenError,
  isAbortedError,
  isConflictError,
  isForbiddenError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isRateLimitedError,
  isResponseValidationError,
  isServerError,
  isSyncExpiredError,
  isTimeoutError,
  isTodoSdkError,
  isUnauthorizedError,
  isValidationError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  ResponseValidationError,
  ServerError,
  SyncExpiredError,
  TimeoutError,
  TodoSdkError,
  UnauthorizedError,
  ValidationError,
} from './errors/index.js';
