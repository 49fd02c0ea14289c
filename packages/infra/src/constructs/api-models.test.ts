import { MAX_NOTES_LENGTH, MAX_TAGS, routes } from '@todolist/sdk/contract';
import { describe, expect, it } from 'vitest';
import { parameterNames, requestJsonSchema, requestParameters } from './api-models.js';

const createBody = requestJsonSchema(routes.createTodo.body) as {
  properties: Record<string, Record<string, unknown>>;
  required: string[];
  additionalProperties: boolean;
};

describe("the API Gateway models made from the contract's schemas", () => {
  it('are draft-4 JSON Schema with the fields, required ones and limits of the body', () => {
    expect(createBody).toMatchObject({ schema: 'http://json-schema.org/draft-04/schema#', type: 'object' });
    expect(createBody.required).toEqual(['title']);
    expect(createBody.additionalProperties).toBe(false);
    expect(createBody.properties.tags).toMatchObject({ type: 'array', maxItems: MAX_TAGS });
    expect(JSON.stringify(createBody.properties.notes)).toContain(`"maxLength":${MAX_NOTES_LENGTH}`);
  });

  it('leave to the handler the length and pattern of what it trims or folds first, as API Gateway sees the raw body', () => {
    // A padded 200-character title or a " Work" tag is accepted once trimmed: the model must not refuse it.
    expect(createBody.properties.title).toEqual({ type: 'string', minLength: 1 });
    expect(createBody.properties.tags?.items).toEqual({ type: 'string' });
  });

  it('name query parameters as optional, path parameters and route headers as the route declares', () => {
    expect(parameterNames(routes.listTodos.query)).toEqual([
      'listId',
      'sort',
      'status',
      'tag',
      'dueBefore',
      'dueAfter',
      'q',
      'filter',
      'timeZone',
      'limit',
      'cursor',
    ]);
    expect(requestParameters(routes.updateTodo)).toEqual({
      'method.request.path.id': true,
      'method.request.header.If-Match': false,
    });
    expect(requestParameters(routes.listTodos)).toMatchObject({ 'method.request.querystring.cursor': false });
  });

  it("require a list's path parameters, {listId} and {memberId}, by the names the paths give them", () => {
    expect(requestParameters(routes.getList)).toEqual({ 'method.request.path.listId': true });
    expect(requestParameters(routes.deleteList)).toEqual({
      'method.request.path.listId': true,
      'method.request.querystring.todos': false,
      'method.request.querystring.moveTo': false,
    });
    expect(requestParameters(routes.removeMember)).toEqual({
      'method.request.path.listId': true,
      'method.request.path.memberId': true,
    });
  });

  it("leave a list's name and a member's address to the handler, which trims (and lower-cases) them first", () => {
    const list = requestJsonSchema(routes.createList.body) as { properties: Record<string, unknown> };
    expect(list.properties.name).toEqual({ type: 'string', minLength: 1 });
    const invite = requestJsonSchema(routes.addMember.body) as { properties: Record<string, unknown> };
    expect(invite.properties.email).toEqual({ type: 'string' });
  });
});
