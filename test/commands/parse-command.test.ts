// Slash-command parsing: comment text → command or null. One row per case.
import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '../../src/commands/parse-command.js';

describe('parseCommand', () => {
  it.each<[string, string | null | undefined, Command | null]>([
    ['plain /triage re-runs', '/triage', { name: 'rerun' }],
    ['trailing spaces', '/triage   ', { name: 'rerun' }],
    ['explain', '/triage explain', { name: 'explain' }],
    ['upper case keyword', '/TRIAGE Explain', { name: 'explain' }],
    ['as with an id', '/triage as puma-m4-sptm-yjit', { name: 'as', incidentId: 'puma-m4-sptm-yjit' }],
    [
      'as with an id in backticks',
      '/triage as `luajit-gc-oom-trace-exit`',
      { name: 'as', incidentId: 'luajit-gc-oom-trace-exit' },
    ],
    ['as without an id', '/triage as', { name: 'help', unknown: 'as' }],
    ['not with an id', '/triage not puma-m4-sptm-yjit', { name: 'not', incidentId: 'puma-m4-sptm-yjit' }],
    [
      'NOT in capitals, id in backticks',
      '/triage NOT `puma-m4-sptm-yjit`',
      { name: 'not', incidentId: 'puma-m4-sptm-yjit' },
    ],
    ['not without an id', '/triage not', { name: 'help', unknown: 'not' }],
    ['not with two ids', '/triage not a-1 b-2', { name: 'help', unknown: 'not a-1 b-2' }],
    ['as with a bad id', '/triage as ../etc', { name: 'help', unknown: 'as ../etc' }],
    ['as with two ids', '/triage as a-1 b-2', { name: 'help', unknown: 'as a-1 b-2' }],
    ['dismiss', '/triage dismiss', { name: 'dismiss' }],
    ['dismiss with words after it', '/triage dismiss please', { name: 'help', unknown: 'dismiss please' }],
    ['help', '/triage help', { name: 'help' }],
    ['unknown sub-command', '/triage frobnicate', { name: 'help', unknown: 'frobnicate' }],
    ['command on a later line', 'Thanks!\n\n/triage explain\n', { name: 'explain' }],
    ['CRLF line ends', 'hi\r\n/triage dismiss\r\n', { name: 'dismiss' }],
    ['first command wins', '/triage help\n/triage dismiss', { name: 'help' }],
    ['up to three leading spaces', '   /triage', { name: 'rerun' }],
    ['four spaces is a code block', '    /triage', null],
    ['not at the start of the line', 'please run /triage', null],
    ['quoted', '> /triage dismiss', null],
    ['inside a fenced block', '```\n/triage dismiss\n```', null],
    ['inside a tilde fence', '~~~text\n/triage\n~~~', null],
    ['after a closed fence', '```\nlog\n```\n/triage explain', { name: 'explain' }],
    ['longer closing fence needed', '````\n```\n/triage\n````', null],
    ['a longer word', '/triaged', null],
    ['a dashed word', '/triage-bot run', null],
    ['empty', '', null],
    ['null body', null, null],
    ['undefined body', undefined, null],
  ])('%s', (_name, text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});
