import { join } from 'node:path';
import { DurableJsonFile } from './durable-file.ts';
import { selectUsers } from './lowdb-accounts.ts';
import { selectCertificates } from './lowdb-certificates.ts';
import { DATA_FILES } from './lowdb-store.ts';
import { AccountsFileSchema, CertificatesFileSchema } from './schemas.ts';
import type { CertificateReader } from './store.ts';

/**
 * The lowdb store's certificate and account reads, served from `dataDir` without opening the store: nothing is
 * created, locked, cleaned up or written, so a report can read the data folder while the server runs. The files are
 * read once, when this is called; a missing file reads as empty.
 * @throws StoreCorruptError naming the file when one cannot be trusted.
 */
export async function openLowdbReader(dataDir: string): Promise<CertificateReader> {
  const certificates =
    (await new DurableJsonFile(join(dataDir, DATA_FILES.certificates), CertificatesFileSchema).read())?.certificates ?? [];
  const users = (await new DurableJsonFile(join(dataDir, DATA_FILES.accounts), AccountsFileSchema).read())?.users ?? [];
  return {
    listCertificates: async (filter = {}) => selectCertificates(certificates, filter),
    listUsers: async (filter = {}) => selectUsers(users, filter),
    close: async () => undefined,
  };
}
