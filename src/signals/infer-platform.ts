// The platform a report never names but shows: a backtrace full of Apple frameworks and `.dylib`s is
// macOS (or iOS), one of `ntdll.dll` and `C:\` paths is Windows, one of `libc.so.6` and `ld-linux` is
// Linux. A maintainer reads it that way at a glance; the matcher gets the same fact, with what it was
// inferred from, so a "macOS" require group can be satisfied and the evidence says why.
import type { Fact, Frame } from '../types.js';

interface PlatformCues {
  name: 'macos' | 'windows' | 'linux';
  /** Shown as "macOS, inferred from …". */
  label: string;
  /** Module (library, framework) names of frames. */
  modules: RegExp;
  /** What the text shows: paths, library files, frameworks. */
  text: RegExp;
  /**
   * Function and class names only this platform's runtime has, for backtraces that give no module
   * (gdb, lldb's `bt` without images): one per frame or mention.
   */
  symbols?: RegExp;
}

const PLATFORMS: readonly PlatformCues[] = [
  {
    name: 'macos',
    label: 'macOS',
    modules:
      /^(?:libsystem_\w+\.dylib|libdyld\.dylib|dyld|libobjc\.A\.dylib|libswift\w*\.dylib|libc\+\+(?:abi)?\.1\.dylib|CoreFoundation|Foundation|AppKit|CoreData|CoreGraphics|Security|IOKit|Metal|QuartzCore|SwiftUI|Combine|\w+\.dylib)$/,
    text: /\b(?:libsystem_\w+\.dylib|CoreFoundation|CoreData|AppKit|libswiftCore|Swift runtime|\/System\/Library\/(?:Private)?Frameworks\/|\/Library\/Developer\/|com\.apple\.[\w.]+|[\w+-]+\.dylib)\b/g,
    // libmalloc's typed allocation entry points, the Objective-C message send, CoreFoundation's run
    // loop, CoreData's and AppKit's classes, libsystem's unfair lock: none exists on Linux or Windows
    // (Swift's own runtime does, so `swift_*` is not a cue).
    symbols:
      /\b(?:_?malloc_type_\w+|objc_msgSend\w*|_?objc_release|__CFRUNLOOP_\w+|_?CFRunLoopRun\w*|NS(?:PersistentStore|ManagedObject|Application|Window|RunLoop)\w*|_?os_unfair_lock_\w+)\b/g,
  },
  {
    name: 'windows',
    label: 'Windows',
    modules: /^(?:ntdll|kernel32|kernelbase|ucrtbase|msvcrt|user32|vcruntime\d*|\w+\.dll)(?:\.dll)?$/i,
    text: /\b(?:ntdll\.dll|kernel32\.dll|KERNELBASE\.dll|ucrtbase\.dll|[\w-]+\.dll|[A-Z]:\\(?:Program Files|Windows|Users)\\)/g,
  },
  {
    name: 'linux',
    label: 'Linux',
    modules:
      /^(?:libc\.so\.6|libpthread\.so\.0|ld-linux[\w.-]*|libstdc\+\+\.so\.6|libgcc_s\.so\.1|[\w+-]+\.so(?:\.\d+)*)$/,
    text: /(?:\blibc\.so\.6\b|\bld-linux[\w.-]*|\/lib(?:64)?\/x86_64-linux-gnu\/|\/lib\/aarch64-linux-gnu\/|\/usr\/lib\/[\w+-]+\.so\b|\bglibc\b)/g,
  },
];

/** Cues needed before a platform is inferred: one `.dylib` line in a pasted log is not enough. */
const MIN_CUES = 2;

/**
 * The platform a report's frames and text show, as a fact that names what it was inferred from; null
 * when the cues are too few or point two ways.
 */
export function inferPlatform(frames: readonly Frame[], text: string): Fact | null {
  const found = PLATFORMS.map((p) => ({ platform: p, cues: cuesOf(p, frames, text) }));
  const shown = found.filter((f) => f.cues.length >= MIN_CUES);
  if (shown.length !== 1) return null;
  const { platform, cues } = shown[0]!;
  return {
    kind: 'os',
    name: platform.name,
    source: `${platform.label}, inferred from ${cues.slice(0, 3).join(', ')}`,
    inferred: true,
  };
}

function cuesOf(p: PlatformCues, frames: readonly Frame[], text: string): string[] {
  const cues = new Set<string>();
  for (const f of frames) if (f.module && p.modules.test(f.module)) cues.add(f.module);
  // Frames that show it are enough; the text is read only when they are not.
  if (cues.size >= MIN_CUES) return [...cues];
  for (const pattern of p.symbols ? [p.text, p.symbols] : [p.text]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m && cues.size < 8; m = pattern.exec(text)) cues.add(m[0]);
  }
  return [...cues];
}
