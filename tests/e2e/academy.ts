import { existsSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ENTRY, startServer, tempDataDir, type TestServer } from '../server/built-server.ts';

/** Where the account, exam and lead e2e tests put their screenshots (ignored by git). */
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The built server on a data folder of its own, for one test file. */
export interface Academy {
  readonly server: TestServer;
  readonly dataDir: string;
  /** Stops the server and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts the built server (it does not build) on a fresh data folder, after `prepare` has written into that folder
 * through the store (seeded accounts, sessions or certificates); without `prepare` the server starts in first-run mode
 * and prints its setup link.
 * @throws Error saying to run `npm run build` when dist/ is missing.
 */
export async function startAcademy(prepare?: (dataDir: string) => Promise<void>): Promise<Academy> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` before \`npm run test:e2e\`.`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = await tempDataDir();
  await prepare?.(dataDir);
  const server = await startServer({ dataDir });
  return {
    server,
    dataDir,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
