export type Severity = 'error' | 'warning';

/** One problem with one seed file. An error rejects the file; a warning keeps the article. */
export type SeedIssue = {
  severity: Severity;
  /** Path relative to the seeds folder, with forward slashes. */
  file: string;
  line?: number;
  /** Dotted path of the field, such as `related[2].webUrl`. */
  field?: string;
  message: string;
};
