// Boilerplate lines: crash-report and panic-log headers, register dumps, the Binary Images section and
// issue-template headings are marked; evidence lines are not.
import { describe, expect, it } from 'vitest';
import type { LineKind } from '../../src/signals/markdown-blocks.js';
import { isTemplateHeading, LineMark, markBoilerplate } from '../../src/signals/remove-boilerplate.js';

const mark = (text: string, kind: LineKind = 'code'): number[] => {
  const lines = text.split('\n');
  return [
    ...markBoilerplate(
      lines,
      lines.map(() => kind),
    ),
  ];
};

const { KEEP, HEADER, TEMPLATE, DUMP } = LineMark;

describe('markBoilerplate', () => {
  it.each([
    ['Process:               QEMULauncher [48213]'],
    ['Path:                  /Applications/UTM.app/Contents/MacOS/QEMULauncher'],
    ['Identifier:            com.utmapp.QEMULauncher'],
    ['Version:               4.6.2 (104)'],
    ['Code Type:             ARM-64 (Native)'],
    ['Parent Process:        launchd [1]'],
    ['Date/Time:             2024-12-02 21:14:07.5512 +0100'],
    ['OS Version:            macOS 15.1.1 (24B91)'],
    ['Report Version:        12'],
    ['Anonymous UUID:        5C1E7A2B-0D3F-4E8A-9B6C-7D2E1F0A3B4C'],
    ['Sleep/Wake UUID:       9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D'],
    ['Incident Identifier: 4F3E2D1C-0B9A-4876-9543-210FEDCBA987'],
    ['Hardware Model:      Mac16,6'],
    ['Crashed Thread:        3'],
    ['Triggered by Thread:  0'],
    ['Time Awake Since Boot: 41000 seconds'],
    ['System Integrity Protection: enabled'],
    ['Memory ID: 0x6'],
    ['OS release type: User'],
    ['Kernel UUID: 7D8E9F0A-1B2C-3D4E-5F60-718293A4B5C6'],
    ['Boot session UUID: 2E3F4A5B-6C7D-4E8F-9A0B-1C2D3E4F5A6B'],
    ['iBoot version: iBoot-11881.41.5'],
    ['KernelCache slide: 0x0000000021c94000'],
    ['Zone info:'],
    ['mach_absolute_time: 0x2a3b4c5d6e'],
    ['Epoch Time:        sec       usec'],
    ['  Boot    : 0x673b1a2c 0x000b7c5d'],
    ['  . VM    : 0xfffffe1012000000 - 0xfffffe14de000000'],
  ])('header: %s', (line) => {
    expect(mark(line)).toEqual([HEADER]);
  });

  it.each([
    ['    x0: 0x0000000000000000   x1: 0x0000000000000000   x2: 0x0000000000000000'],
    ['    fp: 0x000000016b4ce6f0   lr: 0x000000018c211c20'],
    ['   far: 0x0000000000000000  esr: 0x56000080  Address size fault'],
    ['rax    0x0'],
    ['      rip = 0x00007ff80a1b2c3d'],
    ['\t\t  lr: 0xfffffe0028e4c5d8  fp: 0xfffffe8a3f2b7aa0'],
  ])('register dump: %s', (line) => {
    expect(mark(line)).toEqual([DUMP]);
  });

  it('drops the Binary Images section up to the next blank line', () => {
    const text = [
      'Binary Images:',
      '       0x104f9c000 -        0x104fa3fff com.acme.launcher (4.6.2) <3f2a9b7c-1d4e-3a5b-9c8d-7e6f5a4b3c2d> /Applications/Acme.app/launcher',
      '       0x18c1d0000 -        0x18c20bfff libsystem_kernel.dylib (*) <1a2b3c4d-5e6f-3a7b-8c9d-0e1f2a3b4c5d> /usr/lib/system/libsystem_kernel.dylib',
      '',
      'Error: still evidence',
    ].join('\n');
    expect(mark(text)).toEqual([DUMP, DUMP, DUMP, KEEP, KEEP]);
  });

  it('drops a thread state header and its registers', () => {
    const text = 'Thread 3 crashed with ARM Thread State (64-bit):\n    x0: 0x0   x1: 0x1\n\nnext';
    expect(mark(text)).toEqual([DUMP, DUMP, KEEP, KEEP]);
  });

  it.each([
    ['Exception Type:        EXC_CRASH (SIGABRT)'],
    ['Termination Reason:    Namespace SIGNAL, Code 6 Abort trap: 6'],
    ['panic(cpu 3 caller 0xfffffe0029b7e0c4): [SPTM] VIOLATION_ILLEGAL_SPRR_INDEX'],
    ['VM: Windows 11 on ARM'],
    ['Boot: the VM never finishes booting'],
    ['3   libsystem_c.dylib   0x18c11ea30 abort + 180'],
    ['Error: version mismatch'],
  ])('evidence: %s', (line) => {
    expect(mark(line)).toEqual([KEEP]);
  });

  it.each([
    ['**Describe the bug**'],
    ['### What happened?'],
    ['## To Reproduce'],
    ['Steps to reproduce:'],
    ['**Expected behavior**'],
    ['### Actual behavior'],
    ['**Additional context**'],
    ['**Screenshots**'],
    ['**Desktop (please complete the following information):**'],
    ['**Configuration**'],
    ['**Debug log**'],
    ['**Upload VM**'],
    ['### Environment'],
    ['System information'],
  ])('template heading in prose: %s', (line) => {
    expect(mark(line, 'prose')).toEqual([TEMPLATE]);
  });

  it('keeps a template heading inside code', () => {
    expect(mark('### What happened?', 'code')).toEqual([KEEP]);
  });

  it('keeps a sentence that starts like a heading', () => {
    expect(isTemplateHeading('To reproduce it, start three workers with preload_app! enabled')).toBe(false);
  });
});
