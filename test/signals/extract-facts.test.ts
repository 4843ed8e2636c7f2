// Platform and version facts: macOS in its spellings (with the build-number and Darwin translation
// tables), chips and board/model ids, M4 false positives, Linux distributions, Windows, runtimes.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/signals/extract-facts.js';
import { darwinToMacosMajor, macosFromBuild, macosFromDarwin } from '../../src/signals/macos-version.js';
import type { Fact } from '../../src/types.js';

/** Facts as `kind:name@version` strings, in order. */
const facts = (text: string): string[] =>
  extractFacts(text).map((f: Fact) => `${f.kind}:${f.name}${f.version === undefined ? '' : `@${f.version}`}`);

describe('macOS version translation', () => {
  it.each([
    ['24B83', '15.1'],
    ['24B91', '15.1'],
    ['24A348', '15.0'],
    ['24C101', '15.2'],
    ['24E5206s', '15.4'],
    ['23G93', '14.6'],
    ['22H123', '13.7'],
    ['25A354', '26.0'],
    ['26A5000a', '27.0'],
    ['20D91', '11.3'],
    ['19H15', '10.15.7'],
    ['15G31', '10.11.6'],
  ])('build %s → macOS %s', (build, version) => {
    expect(macosFromBuild(build)).toBe(version);
  });

  it.each([['24'], ['ABCDE'], ['24Z99'], ['99A1']])('%s is no macOS build', (build) => {
    expect(macosFromBuild(build)).toBeUndefined();
  });

  it.each([
    [24, 1, '15.1'],
    [23, 6, '14.6'],
    [22, 4, '13.4'],
    [25, 0, '26.0'],
    [26, 2, '27.2'],
    [19, 6, '10.15.6'],
  ])('Darwin %i.%i → macOS %s', (major, minor, version) => {
    expect(macosFromDarwin(major, minor)).toBe(version);
  });

  it.each([
    [20, '11'],
    [24, '15'],
    [25, '26'],
    [26, '27'],
    [15, '10.11'],
  ])('Darwin major %i → macOS %s', (darwin, macos) => {
    expect(darwinToMacosMajor(darwin)).toBe(macos);
  });
});

