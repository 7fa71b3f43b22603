import { join } from 'node:path';
import { DurableJsonFile } from './durable-file.ts';
import { DATA_FILES } from './lowdb-store.ts';
import { AccountsFileSchema, CertificatesFileSchema } from './schemas.ts';
import type { Certificate, User } from './types.ts';

/**
 * Certificates and users read from `dataDir` without opening the store: nothing is created, locked, cleaned up or
 * written, so a report can read the data folder while the server runs. A missing file reads as empty.
 * @throws StoreCorruptError naming the file when one cannot be trusted.
 */
export async function readCertificatesReadOnly(dataDir: string): Promise<{ certificates: Certificate[]; users: User[] }> {
  const certificates = await new DurableJsonFile(join(dataDir, DATA_FILES.certificates), CertificatesFileSchema).read();
  const accounts = await new DurableJsonFile(join(dataDir, DATA_FILES.accounts), AccountsFileSchema).read();
  return { certificates: certificates?.certificates ?? [], users: accounts?.users ?? [] };
}
