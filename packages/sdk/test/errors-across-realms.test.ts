import { runInNewContext } from 'node:vm';
import { TimeoutError as KyTimeoutError } from 'ky';
import { describe, expect, it, vi } from 'vitest';
import {
  ConflictError,
  isConflictError,
  isNotFoundError,
  isPreconditionFailedError,
  isTimeoutError,
  isTodoSdkError,
  NotFoundError,
  PreconditionFailedError,
  TodoSdkError,
} from '../src/index.js';

// One app may load two copies of the SDK (its ESM and CommonJS builds, or two versions), and an
// error may come from another realm (an iframe, a vm context). `instanceof` and the `is…Error`
// guards must hold across them: they read the kinds an error carries under a registry symbol.

const KINDS = Symbol.for('@todolist/sdk/error-kinds');
const request = { method: 'GET', path: '/v1/todos/01KMZ7X3Q4V8N2B6C9D1E5F7G0' };

/** A second, separately evaluated copy of the SDK's errors: same code, other classes. */
async function anotherCopyOfTheSdk(): Promise<typeof import('../src/index.js')> {
  vi.resetModules();
  return import('../src/index.js');
}

describe('an error from another copy of the SDK', () => {
  it('comes from classes of its own', async () => {
    const other = await anotherCopyOfTheSdk();

    expect(other.NotFoundError).not.toBe(NotFoundError);
    expect(other.TodoSdkError).not.toBe(TodoSdkError);
  });

  it('is instanceof this copy’s class and TodoSdkError, and of no other class', async () => {
    const other = await anotherCopyOfTheSdk();
    const error = new other.NotFoundError('GET … failed: not found', {
      request,
      status: 404,
      code: 'not_found',
    });

    expect(Object.getPrototypeOf(error)).not.toBe(NotFoundError.prototype);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(TodoSdkError);
    expect(error).not.toBeInstanceOf(ConflictError);
    expect(isNotFoundError(error)).toBe(true);
    expect(isTodoSdkError(error)).toBe(true);
    expect(isConflictError(error)).toBe(false);
  });

  it('is recognised both ways, fields included', async () => {
    const other = await anotherCopyOfTheSdk();
    const ours = new PreconditionFailedError('PATCH … failed', {
      request,
      status: 412,
      code: 'precondition_failed',
      currentVersion: 4,
    });

    expect(ours).toBeInstanceOf(other.PreconditionFailedError);
    expect(other.isPreconditionFailedError(ours)).toBe(true);
    expect(other.isNotFoundError(ours)).toBe(false);
    expect(isPreconditionFailedError(ours) && ours.currentVersion).toBe(4);
  });
});

describe('an error from another realm', () => {
  it('carrying the kinds under the registry symbol is instanceof the classes it names', () => {
    // Symbol.for reads a registry all realms share; Error and Array are the vm context's own.
    const foreign: unknown = runInNewContext(`
      const error = new Error('GET … failed: not found');
      Object.defineProperty(error, Symbol.for('@todolist/sdk/error-kinds'), { value: ['NotFoundError', 'TodoSdkError'] });
      error;
    `);

    expect(foreign instanceof Error).toBe(false);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(TodoSdkError);
    expect(foreign).not.toBeInstanceOf(ConflictError);
    expect(isNotFoundError(foreign)).toBe(true);
  });
});

describe('what is not a TodoSdkError', () => {
  it.each([
    ['a plain Error', new Error('not found')],
    ['a TypeError', new TypeError('fetch failed')],
    [
      'an Error named like an SDK error',
      Object.assign(new Error('x'), { name: 'NotFoundError', code: 'not_found' }),
    ],
    ['kinds that are not a list', { [KINDS]: 'NotFoundError' }],
    ['an empty object', {}],
    ['a string', 'NotFoundError'],
    ['null', null],
    ['undefined', undefined],
  ])('%s', (_, value) => {
    expect(value).not.toBeInstanceOf(TodoSdkError);
    expect(value).not.toBeInstanceOf(NotFoundError);
    expect(isTodoSdkError(value)).toBe(false);
    expect(isNotFoundError(value)).toBe(false);
  });

  it('ky’s own TimeoutError is not the SDK’s', () => {
    const kyError = new KyTimeoutError(new Request('http://api.todolist.test/v1/todos'));

    expect(isTimeoutError(kyError)).toBe(false);
    expect(isTodoSdkError(kyError)).toBe(false);
  });

  it('a TodoSdkError is not any of its subclasses', () => {
    const base = new TodoSdkError('GET … failed', { request, status: 405, code: 'method_not_allowed' });

    expect(base).toBeInstanceOf(TodoSdkError);
    expect(base).not.toBeInstanceOf(NotFoundError);
    expect(base).not.toBeInstanceOf(ConflictError);
  });
});
