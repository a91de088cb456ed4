import type { OutputStream } from './io.js';

/**
 * A progress bar on stderr, for exports that take more than a moment: only on a terminal, only
 * after half a second, redrawn at most ten times a second, and erased when done.
 */
export function progressBar(stream: OutputStream, label: string, enabled: boolean): { update(done: number, total: number): void; finish(): void } {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled || !stream.isTTY) return;
      const now = Date.now();
      if (now - started < 500 || now - last < 100) return;
      last = now;
      shown = true;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
      stream.write(`\r${label}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${mb(done)}/${mb(total)} MB `);
    },
    finish() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
