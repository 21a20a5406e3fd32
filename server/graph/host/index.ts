/**
 * The store process host: a file-backed embedded store in a child process,
 * so a runaway user query can be stopped by killing it (Grafeo has no cancel).
 */
export { HostedStore, type HostedOptions, type RestartRecord } from './store.js';
