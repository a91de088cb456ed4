import type { Plan } from '../generated/types.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

import type { PlanFormat } from './formats.js';

export { PLAN_FORMATS, type PlanFormat } from './formats.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Renderers are pure functions of the plan: a new format never touches planning. */
export function renderPlan(plan: Plan, format: PlanFormat, options: { color: boolean }): string {
  switch (format) {
    case 'text':
      return renderText(plan, options);
    case 'markdown':
      return renderMarkdown(plan);
    case 'json':
      return renderJson(plan);
  }
}

export { renderMarkdown, renderText };
