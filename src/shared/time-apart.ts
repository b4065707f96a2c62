/**
 * How long after a story's first report another came, as a story's page and panel say it: "at
 * the same time", "25 minutes later", "3 hours later", "2 days 4 hours later".
 */
export function laterBy(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  if (minutes < 1) return 'at the same time';
  if (minutes < 60) return `${unit(minutes, 'minute')} later`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${unit(hours, 'hour')} later`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0
    ? `${unit(days, 'day')} later`
    : `${unit(days, 'day')} ${unit(hours % 24, 'hour')} later`;
}
