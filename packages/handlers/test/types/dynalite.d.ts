// dynalite ships no types; this is the part of its API the handlers' tests use.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  export default function dynalite(options?: { createTableMs?: number }): Server;
}
