// Word lists the synthetic catalog and reports are written with. Technical English for keywords,
// messages and prose (so phrases share first tokens the way real error messages do: "failed to ...",
// "invalid ...", "cannot ..."), and the syllables of made-up product and symbol names.

/** A list written as words separated by white space (one string keeps the file short). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

export const TECH_NOUNS = words(`
  allocator arena buffer cache callback channel checksum chunk client codec compiler config connection
  context cursor daemon database deadline decoder descriptor device dispatcher driver encoder entry
  event extension fence file finalizer frame handle handler hash header heap hook image index inode
  interpreter iterator journal kernel key label layer lease library listener loader lock log loop
  mapping message metadata module monitor mutex namespace node object offset packet page parser
  partition payload peer pipe plugin pointer pool port process profile protocol queue record region
  registry renderer replica request resolver resource response runtime scheduler schema segment
  semaphore server session shader signal slot snapshot socket stack state stream string surface symbol
  table task template texture thread timer token trace transaction tree tunnel type vector volume
  watchdog widget window worker zone tls jit gpu cpu vm hypervisor sandbox certificate compaction
  rehash preload fork wakeup mmap futex epoll kqueue dylib symlink
`);

export const TECH_VERBS = words(`
  allocate map unmap open close read write flush sync load unload parse decode encode resolve register
  unregister lock unlock acquire release spawn join detach attach bind connect accept send receive
  compile link verify validate initialize finalize resize grow shrink copy move swap schedule dispatch
  signal wait notify restore replay rebuild migrate serialize render
`);

export const TECH_ADJECTIVES = words(`
  invalid unexpected corrupt stale dangling null empty missing duplicate negative overflowed
  misaligned truncated unsupported illegal unknown busy full closed detached recursive nested
  concurrent partial torn orphaned zombie
`);

/** Words crash reports are full of: as keywords they count a quarter (see src/match/generic-terms.ts). */
export const GENERIC_KEYWORDS = [
  'crash',
  'kernel panic',
  'segfault',
  'segmentation fault',
  'abort',
  'hang',
  'fatal error',
  'startup crash',
];

/** Prose filler: the words people write around a crash log. */
export const PROSE = words(`
  when after before while the a it we i our this that every sometimes always randomly about once then
  and but also only again still now since upgrade restart reboot run start stop build deploy test
  machine laptop server container cluster production staging local minutes hours seconds day load
  traffic users requests workers happens happened seems looks appears noticed tried reproduced cannot
  could would should works fine broken slow quickly immediately eventually memory disk network version
  release branch latest
`);

/** Phrases that point to a different cause with the same symptoms: the exclude groups of incidents. */
export const OTHER_CAUSES: { name: string; any: string[] }[] = [
  { name: 'a full disk', any: ['no space left on device', 'enospc', 'disk quota exceeded'] },
  { name: 'the system running out of memory', any: ['out of memory killer', 'oom-killer', 'killed process'] },
  { name: 'a third-party kernel extension', any: ['zfs kext', 'third-party kext', 'kernel extension from'] },
  { name: 'a debugger attached', any: ['debugger attached', 'ptrace attach'] },
  { name: 'Rosetta translation', any: ['rosetta translation', 'running under rosetta'] },
  { name: 'a network file system', any: ['nfs mount', 'smb share', 'network volume'] },
  { name: 'an antivirus hook', any: ['endpoint security client', 'antivirus scanner'] },
  { name: 'a hardware fault', any: ['machine check exception', 'ecc error', 'uncorrectable memory error'] },
  { name: 'a container limit', any: ['cgroup memory limit', 'container memory limit'] },
  { name: 'a custom allocator', any: ['jemalloc', 'tcmalloc', 'custom allocator'] },
];

export const PLATFORMS: { name: string; any: string[] }[] = [
  { name: 'Apple silicon', any: ['apple silicon', 'arm64e', 'm1', 'm2', 'm3', 'm4'] },
  { name: 'an Intel Mac', any: ['x86_64 mac', 'intel mac'] },
  { name: 'Linux', any: ['linux', 'ubuntu', 'debian', 'fedora'] },
  { name: 'Windows', any: ['windows', 'win32', 'win64'] },
  { name: 'FreeBSD', any: ['freebsd'] },
];

/** Syllable parts of made-up names; `-` stands for "nothing". */
export const ONSETS = words(
  'b c d f g h j k l m n p r s t v w z br cr dr fl gr kl pr st tr sh ch th qu sk sp bl pl vr x -',
);
export const VOWELS = words('a e i o u ai ea ou io y ae ei');
export const CODAS = words('- - - n r l s x m t k nd rt st ng sh lt');
