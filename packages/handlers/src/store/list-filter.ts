import type { TodoListFilter } from '@todolist/sdk/contract';

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
  if (clauses.length === 0) return {};
  return {
    FilterExpression: clauses.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
