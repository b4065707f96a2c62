// A YouTube video id is 11 characters of [A-Za-z0-9_-] (https://developers.google.com/youtube/iframe_api_reference).
const videoIdPattern = /^[A-Za-z0-9_-]{11}$/;
const youtubeHosts = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);

/**
 * Finds the video id in `featuredContent`, which in the wild is a raw `<iframe>` string.
 * The HTML is never parsed into a DOM or kept: only an `<iframe src>` pointing at a YouTube
 * embed URL yields an id, and the reader renders its own embed from that id.
 * Returns undefined for anything else (scripts, handlers, other hosts, other tags).
 */
export function youtubeIdFromEmbed(html: string): string | undefined {
  const trimmed = html.trim();
  const iframe = /^<iframe\b([^<>]*)>\s*<\/iframe>$/i.exec(trimmed);
  if (!iframe) return undefined;
  const attributes = iframe[1] ?? '';
  // Anything that could run code disqualifies the whole snippet, even though we never render it.
  if (/\son[a-z]+\s*=/i.test(attributes) || /\bsrcdoc\s*=/i.test(attributes)) return undefined;
  const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attributes);
  const value = src?.[1] ?? src?.[2] ?? src?.[3];
  if (value === undefined) return undefined;
  return youtubeIdFromUrl(value);
}

export function youtubeIdFromUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim(), 'https://invalid.example');
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!youtubeHosts.has(url.hostname.toLowerCase())) return undefined;
  const match = /^\/embed\/([^/]+)\/?$/.exec(url.pathname);
  const id = match?.[1];
  return id !== undefined && videoIdPattern.test(id) ? id : undefined;
}
