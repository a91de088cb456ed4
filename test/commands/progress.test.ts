import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../src/commands/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('the progress bar', () => {
  afterEach(() => vi.useRealTimers());

  it('draws on a terminal once reading takes more than half a second, then erases itself', () => {
    vi.useFakeTimers({ now: 0 });
    const out = stream(true);
    const bar = progressBar(out, 'Reading scores.csv', true);
    bar.update(10e6, 100e6);
    expect(out.written).toEqual([]);
    vi.setSystemTime(600);
    bar.update(50e6, 100e6);
    expect(out.written).toHaveLength(1);
    expect(out.written[0]).toMatch(/^\rReading scores\.csv {2}\[█{15}░{15}\] {2}50% {2}50\/100 MB $/);
    vi.setSystemTime(650);
    bar.update(60e6, 100e6);
    expect(out.written).toHaveLength(1); // At most ten redraws a second.
    bar.finish();
    expect(out.written[1]).toBe('\r\u001b[2K');
  });

  it('stays silent off a terminal, with --quiet, and for quick reads', () => {
    vi.useFakeTimers({ now: 0 });
    const pipe = stream(false);
    const quiet = stream(true);
    const quick = stream(true);
    const bars = [progressBar(pipe, 'x', true), progressBar(quiet, 'x', false), progressBar(quick, 'x', true)];
    vi.setSystemTime(1000);
    bars[0]!.update(1, 2);
    bars[1]!.update(1, 2);
    bars.forEach((bar) => bar.finish());
    expect([pipe.written, quiet.written, quick.written]).toEqual([[], [], []]);
  });
});
