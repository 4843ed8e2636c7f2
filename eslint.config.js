// Lint rules: typescript-eslint's recommended set, "no console in src/ outside the CLI", and the layers of
// src/ (../shared/STYLE.md's table): each folder may import only the folders listed for it, so an arrow
// that runs back up (the pure core reaching for the queue, GitHub or Probot) fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Folder → the src/ folders it may import (types.ts is open to all). Entry points (cli, demo, action,
// server, index.ts) may import anything and are not listed.
const LAYERS = {
  util: [],
  metrics: [],
  text: ['util'],
  signals: ['text', 'util'],
  match: ['signals', 'text', 'util'],
  render: ['text', 'util'],
  catalog: ['signals', 'text', 'util'],
  commands: ['util'],
  config: ['match', 'util'],
  triage: ['signals', 'match', 'render', 'catalog', 'commands', 'config', 'text', 'util'],
  github: ['triage', 'catalog', 'config', 'render', 'commands', 'text', 'util'],
  queue: ['triage', 'catalog', 'util'],
  backtest: ['github', 'triage', 'signals', 'match', 'render', 'catalog', 'config', 'text', 'util'],
  handlers: ['github', 'queue', 'triage', 'commands', 'config', 'metrics', 'util'],
  draft: ['triage', 'signals', 'match', 'catalog', 'text', 'util'],
  learn: ['backtest', 'github', 'triage', 'match', 'render', 'catalog', 'text', 'util'],
};
const FOLDERS = [...Object.keys(LAYERS), 'cli', 'demo', 'action', 'server'];
// Only the Probot adapter and the entry points know Probot; only adapters know Octokit.
const PROBOT_USERS = new Set(['handlers']);
const OCTOKIT_USERS = new Set(['github', 'handlers', 'backtest']);

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => {
  const banned = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const patterns = [
    {
      regex: `^\\.\\./(${banned.join('|')})/`,
      message: `src/${folder}/ may import only ${allowed.length ? allowed.map((a) => `src/${a}/`).join(', ') : 'src/types.ts'} (see eslint.config.js and STYLE.md).`,
    },
    { regex: '^\\.\\./index\\.js$', message: 'only entry points import the app.' },
  ];
  if (!PROBOT_USERS.has(folder))
    patterns.push({ regex: '^probot($|/)', message: `src/${folder}/ must not know Probot.` });
  if (!OCTOKIT_USERS.has(folder))
    patterns.push({
      regex: '^@octokit/',
      message: `src/${folder}/ must not call GitHub: that is src/github/.`,
    });
  return { files: [`src/${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bin/', 'bench/zz-scratch/', 'action/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Reports are untrusted text: we match NUL bytes, ANSI escapes and other control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  ...layerRules,
);
