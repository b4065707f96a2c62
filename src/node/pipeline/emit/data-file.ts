/** One file of the data folder: its path in it, and the value its JSON holds. */
export type DataFile = { path: string; data: unknown };
