import type { Progress } from './read-seeds.ts';

/** Folders smaller than this are read too quickly for progress to be worth a line. */
const quiet = 1000;

/**
 * Progress of reading a folder, for a person watching: on a terminal, one line rewritten in place
 * at most ten times a second; elsewhere (CI logs), a plain line at every tenth of the way.
 */
export function progressLine(
  label: string,
  stream: { write: (text: string) => unknown; isTTY?: boolean } = process.stderr,
): Progress {
  let lastTime = 0;
  let lastTenth = -1;
  return (done, total) => {
    if (total < quiet) return;
    const text = `${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files read`;
    if (stream.isTTY) {
      const now = Date.now();
      if (done < total && now - lastTime < 100) return;
      lastTime = now;
      stream.write(`\r${text}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((10 * done) / total);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    stream.write(`${text}\n`);
  };
}

/** `100,000 files in 12.3 s (99,999 from the cache, 1 parsed)`. */
export function timingLine(files: number, stats: { parsed: number; cached: number }, ms: number): string {
  const count = (n: number) => n.toLocaleString('en');
  return `${count(files)} file${files === 1 ? '' : 's'} in ${(ms / 1000).toFixed(1)} s (${count(stats.parsed)} parsed, ${count(stats.cached)} from the cache)`;
}
