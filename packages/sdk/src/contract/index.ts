export {
  APP_CLIENT_IDS,
  CLI_CALLBACK_PORTS,
  cliCallbackUrl,
  OAUTH_PATHS,
  RESOURCE_SERVER_ID,
  requiredScope,
  SIGN_IN_SCOPES,
  TODO_SCOPES,
} from './access.js';
export {
  Change,
  ChangedList,
  ChangePage,
  LiveMessage,
} from './changes.js';
export { ChangeCursor, type ChangesFilter, ChangesQuery } from './changes-query.js';
export { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS } from './cors.js';
export { type DueState, dueState, localDay, localTime } from './due.js';
export type { HttpMethod } from './endpoints.js';
export {
  ERROR_CODE_LIST,
  ERROR_CODES,
  type ErrorCode,
  problemType,
} from './error-codes.js';
export { summarizeFieldErrors, toFieldErrors } from './field-errors.js';
export {
  type DayWord,
  dateOf,
  type FilterContext,
  type FilterNode,
  FilterQuery,
  FilterSyntaxError,
  filterMatches,
  MAX_FILTER_LENGTH,
  parseFilter,
} from './filter/index.js';
export { Health } from './health.js';
export {
  TodoImportItem,
  TodoImportResponse,
  TodoImportResult,
  TodoImportStatus,
} from './import.js';
export { TodoImportRequest } from './import-request.js';
export {
  CHANGES_RETENTION_DAYS,
  DEFAULT_CHANGES_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  IDEMPOTENCY_KEY_TTL_SECONDS,
  MAX_BODY_BYTES,
  MAX_CHANGES_CURSOR_LENGTH,
  MAX_CURSOR_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_ITEMS,
  MAX_LIST_NAME_LENGTH,
  MAX_LISTS,
  MAX_MEMBERS,
  MAX_NOTES_LENGTH,
  MAX_PAGE_SIZE,
  MAX_QUICK_ADD_TEXT_LENGTH,
  MAX_SAVED_FILTER_NAME_LENGTH,
  MAX_SAVED_FILTERS,
  MAX_SHARED_LISTS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_TITLE_LENGTH,
} from './limits.js';
export {
  Cursor,
  type TodoListFilter,
  TodoListQuery,
  TodoPage,
  TodoSort,
  TodoStatus,
} from './list.js';
export { INBOX_LIST_ID, ListId } from './list-id.js';
export {
  List,
  ListCreate,
  ListDeleteQuery,
  ListName,
  ListPage,
  ListPatch,
  ListPathParams,
  ListRole,
  type ListsFilter,
  ListsQuery,
  sameListName,
} from './lists.js';
export { LIVE_PATH, LIVE_PING, LIVE_PING_INTERVAL_MS, LIVE_TOKEN_PARAMETER } from './live.js';
export { Email, MEMBER_SELF, Member, MemberInvite, MemberPage, MemberPathParams } from './members.js';
export { generateOpenApiDocument, type OpenApiOptions } from './openapi.js';
export { OpenApiDocument } from './openapi-document.js';
export { FieldError, PROBLEM_MEDIA_TYPE, Problem, REQUEST_ID_HEADER } from './problem.js';
export {
  QuickAddCreated,
  QuickAddParsed,
  QuickAddPreview,
  QuickAddQuery,
  QuickAddRecurrence,
  QuickAddRequest,
  QuickAddTaken,
} from './quick-todo.js';
export {
  Completion,
  MAX_COMPLETIONS,
  Recurrence,
  RecurrenceInput,
  RRule,
} from './recurrence.js';
export {
  COMMON_ERROR_CODES,
  pathParamNames,
  type RouteDefinition,
  type RouteHeader,
  type RouteName,
  routeList,
  routes,
} from './routes.js';
export {
  SavedFilter,
  SavedFilterCreate,
  SavedFilterId,
  SavedFilterName,
  SavedFilterPage,
  SavedFilterPatch,
  SavedFilterPathParams,
  SavedFilterQuery,
} from './saved-filters.js';
export { MAX_SEARCH_LENGTH, SearchQuery, searchFold, searchMatches, searchWords } from './search.js';
export { TimeZone } from './time-zone.js';
export {
  DueDate,
  DueTime,
  Notes,
  Priority,
  Tag,
  Tags,
  Title,
  Todo,
  TodoCreate,
  TodoId,
  TodoPatch,
  TodoPathParams,
} from './todo.js';
export { dueOrderKey, type OrderFields, priorityOrderKey } from './todo-order.js';
