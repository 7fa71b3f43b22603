import { formatBeijingTime } from '../../rules/index.ts';

/**
 * A file download: `Content-Disposition: attachment` with an ASCII fallback name and the Chinese name in
 * `filename*` (RFC 6266 / RFC 5987), never cached since it carries exam keys or personal data. A stream body is sent
 * as it is produced (chunked), so an export of any size holds one piece in memory at a time.
 */
export function download(body: string | ReadableStream<Uint8Array>, contentType: string, asciiName: string, chineseName: string): Response {
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

/** Pieces of text as a byte stream for `download`: the next piece is produced only when the client has taken the last. */
export function textStream(pieces: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await pieces.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await pieces.return?.(undefined);
    },
  });
}
