/**
 * The store process host. HostedStore is a GraphStore whose embedded Grafeo store lives in a child process, so a
 * user query can be stopped for real: Grafeo has no cancel or timeout, but a
 * process can be killed.
 *
 * - `readOnly` past its `timeoutMs` is answered QUERY_TIMEOUT at once; then
 *   the store stops taking new work to the process, waits (at most `drainMs`)
 *   for the app's in-flight calls — writes are serialised and short, and a
 *   kill mid-write would cost the WAL tail — SIGKILLs the process and opens
 *   the same file in a new one. Calls made meanwhile wait for it (at most
 *   `waitMs`); calls the kill interrupted are sent again once when safe
 *   (reads; the article write, which is idempotent) and fail
 *   STORE_UNAVAILABLE otherwise.
 * - User queries run one at a time on the process (more wait their turn),
 *   so a crash, a runaway or a memory overrun is always that query's: it
 *   alone fails, with an error saying what it did. The app's writes (the
 *   article write, and `run` of anything but a read) never share the
 *   process with a user query: a write waits for the query running or
 *   waiting to finish, and a query waits for the writes on the process, so
 *   no kill or crash caught by a user query interrupts a write. Reads share
 *   it freely (they are sent again when interrupted).
 * - An unexpected exit of the process (a crash) is logged; the user query
 *   it was running fails QUERY_FAILED, the app's calls it was running are
 *   sent again on the new process (reads and the idempotent article write;
 *   others fail STORE_UNAVAILABLE) and a new process is started.
 * - A user query whose process grows past `queryMemoryBytes` fails
 *   PAYLOAD_TOO_LARGE at once and the process is replaced (no drain: it is
 *   still growing), the app's calls handled as after a crash.
 * - The process gets only STORE_PROCESS_ENV of the server's environment.
 * - `close` checkpoints and closes the store in the process and waits for it
 *   to exit; a process still alive when this one exits is killed, and the
 *   child closes itself when its IPC channel goes (the parent was killed).
 */
export { HostedStore, type HostedOptions, type RestartRecord } from './store.js';
