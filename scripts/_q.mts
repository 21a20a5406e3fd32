import { openStore } from '../server/graph/index.js';
import { lookupKeys } from '../server/actors/index.js';
import { readFileSync } from 'node:fs';
const store = await openStore({ backend: 'embedded', path: process.argv[2]! });
const names = (await store.run('MATCH (a:Actor) RETURN a.name AS name, a.kind AS kind, a.id AS id LIMIT 3000', {})) as any[];
const keys = [...new Set(names.slice(0, 400).flatMap((n) => lookupKeys({ id: n.id, name: n.name, kind: n.kind, aliases: [], roles: [] } as any)))];
console.log('keys', keys.length);
const Q1 = `UNWIND $keys AS key
CALL (key) {
  MATCH (:_Alias {key: key})-[:OF]->(a:Actor)
  RETURN a ORDER BY a.id LIMIT $cap
}
RETURN key, a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles, a.mergedInto AS mergedInto`;
const Q2 = `UNWIND $keys AS key
CALL (key) {
  MATCH (:_Alias {key: key})-[:OF]->(a:Actor)
  RETURN a.id AS id ORDER BY id LIMIT $cap
}
RETURN key, id`;
const Q3 = `UNWIND $keys AS key
MATCH (:_Alias {key: key})-[:OF]->(a:Actor)
RETURN key, a.id AS id`;
for (let round = 0; round < 3; round++) for (const [n, q] of [['full', Q1], ['ids', Q2], ['plain', Q3]] as const) {
  const t = performance.now();
  const rows = await store.run(q, { keys, cap: 16 });
  console.log(n, rows.length, (performance.now() - t).toFixed(1), 'ms');
}
const t = performance.now();
const ids = [...new Set(((await store.run(Q3, { keys })) as any[]).map((r) => r.id))];
const rows = await store.run('UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.roles AS roles, a.mergedInto AS mergedInto', { ids });
console.log('plain+byid', rows.length, (performance.now() - t).toFixed(1));
await store.close();
