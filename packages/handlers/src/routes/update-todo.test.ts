import type { Todo } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { bodyOf, headerOf } from '../../test/support/events.js';
import { createThroughHandler, todoEvent } from '../../test/support/todos.js';
import { handler as getTodo } from './get-todo.js';
import { handler as updateTodo } from './update-todo.js';

const patch = (id: string, body: unknown, headers: Record<string, string> = {}, owner?: string) =>
  updateTodo(todoEvent(id, { method: 'PATCH', body, headers, ...(owner ? { owner } : {}) }));

const read = async (id: string) => bodyOf<Todo>(await getTodo(todoEvent(id)));

describe('updateTodo', () => {
  it('changes only the fields given, bumps the version by one and answers the new ETag', async () => {
    const todo = await createThroughHandler({ title: 'Draft', notes: 'keep me', tags: ['work'] });
    const result = await patch(todo.id, { title: 'Final', priority: 'high' });
    expect(result.statusCode).toBe(200);
    expect(headerOf(result, 'etag')).toBe('"2"');
    const updated = bodyOf<Todo>(result);
    expect(updated).toMatchObject({
      title: 'Final',
      priority: 'high',
      notes: 'keep me',
      tags: ['work'],
      version: 2,
    });
    expect(updated.updatedAt >= todo.updatedAt).toBe(true);
    expect(await read(todo.id)).toEqual(updated);
  });

  it('bumps the version on every write', async () => {
    const todo = await createThroughHandler({ title: 'Counter' });
    for (let expected = 2; expected <= 5; expected++) {
      expect(bodyOf<Todo>(await patch(todo.id, { notes: `write ${expected}` })).version).toBe(expected);
    }
  });

  it('clears notes and dueDate with null', async () => {
    const todo = await createThroughHandler({ title: 'Dated', notes: 'n', dueDate: '2027-01-01' });
    const updated = bodyOf<Todo>(await patch(todo.id, { notes: null, dueDate: null }));
    expect(updated).toMatchObject({ notes: null, dueDate: null });
  });

  it('keeps a due time with its day: a new time with the day, a cleared day taking its time, a time alone refused', async () => {
    const todo = await createThroughHandler({ title: 'Dentist', dueDate: '2027-01-04', dueTime: '09:30' });
    expect(todo).toMatchObject({ dueDate: '2027-01-04', dueTime: '09:30' });
    const later = bodyOf<Todo>(await patch(todo.id, { dueDate: '2027-01-04', dueTime: '16:15' }));
    expect(later).toMatchObject({ dueDate: '2027-01-04', dueTime: '16:15', version: 2 });
    // A new day alone keeps the time.
    expect(bodyOf<Todo>(await patch(todo.id, { dueDate: '2027-01-05' }))).toMatchObject({ dueTime: '16:15' });
    const alone = await patch(todo.id, { dueTime: '10:00' });
    expect(alone.statusCode).toBe(422);
    expect(bodyOf<{ errors: unknown }>(alone).errors).toEqual([
      { path: 'dueTime', message: 'dueTime needs a dueDate in the same request: a time is on a day' },
    ]);
    const untimed = bodyOf<Todo>(await patch(todo.id, { dueTime: null }));
    expect(untimed).toMatchObject({ dueDate: '2027-01-05', dueTime: null });
    await patch(todo.id, { dueDate: '2027-01-05', dueTime: '08:00' });
    const undated = bodyOf<Todo>(await patch(todo.id, { dueDate: null }));
    expect(undated).toMatchObject({ dueDate: null, dueTime: null });
    expect(await read(todo.id)).toEqual(undated);
  });

  describe('a repeating todo', () => {
    // Far ahead, so 'today' on the real clock is before its days: every move is from its due day.
    const weekly = { rrule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/London' };

    it('moves to its next day when completed, still open, at the same time, the completion remembered', async () => {
      const todo = await createThroughHandler({
        title: 'Standup',
        dueDate: '2099-01-05',
        dueTime: '09:00',
        recurrence: weekly,
      });
      expect(todo.recurrence).toEqual({ ...weekly, fromCompletion: false });
      const done = bodyOf<Todo>(await patch(todo.id, { completed: true }));
      expect(done).toMatchObject({
        completed: false,
        completedAt: null,
        dueDate: '2099-01-12',
        dueTime: '09:00',
        version: 2,
      });
      expect(done.completions).toEqual([{ completedAt: expect.any(String), dueDate: '2099-01-05' }]);
      const again = bodyOf<Todo>(await patch(todo.id, { completed: true }));
      expect(again.dueDate).toBe('2099-01-19');
      expect(again.completions.map((completion) => completion.dueDate)).toEqual(['2099-01-05', '2099-01-12']);
    });

    it('moves once when two clients complete the same occurrence at once: the other gets a 412', async () => {
      const todo = await createThroughHandler({
        title: 'Water plants',
        dueDate: '2099-01-05',
        recurrence: weekly,
      });
      const answers = await Promise.all([
        patch(todo.id, { completed: true }, { 'If-Match': '"1"' }),
        patch(todo.id, { completed: true }, { 'If-Match': '"1"' }),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 412]);
      expect(await read(todo.id)).toMatchObject({ dueDate: '2099-01-12', version: 2, completed: false });
    });

    it('is completed for good with the repeat ended in the same patch, and when its series is over', async () => {
      const forever = await createThroughHandler({ title: 'Gym', dueDate: '2099-01-05', recurrence: weekly });
      const ended = bodyOf<Todo>(await patch(forever.id, { completed: true, recurrence: null }));
      expect(ended).toMatchObject({ completed: true, recurrence: null, dueDate: '2099-01-05' });
      const last = await createThroughHandler({
        title: 'Course',
        dueDate: '2099-01-05',
        recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20990110', timeZone: 'Europe/London' },
      });
      expect(bodyOf<Todo>(await patch(last.id, { completed: true }))).toMatchObject({
        completed: true,
        dueDate: '2099-01-05',
      });
    });

    it('drops its repeat with its day, refuses a repeat without a day, and completes one no day can follow', async () => {
      const todo = await createThroughHandler({
        title: 'Rent',
        dueDate: '2099-01-01',
        recurrence: { rrule: 'FREQ=MONTHLY', timeZone: 'Europe/Paris' },
      });
      expect(bodyOf<Todo>(await patch(todo.id, { dueDate: null }))).toMatchObject({
        dueDate: null,
        recurrence: null,
      });
      const alone = await patch(todo.id, { recurrence: weekly });
      expect(alone.statusCode).toBe(422);
      expect(bodyOf<{ errors: { path: string }[] }>(alone).errors.map((error) => error.path)).toEqual([
        'recurrence',
      ]);
      const never = await createThroughHandler({
        title: 'Leap day party',
        dueDate: '2099-01-01',
        recurrence: { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', timeZone: 'Europe/Paris' },
      });
      expect(bodyOf<Todo>(await patch(never.id, { completed: true }))).toMatchObject({ completed: true });
    });
  });

  it('stamps completedAt on completion, keeps it when completed again, clears it on reopening', async () => {
    const todo = await createThroughHandler({ title: 'Finish me' });
    const done = bodyOf<Todo>(await patch(todo.id, { completed: true }));
    expect(done.completed).toBe(true);
    expect(done.completedAt).toBeTruthy();
    const again = bodyOf<Todo>(await patch(todo.id, { completed: true }));
    expect(again.completedAt).toBe(done.completedAt);
    const reopened = bodyOf<Todo>(await patch(todo.id, { completed: false }));
    expect(reopened).toMatchObject({ completed: false, completedAt: null });
  });

  it('applies a change whose If-Match names the current version', async () => {
    const todo = await createThroughHandler({ title: 'Conditional' });
    const result = await patch(todo.id, { title: 'Changed' }, { 'If-Match': '"1"' });
    expect(result.statusCode).toBe(200);
  });

  it('a stale If-Match changes nothing and answers 412 with the current ETag', async () => {
    const todo = await createThroughHandler({ title: 'Original' });
    await patch(todo.id, { notes: 'someone else was here' });
    const result = await patch(todo.id, { title: 'Lost update' }, { 'If-Match': '"1"' });
    expect(result.statusCode).toBe(412);
    expect(bodyOf(result).code).toBe('precondition_failed');
    expect(headerOf(result, 'etag')).toBe('"2"');
    expect(await read(todo.id)).toMatchObject({ title: 'Original', version: 2 });
  });

  it('lets exactly one of 20 concurrent PATCHes carrying the same If-Match succeed', async () => {
    const todo = await createThroughHandler({ title: 'Contended' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => patch(todo.id, { title: `Writer ${i}` }, { 'If-Match': '"1"' })),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = bodyOf<Todo>(results[statuses.indexOf(200)] as (typeof results)[number]);
    expect(await read(todo.id)).toMatchObject({ title: winner.title, version: 2 });
  });

  it('answers 400 invalid_header for an If-Match that is not an ETag', async () => {
    const todo = await createThroughHandler({ title: 'x' });
    const result = await patch(todo.id, { title: 'y' }, { 'If-Match': 'W/"abc"' });
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result).code).toBe('invalid_header');
  });

  it('answers 422 for an empty patch or a bad field, and 404 for an unknown or foreign todo', async () => {
    const todo = await createThroughHandler({ title: 'Mine' }, 'carol');
    expect((await patch(todo.id, {}, {}, 'carol')).statusCode).toBe(422);
    expect((await patch(todo.id, { tags: 'not-a-list' }, {}, 'carol')).statusCode).toBe(422);
    expect((await patch(todo.id, { title: 'Hijack' }, {}, 'dave')).statusCode).toBe(404);
    expect((await patch('01JB0000000000000000000000', { title: 'x' })).statusCode).toBe(404);
  });

  it('a PATCH on a missing todo creates nothing', async () => {
    const id = '01JB0000000000000000000001';
    expect((await patch(id, { title: 'Ghost' })).statusCode).toBe(404);
    expect((await getTodo(todoEvent(id))).statusCode).toBe(404);
  });
});
