// Negation scope: which clauses of a report's prose say what the reporter does NOT have (or where it
// still works), so their mentions are not the report's context; and which only describe the failure.
import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../src/signals/extract-signals.js';
import { negatedClauses } from '../../src/signals/negation-scope.js';

const negatedParts = (line: string): string[] =>
  negatedClauses(line).map(([a, b]) => line.slice(a, b).trim());

describe('negatedClauses', () => {
  it.each([
    // A statement of absence: the whole clause.
    ['TSO is not enabled', ['TSO is not enabled']],
    ['nested virtualization is turned off', ['nested virtualization is turned off']],
    ['I never enabled YJIT in production', ['I never enabled YJIT in production']],
    ['The VM was created without TSO.', ['The VM was created without TSO']],
    ["TSO isn't ticked in the settings", ["TSO isn't ticked in the settings"]],
    // Only the clause: punctuation and "but" end it.
    ['It crashes, but not on my old Intel Mac', ['not on my old Intel Mac']],
    ['Crashes on the M4; the Intel Mac has no problem', ['the Intel Mac has no problem']],
    // Where it works is not where it crashes.
    ['Works on Python 3.12, crashes on 3.13', ['Works on Python 3.12']],
    ['It worked with UTM 4.5 before the update', ['It worked with UTM 4.5 before the update']],
    ['Runs fine on macOS 14', ['Runs fine on macOS 14']],
    ['Crashes since 4.6; downgraded to UTM 4.5 as a stopgap', ['downgraded to UTM 4.5 as a stopgap']],
    ['I rolled back to Python 3.12', ['I rolled back to Python 3.12']],
    // Where a workaround makes it work is not where it crashes.
    ['Pinning numpy 1.26.4 fixes it', ['Pinning numpy 1.26.4 fixes it']],
    [
      'Locally it builds successfully with numpy 1.26.4',
      ['Locally it builds successfully with numpy 1.26.4'],
    ],
    ['After a reboot it works again', ['After a reboot it works again']],
    // A version change: the version left behind worked; the clause goes on to where it crashes.
    ['Upgraded from Python 3.12 to 3.13 and now the child crashes', ['from Python 3.12']],
    ['Since updating from UTM 4.5 to 4.6, the VM aborts', ['from UTM 4.5']],
    ['After moving the app from 14.6 -> 15.1 it panics', ['from 14.6']],
    ['从 14.6 升级到 15.1 之后内核崩溃', ['从 14.6']],
    ['Crashes on every version from 3.0 to 3.3', []],
    // Chinese: 没有 / 未 / 不 (as in 不是, 不开).
    ['没有开启 TSO', ['没有开启 TSO']],
    ['未启用 TSO，虚拟机一启动就崩溃', ['未启用 TSO']],
    ['我不是在 Intel Mac 上运行的', ['我不是在 Intel Mac 上运行的']],
    // The failure itself, told with a negative word: not negated.
    ['The VM cannot start: HV_BAD_ARGUMENT', []],
    ["It doesn't work on macOS 15.1", []],
    ['It no longer works with UTM 4.6', []],
    ['Could not open the disk image', []],
    ['dyld: Library not loaded: libfoo.dylib', []],
    ['file not found when loading the plugin', []],
    ['Node Sass does not yet support your current environment', []],
    ['TypeError: fetch is not a function', []],
    ["AttributeError: 'Image' object has no attribute 'ANTIALIAS'", []],
    ["I get No module named 'cv2' when importing", []],
    ['The file does not exist after the build', []],
    // A fix that did not help negates the fix, not what the clause names.
    ['Installing libssl-dev did not fix the openssl-sys build', []],
    ["Setting CGO_ENABLED didn't help with cgo", []],
    ['依然没有解决 cgo 的问题', []],
    ['我没有用 TSO', ['我没有用 TSO']],
    // An error message quoted in prose is the program talking, up to the end of the line; the prose
    // before it is still read.
    ['I get Error: Node Sass does not yet support your current environment', []],
    ['Works on 3.12, on 3.13 it stops with fatal error: no TSO here', ['Works on 3.12']],
    ['After the update: ModuleNotFoundError: No module named numpy', []],
    ['error[E0599]: no method named `foo` found', []],
    // Absence is still absence.
    ['Rosetta is not installed', ['Rosetta is not installed']],
    ['不能启动虚拟机', []],
    ['无法启动虚拟机', []],
    // No cue at all.
    ['I enabled TSO and it crashed at once', []],
    ['The server runs on Ubuntu 22.04 and crashes under load', []],
  ])('%j → %j', (line, expected) => {
    expect(negatedParts(line)).toEqual(expected);
  });
});

describe('negated prose in a report', () => {
  it('never becomes a platform fact, and is marked in the evidence text', () => {
    const signals = extractSignals({
      title: 'Crash at start on the M4',
      body: 'The app crashes on my M4 Pro with macOS 15.1.\n\nIt is fine on my old Intel Mac, though.',
    });
    const chips = signals.facts.filter((f) => f.kind === 'chip').map((f) => f.name);
    expect(chips).toContain('m4 pro');
    expect(chips.some((c) => /intel|x86/.test(c))).toBe(false);
    const negated: string[] = [];
    for (let k = 0; k < signals.negated.length; k += 2)
      negated.push(signals.text.slice(signals.negated[k], signals.negated[k + 1]));
    expect(negated).toEqual(['It is fine on my old Intel Mac']);
  });

  it('reads no negation in code blocks: a log line saying "not" is evidence as written', () => {
    const signals = extractSignals({
      title: 'Crash',
      body: '```\nerror: TSO is not supported by this host\nno TSO here\n```',
    });
    expect(signals.negated).toEqual([]);
  });

  it('takes the version the crash happens on, not the one that works', () => {
    const signals = extractSignals({
      title: 'Segfault in fork',
      body: 'Works on Python 3.12.7, crashes on Python 3.13.0 every time.',
    });
    const pythons = signals.facts.filter((f) => f.name === 'python').map((f) => f.version);
    expect(pythons).toEqual(['3.13.0']);
  });

  it.each([
    ['After upgrading from Python 3.12.7 to 3.13.0 the forked worker dies at once.', 'python', '3.13.0'],
    ['Since updating from macOS 14.6 to 15.1 the machine panics when puma forks.', 'macos', '15.1'],
    ['Upgraded UTM from 4.5.4 to 4.6.2, now the VM aborts', 'utm', '4.6.2'],
    ['从 macOS 14.6 升级到 15.1 之后内核崩溃', 'macos', '15.1'],
  ])('takes the version upgraded to, not the one upgraded from: %j', (body, name, version) => {
    const signals = extractSignals({ title: 'Crash', body });
    const versions = signals.facts.filter((f) => f.name === name).map((f) => f.version);
    expect(versions).toEqual([version]);
  });
});
