/** Types of runtime.mjs (the launcher is plain JavaScript: `npm start` runs it with node). */
export declare function findElectronBinary(root: string, env: Record<string, string | undefined>): string | null;
export declare function browserOpener(platform: NodeJS.Platform): { command: string; args: (url: string) => string[] } | null;
export declare const FALLBACK_LINE: (url: string) => string;
