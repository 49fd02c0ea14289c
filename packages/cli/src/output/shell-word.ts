import { safeText } from './safe-text.js';

/** A name as a shell reads it back, for a command a message suggests: `Groceries`, `'Work now'`. */
export const shellWord = (name: string) =>
  /^[\w.@:+-]+$/.test(name) ? name : `'${safeText(name).replaceAll("'", "'\\''")}'`;
