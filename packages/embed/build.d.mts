import type { BuildOptions } from "esbuild";

/** The esbuild options of the shipped file. */
export declare const options: BuildOptions & { write: false };
/** Builds in memory: the bundle's text and its raw and gzip sizes in bytes. */
export declare function bundle(): Promise<{ code: string; raw: number; gzip: number }>;
