// The filter language: `parseFilter` reads it, `filterMatches` evaluates it on a todo.
export { dateOf } from './days.js';
export { type FilterContext, filterMatches } from './evaluate.js';
export { FilterSyntaxError } from './FilterSyntaxError.js';
export {
  type DayWord,
  type FilterNode,
  FilterQuery,
  MAX_FILTER_LENGTH,
  parseFilter,
} from './parse.js';
