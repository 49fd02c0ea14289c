// Wording the contract's error texts share, so a message cannot drift from the values it lists.

/** `priority must be one of low, normal, high`: the field, then its allowed values in order. */
export function mustBeOneOf(field: string, values: readonly string[]): string {
  return `${field} must be one of ${values.join(', ')}`;
}
