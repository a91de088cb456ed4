/** The plan output formats (here, free of the renderers' dependencies, for the CLI to declare). */
export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
