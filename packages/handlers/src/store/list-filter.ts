import { searchWords, type TodoListFilter } from '@todolist/sdk/contract';

/** A DynamoDB FilterExpression for a listing's filters, or nothing when it lists everything. */
export interface FilterExpression {
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

export function buildFilterExpression(filter: TodoListFilter): FilterExpression {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.status !== 'all') {
    names['#completed'] = 'completed';
    values[':completed'] = filter.status === 'completed';
    clauses.push('#completed = :completed');
  }
  if (filter.tag !== undefined) {
    names['#tags'] = 'tags';
    values[':tag'] = filter.tag;
    clauses.push('contains(#tags, :tag)');
  }
  // A todo without a due date has no dueDate attribute, so either comparison leaves it out.
  if (filter.dueBefore !== undefined) {
    names['#dueDate'] = 'dueDate';
    values[':dueBefore'] = filter.dueBefore;
    clauses.push('#dueDate < :dueBefore');
  }
  if (filter.dueAfter !== undefined) {
    names['#dueDate'] = 'dueDate';
    values[':dueAfter'] = filter.dueAfter;
    clauses.push('#dueDate > :dueAfter');
  }
  // Each word in the folded title or notes; a todo from before search, in its text as written.
  if (filter.q !== undefined) {
    Object.assign(names, {
      '#searchTitle': 'searchTitle',
      '#searchNotes': 'searchNotes',
      '#title': 'title',
      '#notes': 'notes',
    });
    searchWords(filter.q).forEach((word, at) => {
      values[`:q${at}`] = word;
      clauses.push(
        `contains(#searchTitle, :q${at}) OR contains(#searchNotes, :q${at}) OR (attribute_not_exists(#searchTitle) AND (contains(#title, :q${at}) OR contains(#notes, :q${at})))`,
      );
    });
  }
  if (clauses.length === 0) return {};
  return {
    // DynamoDB refuses parentheses around a whole expression: only clauses joined to others get them.
    FilterExpression:
      clauses.length === 1
        ? clauses[0]
        : clauses.map((clause) => (clause.includes(' OR ') ? `(${clause})` : clause)).join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
