import { describe, expect, it } from 'vitest';
import { changedKeys, writeOperation } from './write-keys.js';

const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });

describe('the keys a write to dynalite names', () => {
  it('a write is named by its X-Amz-Target; a read or anything else is not one', () => {
    expect(writeOperation('DynamoDB_20120810.PutItem')).toBe('PutItem');
    expect(writeOperation('DynamoDB_20120810.BatchWriteItem')).toBe('BatchWriteItem');
    expect(writeOperation('DynamoDB_20120810.GetItem')).toBeUndefined();
    expect(writeOperation(undefined)).toBeUndefined();
    expect(writeOperation(['DynamoDB_20120810.PutItem'])).toBeUndefined();
  });

  it('PutItem names its item, UpdateItem and DeleteItem their key, in people’s partitions of the table', () => {
    const item = { ...key('USER#ada', 'TODO#1'), title: { S: 'Milk' } };
    expect(changedKeys('PutItem', { TableName: 'todolist', Item: item }, 'todolist')).toEqual([
      { pk: 'USER#ada', sk: 'TODO#1' },
    ]);
    expect(
      changedKeys('UpdateItem', { TableName: 'todolist', Key: key('USER#ada', 'LIST#x') }, 'todolist'),
    ).toEqual([{ pk: 'USER#ada', sk: 'LIST#x' }]);
    expect(
      changedKeys('DeleteItem', { TableName: 'todolist', Key: key('EMAIL#a@b', 'ACCOUNT') }, 'todolist'),
    ).toEqual([]);
    expect(changedKeys('PutItem', { TableName: 'todolist-next', Item: item }, 'todolist')).toEqual([]);
  });

  it('BatchWriteItem names each put and delete of the table’s requests', () => {
    const body = {
      RequestItems: {
        todolist: [
          { PutRequest: { Item: key('USER#ada', 'TODO#1') } },
          { DeleteRequest: { Key: key('USER#ada', 'TODO#2') } },
          { DeleteRequest: { Key: key('HEALTH', 'SENTINEL') } },
        ],
        other: [{ PutRequest: { Item: key('USER#bob', 'TODO#3') } }],
      },
    };
    expect(changedKeys('BatchWriteItem', body, 'todolist')).toEqual([
      { pk: 'USER#ada', sk: 'TODO#1' },
      { pk: 'USER#ada', sk: 'TODO#2' },
    ]);
  });

  it('a body of another shape names nothing, and throws nothing', () => {
    for (const body of [
      undefined,
      null,
      'PutItem',
      [],
      { TableName: 'todolist' },
      { TableName: 'todolist', Item: { pk: { N: '1' } } },
    ])
      expect(changedKeys('PutItem', body, 'todolist')).toEqual([]);
    expect(changedKeys('BatchWriteItem', { RequestItems: { todolist: [null, 1, {}] } }, 'todolist')).toEqual(
      [],
    );
    expect(changedKeys('BatchWriteItem', { RequestItems: { todolist: {} } }, 'todolist')).toEqual([]);
  });
});
