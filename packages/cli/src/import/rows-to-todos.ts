import type { TodoImportItem } from '@todolist/sdk';
import { hasCode } from '../lists/list-errors.js';
import type { SourceRow } from './read-rows.js';
import type { RejectsFile } from './rejects-file.js';
import type { RowIdBook } from './row-ids.js';
import { type parseColumnMap, rowToTodo } from './to-todo.js';

/** What turning rows into todos needs: how to read them, where bad ones go, and how ids are chosen. */
export interface RowsToTodosOptions {
  columnMap: ReturnType<typeof parseColumnMap>;
  /** The day relative due days (`tomorrow`) are read from: one for the whole import. */
  now: Date;
  rejects: RejectsFile;
  /** The ids an earlier import of the file gave its rows; none for a pipe. */
  book: RowIdBook | undefined;
  newId: (index: number) => string;
  /** The id of the list a row's `list` column names; absent in a dry run, which sends nothing. */
  listIdOf?: (name: string) => Promise<string>;
}

/** The API's (or the SDK's) refusal of a list name: a validation error, never a failure to reach it. */
const isRefusedName = (error: unknown) =>
  hasCode(error, 'validation_failed') || hasCode(error, 'limit_reached');

/**
 * The todos the rows ask for, one at a time, each with its id: the row's own (a file `todo
 * export` wrote, so importing it back finds the todos it came from), else the one an earlier
 * import of the file gave the same row, else the one its position in this import gives it.
 * Bad rows go to the rejects; `lineOfSent[i]` is the line of the i-th todo sent.
 */
export function todosOfRows(rows: AsyncIterable<SourceRow>, options: RowsToTodosOptions) {
  const { columnMap, now, rejects, book, newId, listIdOf } = options;
  const state = { valid: 0, lineOfSent: [] as number[] };
  async function* items(): AsyncGenerator<TodoImportItem> {
    for await (const row of rows) {
      if ('unreadable' in row.row) {
        rejects.add(row, String(row.row.unreadable), []);
        continue;
      }
      const todo = rowToTodo(row.row, columnMap, now);
      if (!todo.ok) {
        rejects.add(row, todo.message, todo.errors);
        continue;
      }
      let listId: string | undefined;
      if (todo.list && listIdOf) {
        try {
          listId = await listIdOf(todo.list);
        } catch (error) {
          // A name the API refuses as a list (too long, say) rejects the row; anything else stops the import.
          if (!isRefusedName(error)) throw error;
          rejects.add(row, `list: ${(error as Error).message}`, [
            { path: 'list', message: (error as Error).message },
          ]);
          continue;
        }
      }
      state.valid++;
      state.lineOfSent.push(row.line);
      // The same row gets the same id on a re-run, so the API finds it instead of adding it again.
      // Another app's row is known by its record as written: what it reads as (a Todoist
      // "tomorrow" as a day) changes from one day to the next, the record does not.
      const content = row.source ?? todo.content;
      const id = todo.input.id ?? (book ? book.idFor(content, row.index) : newId(row.index));
      yield { ...todo.input, id, ...(listId ? { listId } : {}) };
    }
  }
  return {
    items,
    get valid() {
      return state.valid;
    },
    lineOfSent: state.lineOfSent,
  };
}
