import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES } from './error-codes.js';

describe('the error codes', () => {
  it('list each code once, in the order of ERROR_CODES, which gives each its status and title', () => {
    expect(new Set(ERROR_CODE_LIST).size).toBe(ERROR_CODE_LIST.length);
    expect(Object.keys(ERROR_CODES)).toEqual(ERROR_CODE_LIST);
  });
});
