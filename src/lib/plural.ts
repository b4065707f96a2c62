const numbers = new Intl.NumberFormat('en');

/** "1 article", "1,204 articles". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${numbers.format(count)} ${count === 1 ? singular : plural}`;
}
