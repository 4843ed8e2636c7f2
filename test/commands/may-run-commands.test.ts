// Who may give commands: triage, write, maintain, admin, and custom roles built on write or admin.
import { describe, expect, it } from 'vitest';
import { mayRunCommands } from '../../src/commands/may-run-commands.js';

describe('mayRunCommands', () => {
  it.each([
    ['admin', 'admin', true],
    ['maintain', 'write', true],
    ['write', 'write', true],
    ['triage', 'read', true],
    ['read', 'read', false],
    ['none', 'none', false],
    ['release-manager', 'write', true], // a custom organization role on top of write
    ['auditor', 'read', false], // a custom role on top of read
  ])('role %s (base %s) → %s', (role, base, expected) => {
    expect(mayRunCommands({ role, base })).toBe(expected);
  });
});
