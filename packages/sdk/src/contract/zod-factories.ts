import * as z from 'zod/mini';
import {
  _coercedNumber,
  _isoDate,
  _isoDateTime,
  type $ZodISODateParams,
  type $ZodISODateTimeParams,
} from 'zod/v4/core';

// zod/mini's `z.iso` and `z.coerce` are namespaces, and a bundler keeps every member of a
// namespace reached through another (`z.iso.time`, `z.iso.duration`, `z.coerce.date`,
// `z.coerce.bigint` and their schema classes) though the contract uses one or two. These make
// the same schemas from zod's core factories, as zod/mini does, and bundle alone.

/** `z.iso.date(params)`: a calendar day, `YYYY-MM-DD`. */
// @__NO_SIDE_EFFECTS__
export function isoDate(params?: string | $ZodISODateParams): z.ZodMiniISODate {
  return _isoDate(z.ZodMiniISODate, params);
}

/** `z.iso.datetime(params)`: an ISO 8601 moment. */
// @__NO_SIDE_EFFECTS__
export function isoDateTime(params?: string | $ZodISODateTimeParams): z.ZodMiniISODateTime {
  return _isoDateTime(z.ZodMiniISODateTime, params);
}

/** `z.coerce.number<Input>()`: `Number(input)`, then the checks of a number. */
// @__NO_SIDE_EFFECTS__
export function coercedNumber<Input>(): z.ZodMiniNumber<Input> {
  return _coercedNumber(z.ZodMiniNumber) as z.ZodMiniNumber<Input>;
}
