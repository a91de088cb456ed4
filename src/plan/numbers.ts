/** Number formatting shared by messages and renderers, so a share reads the same everywhere. */

/** `12.3%` of a whole; `0.0%` when the whole is empty. */
export function formatShare(count: number, total: number): string {
  return `${formatPercent(total === 0 ? 0 : count / total)}`;
}

/** A fraction as a percentage with one decimal: 0.1234 → `12.3%`. Tiny non-zero fractions show as `<0.1%`. */
export function formatPercent(fraction: number): string {
  if (fraction > 0 && fraction < 0.0005) return '<0.1%';
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * 48310 → `48,310` (as toLocaleString('en-US') would, without the 30 ms its first call takes to
 * load the locale data).
 */
export function formatCount(count: number): string {
  const [whole, fraction] = String(Math.abs(count)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${count < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