describe('extractFacts', () => {
  it.each([
    ['macOS with build', 'OS Version: macOS 15.1.1 (24B91)', ['os:macos@15.1.1']],
    ['macOS beta with build', 'macOS Version: 15.4 Beta (24E5206s)', ['os:macos@15.4']],
    ['macOS build only', 'macOS (24B83) on my laptop', ['os:macos@15.1']],
    ['Mac OS X', 'Mac OS X 10.15.7 on an old iMac', ['os:macos@10.15.7']],
    ['OS X with a name', 'OS X El Capitan 10.11.6', ['os:macos@10.11.6']],
    ['macOS marketing name only', 'since upgrading to macOS Sequoia', ['os:macos@15']],
    ['marketing name with version', 'on Sonoma 14.6.1', ['os:macos@14.6.1']],
    ['Tahoe', 'macOS Tahoe 26.1', ['os:macos@26.1']],
    ['panic log build', 'OS version: 25A354', ['os:macos@26.0']],
    ['Darwin kernel', 'Darwin Kernel Version 24.1.0: Thu Oct 10 21:06:23 PDT 2024', ['os:macos@15.1']],
    ['Ruby platform', '[arm64-darwin24]', ['chip:arm64', 'os:macos@15']],
    ['target triple with minor', 'aarch64-apple-darwin23.6.0', ['chip:arm64', 'os:macos@14.6']],
    ['sw_vers', 'ProductName: macOS\nProductVersion: 15.2\nBuildVersion: 24C101', ['os:macos@15.2']],
    ['less precise macOS versions dropped', 'macOS 15 and later macOS 15.1', ['os:macos@15.1']],
    ['iOS', 'iPhone 15 Pro on iOS 18.1', ['os:ios@18.1']],
    ['Ubuntu', 'Ubuntu 22.04.4 LTS', ['os:ubuntu@22.04.4', 'os:linux']],
    ['Fedora', 'Fedora Linux 42 (Workstation Edition)', ['os:fedora@42', 'os:linux']],
    ['Debian', 'Debian GNU/Linux 12 (bookworm)', ['os:debian@12', 'os:linux']],
    ['CentOS', 'CentOS Linux 7 (Core)', ['os:centos@7', 'os:linux']],
    ['NixOS', 'NixOS 24.05 (Uakari)', ['os:nixos@24.05', 'os:linux']],
    ['Alpine', 'FROM alpine:3.20', ['os:alpine@3.20', 'os:linux']],
    ['AL2023', 'built on AL2023_aarch64', ['os:amazon linux@2023', 'os:linux', 'chip:arm64']],
    ['plain Linux', 'Linux 6.8.0-45-generic x86_64 GNU/Linux', ['os:linux@6.8.0', 'chip:x86_64']],
    ['Windows 11', 'Windows 11 Pro 23H2', ['os:windows@11']],
    ['Windows build', 'Microsoft Windows [Version 10.0.19045.5131]', ['os:windows@10']],
    ['FreeBSD', 'FreeBSD 14.1-RELEASE amd64', ['os:freebsd@14.1', 'chip:x86_64']],
    ['SerenityOS', 'built SerenityOS from master', ['os:serenityos']],
    ['Android', 'Pixel 8 on Android 14', ['os:android@14']],
    ['Apple M4 Max', 'MacBook Pro 16" with Apple M4 Max, 48 GB', ['chip:m4 max', 'chip:m4']],
    ['M4Pro without a space', 'Mac mini M4Pro', ['chip:m4 pro', 'chip:m4']],
    ['bare M4 next to MacBook', 'MacBook Pro M4, 16GB', ['chip:m4']],
    ['M chip key', 'Mac Chip: M2 Max', ['chip:m2 max', 'chip:m2']],
    [
      'board id in a kernel version',
      'root:xnu-11215.41.3~3/RELEASE_ARM64_T6041',
      ['chip:m4 max', 'chip:m4', 'chip:arm64'],
    ],
    ['M1 board id', 'xnu-10063.141.2~1/RELEASE_ARM64_T8103', ['chip:m1', 'chip:arm64']],
    ['Mac model id, M4 family', 'Hardware Model: Mac16,6', ['chip:m4']],
    ['Mac model id, M1', 'Model Identifier: MacBookAir10,1', ['chip:m1']],
    ['Intel Mac', 'on my Intel MacBook Pro (2019)', ['chip:x86_64']],
    [
      'Ruby version banner',
      'ruby 3.3.6 (2024-11-05 revision 75015d4c1f) +YJIT [arm64-darwin24]',
      ['runtime:ruby@3.3.6', 'runtime:yjit', 'chip:arm64', 'os:macos@15'],
    ],
    ['Python', 'Python 3.13.0 (main, Oct  7 2024)', ['runtime:python@3.13.0']],
    ['CPython in a path', '/usr/lib/python3.12/site-packages', ['runtime:python@3.12']],
    ['Node', 'node v20.11.1 (npm 10.2.4)', ['runtime:node@20.11.1']],
    ['Node.js major only', 'Node.js 22 LTS', ['runtime:node@22']],
    ['Go', 'go version go1.22.3 linux/amd64', ['runtime:go@1.22.3', 'os:linux', 'chip:x86_64']],
    ['Rust', 'rustc 1.82.0 (f6e511eec 2024-10-15)', ['runtime:rust@1.82.0']],
    ['Java', 'openjdk version "21.0.2" 2024-01-16', ['runtime:java@21.0.2']],
    ['old Java', 'java version "1.8.0_381"', ['runtime:java@1.8.0']],
    ['LuaJIT', 'LuaJIT 2.1.0-beta3 -- Copyright (C) 2005-2017 Mike Pall', ['runtime:luajit@2.1.0']],
    ['Lua', 'Lua 5.4.6  Copyright (C) 1994-2023 Lua.org, PUC-Rio', ['runtime:lua@5.4.6']],
    ['Tarantool', 'Tarantool 2.11.1-0-g96877bd', ['runtime:tarantool@2.11.1']],
    ['QEMU', 'QEMU emulator version 9.1.0', ['runtime:qemu@9.1.0']],
    ['UTM', 'UTM Version: 4.6.2 (104)', ['runtime:utm@4.6.2']],
    ['Puma', '* Puma version: 6.4.3 ("The Eagle of Durango")', ['runtime:puma@6.4.3']],
    ['Rails', 'Rails 7.2.1', ['runtime:rails@7.2.1']],
    ['mimalloc', 'linked against mimalloc v3.2.8', ['runtime:mimalloc@3.2.8']],
    ['mimalloc branch', 'mimalloc from the dev3 branch', ['runtime:mimalloc@3']],
    ['Docker', 'Docker version 27.3.1, build ce12230', ['runtime:docker@27.3.1']],
    ['Xcode', 'Xcode 16.1 (16B40)', ['runtime:xcode@16.1']],
    ['Apple clang', 'Apple clang version 16.0.0 (clang-1600.0.26.4)', ['runtime:apple clang@16.0.0']],
  ])('%s', (_what, text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it.each([
    ['M4A audio', 'convert the recording to M4A first'],
    ['m4 macros', 'the configure script needs m4 macros from autoconf'],
    ['GNU M4', 'install GNU M4 1.4.19 on the Mac'],
    ['M4 macro on a Mac', 'M4 macro expansion fails on my Mac'],
    ['a bare M4 without Apple words', 'road M4 was closed'],
    ['a rifle', 'the M4 carbine'],
    ['M5 screw', 'use an M5 bolt'],
  ])('no chip from %s', (_what, text) => {
    expect(facts(text).filter((f) => f.startsWith('chip:m'))).toEqual([]);
  });

  it.each([
    ['a Java file name and line', 'at com.acme.Main.run(Main.java:745)'],
    ['a Node file name and line', 'at process._tickCallback (node.js:355:11)'],
    ['a Lua file name', 'see init.lua 5.1 notes'],
    ['OpenJDK VM name', 'OpenJDK 64-Bit Server VM'],
    ['utm in a path', '/Applications/utm 4.6.app'],
    ['a bare Alpine (the JS library)', 'uses Alpine for the UI'],
    ['dev branch without mimalloc', 'merged into dev3 yesterday'],
  ])('no runtime or OS from %s', (_what, text) => {
    expect(facts(text)).toEqual([]);
  });

  it('deduplicates by kind, name and version, keeping the first source', () => {
    const found = extractFacts('Python 3.13.0 here\nand Python 3.13.0 there');
    expect(found).toEqual([{ kind: 'runtime', name: 'python', version: '3.13.0', source: 'Python 3.13.0' }]);
  });
});
