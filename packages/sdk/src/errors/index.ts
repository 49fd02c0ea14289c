export { AbortedError, isAbortedError } from './AbortedError.js';
export { ConflictError, isConflictError } from './ConflictError.js';
export { ForbiddenError, isForbiddenError } from './ForbiddenError.js';
export { isNetworkError, NetworkError } from './NetworkError.js';
export { isNotFoundError, NotFoundError } from './NotFoundError.js';
export { isPreconditionFailedError, PreconditionFailedError } from './PreconditionFailedError.js';
export { isRateLimitedError, RateLimitedError } from './RateLimitedError.js';
export { isResponseValidationError, ResponseValidationError } from './ResponseValidationError.js';
export { isServerError, ServerError } from './ServerError.js';
export { isSyncExpiredError, SyncExpiredError } from './SyncExpiredError.js';
export { isTimeoutError, TimeoutError } from './TimeoutError.js';
export {
  type FailedRequest,
  isTodoSdkError,
  TodoSdkError,
  type TodoSdkErrorOptions,
} from './TodoSdkError.js';
export { isUnauthorizedError, UnauthorizedError } from './UnauthorizedError.js';
export { isValidationError, ValidationError } from './ValidationError.js';
