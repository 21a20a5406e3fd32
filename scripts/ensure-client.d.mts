/** Types of ensure-client.mjs (plain JavaScript so `node` runs it before anything is compiled). */
export declare const CLIENT_ROOT: string;
export declare const CLIENT_DIST: string;
export declare function clientBuildIsFresh(): boolean;
export declare function ensureClientBuilt(opts?: { quiet?: boolean }): Promise<boolean>;
