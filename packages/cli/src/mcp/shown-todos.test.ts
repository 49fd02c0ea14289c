import type { Todo } from '@todolist/sdk';
import { describe, expect, it } from 'vitest';
import { hasShortId } from '../ids/short-id.js';
import { ShownTodos } from './shown-todos.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A todo with a ULID-shaped id made from `n`: only the fields a compact todo reads. */
function todo(n: number): Todo {
  let id = '';
  for (let rest = n, place = 0; place < 26; place++, rest = Math.floor(rest / 32))
    id = CROCKFORD[rest % 32] + id;
  return {
    id: `0${id.slice(1)}`,
    title: `Todo ${n}`,
    completed: false,
    listId: 'inbox',
    priority: 'normal',
    tags: [],
  } as unknown as Todo;
}

describe('ShownTodos', () => {
  it('gives short ids that tell apart everything shown lately, and keeps every id shown for looking up', () => {
    const shown = new ShownTodos();
    const first = shown.compactOne(todo(1));
    expect(first.shortId).toHaveLength(4);
    const many = Array.from({ length: 6000 }, (_, index) => todo(index + 2));
    const compact = shown.compact(many);
    // The last 5000 shown, the first included only while it was among them, are told apart.
    const recent = compact.slice(-5000).map((each) => each.shortId);
    expect(new Set(recent).size).toBe(5000);
    // The first fell out of the last 5000, but a short id it was given still finds it, and
    // whatever else now starts the same, so that one is refused as ambiguous, not taken for it.
    const ids = shown.ids();
    expect(ids).toHaveLength(6001);
    expect(ids[0]).toBe(first.id);
    expect(ids.filter((id) => hasShortId(id, first.shortId))).toContain(first.id);
    // Shown again, it is among the last ones again, and last in line.
    shown.compactOne(todo(1));
    expect(shown.ids().at(-1)).toBe(first.id);
    expect(shown.ids()).toHaveLength(6001);
  });
});
