import type { TestProject } from 'vitest/node';
import { startDynalite } from '../../src/local/dynalite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** One in-memory dynalite for the whole run; each test file gets a table of its own. */
export default async function setup(project: TestProject) {
  const database = await startDynalite();
  project.provide('dynamodbEndpoint', database.endpoint);
  return () => database.close();
}
