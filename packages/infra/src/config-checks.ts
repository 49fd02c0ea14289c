/** Thrown when the CDK context holds a setting the app cannot use; the message says what to pass. */
export class InfraConfigError extends Error {
  override name = 'InfraConfigError';
}

/** A context value as a list: `a,b` from the command line, or a JSON array from cdk.json. */
export function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
  return items.map((item) => item.trim()).filter(Boolean);
}

/** A context value as trimmed text, or undefined when it is absent or blank. */
export function text(value: unknown): string | undefined {
  const trimmed = value === undefined || value === null ? '' : String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Stops synthesis with `message` unless `ok`. */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new InfraConfigError(message);
}

/**
 * A context value as `key:value` pairs (`us-east-1:90,eu-west-1:10`), in order. The value is
 * what follows the last colon, so a key holds none.
 */
export function pairs(name: string, value: unknown, example: string): [string, string][] {
  return list(value).map((item) => {
    const colon = item.lastIndexOf(':');
    check(
      colon > 0 && colon < item.length - 1,
      `context ${name} takes key:value pairs such as ${example} (got "${item}")`,
    );
    return [item.slice(0, colon).trim(), item.slice(colon + 1).trim()];
  });
}
