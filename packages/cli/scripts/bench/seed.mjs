// The todos `todo list` is timed against, created through the gateway with plain fetch (not the
// SDK or the CLI, which are what is measured). Varied as a real list is, so the table has due
// dates, priorities and tags to lay out.

const PRIORITIES = ['normal', 'high', 'low'];
const TAGS = [[], ['home'], ['work', 'urgent'], ['errands']];

/** The body of the `index`-th seeded todo: a due day for two in three, a spread of the rest. */
function seededTodo(index, today) {
  const due = new Date(today);
  due.setUTCDate(due.getUTCDate() + (index % 21) - 7);
  return {
    title: `Seeded todo ${index + 1}: ${'a title of some length '.repeat(1 + (index % 3)).trim()}`,
    priority: PRIORITIES[index % PRIORITIES.length],
    tags: TAGS[index % TAGS.length],
    ...(index % 3 !== 2 ? { dueDate: due.toISOString().slice(0, 10) } : {}),
  };
}

/**
 * Creates `count` open todos through the gateway at `url` as the person whose `authorization`
 * (a bearer access token) it carries; answers their ids.
 */
export async function seedTodos(url, count, authorization) {
  const today = new Date();
  const ids = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${url}/v1/todos`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', authorization },
      body: JSON.stringify(seededTodo(index, today)),
    });
    if (response.status !== 201) {
      throw new Error(`seeding: POST /v1/todos answered ${response.status}: ${await response.text()}`);
    }
    ids.push((await response.json()).id);
  }
  return ids;
}
