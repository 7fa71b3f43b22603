import { formatBeijingTime } from '../../rules/index.ts';

/**
 * A file download: `Content-Disposition: attachment` with an ASCII fallback name and the Chinese name in
 * `filename*` (RFC 6266 / RFC 5987), never cached since it carries exam keys or personal data.
 */
export function download(body: string, contentType: string, asciiName: string, chineseName: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Today's Beijing date for file names, e.g. `2026-01-01`. */
export function beijingDateStamp(at: number): string {
  return formatBeijingTime(at).slice(0, 10);
}
