/** Types of build/fuses.mjs, for the tests. */
export declare function fuseConfig(platform: string): Record<string | number, unknown>;
export declare function applyFuses(executable: string, platform: string): Promise<Record<number, number> & { version: string }>;
