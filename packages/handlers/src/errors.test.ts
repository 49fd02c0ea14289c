import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  isTodoApiError,
  NotFoundError,
  PreconditionFailedError,
  TodoApiError,
} from './errors.js';

describe('the handlers’ errors', () => {
  it('are told apart by class across two copies of the module, as two bundles load them', async () => {
    // A query makes the loader evaluate the file again: other classes, the same registry symbol.
    const copyPath: string = './errors.js?copy';
    const copy = (await import(/* @vite-ignore */ copyPath)) as typeof import('./errors.js');
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const fromCopy = new copy.NotFoundError('01JB0000000000000000000000');
    expect(fromCopy instanceof NotFoundError).toBe(true);
    expect(fromCopy instanceof TodoApiError).toBe(true);
    expect(fromCopy instanceof BadRequestError).toBe(false);
    expect(isTodoApiError(fromCopy)).toBe(true);
    expect(isTodoApiError(new Error('a bug'))).toBe(false);
    expect(isTodoApiError({ code: 'not_found', status: 404 })).toBe(false);
  });

  it('carry their status, name and headers from the code', () => {
    const error = new PreconditionFailedError('01JB0000000000000000000000', 1, 3, 'todo');
    expect(error).toMatchObject({
      name: 'PreconditionFailedError',
      code: 'precondition_failed',
      status: 412,
      headers: { ETag: '"3"' },
    });
    expect(new BadRequestError('invalid_cursor', 'bad').status).toBe(400);
  });
});
