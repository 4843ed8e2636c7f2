// The demo runs the whole path on this machine: the real app, the GitHub stand-in, signed webhooks for
// the example reports; the matching ones get a comment and labels, the others get nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.js';

afterEach(() => vi.restoreAllMocks());

describe('runDemo', () => {
  it('posts comments for the matching examples and nothing for the others', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    expect(await runDemo([])).toBe(0);
    const text = out.join('\n');
    for (const id of ['puma-m4-sptm-yjit', 'luajit-gc-oom-trace-exit', 'utm-qemu-tso-hvf-bad-argument']) {
      expect(text).toContain(`<!-- crash-triage:v1 state=matched incident=${id} -->`);
    }
    expect(text.match(/no comment \(no confident match\)/g)).toHaveLength(2);
    expect(text).toMatch(/5 webhooks, \d+ API requests/);
    // The summary table: one row per report, the verdict, and why.
    const table = text.slice(text.indexOf('Summary: report → verdict → why'));
    expect(table).toMatch(
      /^01-m4-solid-queue-panic\.md +matched: puma-m4-sptm-yjit +very likely: signature /m,
    );
    expect(table).not.toMatch(/\d%/);
    expect(table.match(/ no comment +/g)).toHaveLength(2);
  });

  it('prints its usage with --help', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    expect(await runDemo(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('Usage: crash-triage demo');
  });
});
