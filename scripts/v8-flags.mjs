// V8 flags for the process that runs the core (Electron's main process, or the web shell's Node).
// The core keeps little in the JavaScript heap (about 30 MiB at 1,000,000 tickets) but V8 commits a
// young generation of up to 32 MiB by default and keeps it: 2 MiB semi-spaces measured the same gate
// speed and 16-20 MiB less resident memory (bench/delivery-bench.ts). Flags of the main process must be
// given when it starts: Electron takes them as --js-flags, Node on its command line.
export const CORE_V8_FLAGS = ['--max-semi-space-size=2'];
