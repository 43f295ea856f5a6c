/**
 * Global setup for integration tests: one real Azurite (in memory, a free port) for the run.
 * Each test file uses its own table prefix, so files never see each other's data.
 */
import type { TestProject } from 'vitest/node';
import { startAzurite, type AzuriteHandle } from '../../bot/src/storage/azurite.js';
import { freePort } from '../support/ports.js';

let azurite: AzuriteHandle | undefined;

export default async function setup(project: TestProject) {
  const port = await freePort();
  azurite = await startAzurite({ port, location: '', inMemory: true });
  project.provide('azuritePort', port);
  return async () => {
    await azurite?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    azuritePort: number;
  }
}
