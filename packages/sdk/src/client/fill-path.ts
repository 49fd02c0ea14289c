/**
 * A route's path with its parameters put in: `/v1/lists/{listId}/members/{memberId}` and
 * `{ listId, memberId }`. Each value is encoded; the callers check ids against the contract
 * first, so an id can never reach another path.
 */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${template} needs a ${name}`);
    return encodeURIComponent(value);
  });
}
