/** The lint output formats (here, free of the formatters' dependencies, for the CLI to declare). */
export const LINT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
