import { prepareFirstRun, setupUrl } from './accounts/index.ts';
import { configuredStore, isListedHost, listeningOrigin, publicOrigin } from './config.ts';
import { describeStore, openStore, type Store } from './store/index.ts';

// One store per process, whichever bundle chunk or dev-server module instance asks first: two instances would be
// two writers to the same files.
const STORE = Symbol.for('after-sales-academy/store');

function firstRunMessage(link: string): string {
  const rule = '─'.repeat(72);
  return [
    rule,
    '首次启动：还没有组长账号。请用浏览器打开下面的一次性链接，创建第一个组长账号：',
    'First run: there is no lead account yet. Open this one-time link to create the first lead:',
    '',
    `  ${link}`,
    '',
    '链接只能用一次；服务器每次重启都会换一个新链接，旧链接随之失效。',
    '(Single use; every restart prints a new link and voids the old one.)',
    rule,
  ].join('\n');
}

async function openAndAnnounce(requestOrigin: string | undefined): Promise<Store> {
  const fromRequest = requestOrigin && isListedHost(new URL(requestOrigin).hostname) ? requestOrigin : undefined;
  const origin = publicOrigin() ?? fromRequest ?? listeningOrigin();
  const store = await openStore(configuredStore());
  console.log(`Store: ${describeStore(store)}`);
  // With several worker processes only worker 1 prepares the first run (start.mjs), so that workers do not replace
  // each other's setup link.
  if (process.env.ACADEMY_SKIP_FIRST_RUN === '1') return store;
  const token = await prepareFirstRun(store, Date.now());
  if (token) console.log(firstRunMessage(setupUrl(origin, token)));
  return store;
}

/**
 * The process's store, opened on first call. On a store with no lead, opening also prints the one-time setup link:
 * for PUBLIC_URL when set, else for the origin of the request that opened it when its host is listed (`astro dev`, where the first request
 * opens the store), else for HOST/PORT (the built server, where boot.ts opens it before listening).
 * @throws StoreCorruptError (through the promise) when a data file cannot be trusted.
 */
export function getStore(requestOrigin?: string): Promise<Store> {
  const holder = globalThis as { [STORE]?: Promise<Store> };
  holder[STORE] ??= openAndAnnounce(requestOrigin);
  return holder[STORE];
}
