/** Custom HMR event the dev server sends when a seed file is added, changed or removed. */
export const newsUpdateEvent = 'news:update';
