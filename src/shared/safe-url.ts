const allowedProtocols = new Set(['http:', 'https:']);

/**
 * Returns the normalised href when `value` is an absolute http(s) URL, else undefined.
 * Everything else (javascript:, data:, vbscript:, file:, protocol-relative, relative) is refused:
 * content links must never run code or point into the reader itself.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  // URL parsing strips tabs and newlines inside the scheme ("java\tscript:"), so refuse any
  // control character outright rather than reason about what the parser will make of it.
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!allowedProtocols.has(url.protocol) || url.hostname === '') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
