import { isIP } from 'node:net';
import { plainIp } from '../config-schema.ts';
import { serverConfig } from '../config.ts';

/**
 * The address a request came from, as the login throttle counts it. Behind a reverse proxy every request arrives from
 * the proxy, so without this all sign-ins would share one address and 50 wrong passwords anywhere would lock out the
 * whole company. A request whose peer is a listed proxy (`TRUSTED_PROXIES`) names its client in X-Forwarded-For,
 * where each proxy appends the address it received the request from: the entries on the left are whatever the client
 * sent, so the header is read from the right, past the listed proxies, and the first other address is the client.
 * With no proxy listed, from an unlisted peer, or at a malformed entry, the last trustworthy address is used.
 */
export function clientAddressOf(peer: string, forwardedFor: string | null, trustedProxies: readonly string[]): string {
  let address = plainIp(peer);
  const hops = forwardedFor === null ? [] : forwardedFor.split(',').map((hop) => plainIp(hop.trim()));
  while (trustedProxies.includes(address) && hops.length > 0) {
    const next = hops.pop()!;
    if (isIP(next) === 0) break;
    address = next;
  }
  return address;
}

/** `clientAddressOf` for a request, with the configured `TRUSTED_PROXIES`. */
export function requestClientAddress(peer: string, request: Request): string {
  return clientAddressOf(peer, request.headers.get('x-forwarded-for'), serverConfig().trustedProxies);
}
