// The platform a report shows but never names, inferred from its frames' libraries and its paths; and
// what it does for matching: a "macOS" require group is satisfied, and the evidence says from what.
import { describe, expect, it } from 'vitest';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

const MAC_TRACE = [
  '```',
  'Thread 0 Crashed:',
  '0   libswiftCore.dylib     0x000000019a1b2c3d swift_unknownObjectRetain + 12',
  '1   CoreData               0x000000018b2c3d4e -[NSManagedObjectContext save:] + 420',
  '2   Ledger                 0x0000000102a3b4c5 LedgerStore.flushPending() + 88',
  '3   libsystem_pthread.dylib 0x000000018c495f70 _pthread_start + 136',
  '```',
].join('\n');
const WINDOWS_TRACE = [
  '```',
  'Exception thrown at 0x00007FFB1A2B3C4D (ntdll.dll) in ledger.exe',
  '   ntdll.dll!RtlReportCriticalFailure()',
  '   KERNELBASE.dll!RaiseException()',
  '   ledger.exe!LedgerStore::flushPending() Line 88',
  '```',
].join('\n');
const LINUX_TRACE = [
  '```',
  '#0  0x00007f3a2b1c4d10 in __pthread_kill_implementation () from /lib/x86_64-linux-gnu/libc.so.6',
  '#1  0x00007f3a2b17a3f2 in raise () from /lib/x86_64-linux-gnu/libc.so.6',
  '#2  0x000055d1c0a1b2c3 in LedgerStore::flushPending () at store.cc:88',
  '```',
].join('\n');

// gdb and lldb's `bt` give no module: the runtime's own function and class names show the platform.
const MAC_GDB_TRACE = [
  '```',
  'Thread 7 Queue : NSManagedObjectContext 0x600003c1c000 (serial)',
  '#0  0x0000000102f1a2b4 in ledger_page_alloc ()',
  '#1  0x0000000181ffc3a8 in _malloc_type_malloc_outlined ()',
  '#2  0x000000019334fadc in swift::swift_slowAllocTyped ()',
  '```',
].join('\n');
const LINUX_SWIFT_TRACE = [
  '```',
  '#0  0x000055d1c0a1b2c3 in ledger_page_alloc () at page.c:41',
  '#1  0x00007f3a2b9c1d20 in swift_slowAlloc () from /usr/lib/swift/linux/libswiftCore.so',
  '#2  0x00007f3a2b17a3f2 in malloc () from /lib/x86_64-linux-gnu/libc.so.6',
  '```',
].join('\n');

const inferred = (body: string) =>
  extractSignals({ title: 'Ledger crashes on save', body }).facts.filter((f) => f.kind === 'os');

describe('inferred platform', () => {
  it.each([
    [
      'Apple frameworks and dylibs',
      MAC_TRACE,
      'macos',
      /^macOS, inferred from .*(libswiftCore\.dylib|CoreData)/,
    ],
    ['ntdll and KERNELBASE', WINDOWS_TRACE, 'windows', /^Windows, inferred from .*ntdll\.dll/],
    ['libc.so.6 under x86_64-linux-gnu', LINUX_TRACE, 'linux', /^Linux, inferred from /],
    [
      'libmalloc and CoreData names in a gdb backtrace',
      MAC_GDB_TRACE,
      'macos',
      /^macOS, inferred from .*_malloc_type_malloc_outlined/,
    ],
    ["Swift's runtime on Linux is not Apple's", LINUX_SWIFT_TRACE, 'linux', /^Linux, inferred from /],
  ])('%s → %s', (_what, body, name, source) => {
    expect(inferred(body)).toEqual([
      { kind: 'os', name, source: expect.stringMatching(source) as unknown, inferred: true },
    ]);
  });

  it.each([
    ['a platform the report names is not inferred over', `${MAC_TRACE}\n\nOS Version: macOS 15.1 (24B83)`],
    ['one library is not enough', 'It crashed in libfoo.dylib'],
    ['one Apple-only function is not enough', 'Last frame: _malloc_type_malloc_outlined'],
    ['cues of two platforms: none', `${MAC_TRACE}\n${WINDOWS_TRACE}`],
  ])('%s', (_what, body) => {
    expect(inferred(body).filter((f) => f.inferred)).toEqual([]);
  });
});

const INCIDENT = `id: ledger-save-crash
title: Ledger crashes when saving on macOS
summary: A demo incident.
cause: Because.
match:
  signatures:
    - phrase: LedgerStore.flushPending
      weight: 8
  require:
    - name: macOS
      any: [macOS, Mac]
`;

describe('an inferred platform in matching', () => {
  const parsed = parseIncidentFile('ledger.yml', INCIDENT);
  if (!parsed.ok) throw new Error('fixture');
  const index = compileIndex([parsed.incident]);
  const verdict = (body: string) =>
    matchIncidents(extractSignals({ title: 'Ledger crashes on save', body }), index);

  it('satisfies a macOS require group, and the evidence names what it was inferred from', () => {
    const v = verdict(MAC_TRACE);
    expect(v.incidentId).toBe('ledger-save-crash');
    expect(v.matches[0]!.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'required',
        detail: 'macOS',
        matched: expect.stringMatching(/^macOS, inferred from /) as unknown,
      }),
    );
  });

  it('the same crash on Windows does not', () => {
    expect(
      verdict(WINDOWS_TRACE.replace('LedgerStore::flushPending()', 'LedgerStore.flushPending()')).incidentId,
    ).toBeNull();
  });
});
