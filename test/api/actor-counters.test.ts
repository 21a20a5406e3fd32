import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countersOf } from '../../server/api/routes/actors.js';
import { API } from '../../server/graph/queries/api.js';
import type { Row } from '../../server/graph/types.js';
import { ARTICLES } from '../utils/actor-fixtures.js';
import { actor } from '../utils/graph-fixtures.js';
import { startApi, type TestApi } from './helpers.js';

/**
 * GET /api/actors/:id of one actor reads the counters the article write
 * keeps (API.actorDays, actorPairsFrom/To, actorSaidInDays/AboutInDays); it
 * must answer exactly what the queries over every statement of the actor
 * answer (API.actorSaid, actorAbout, actorSaidByMonth, actorAboutByMonth,
 * actorTalksAbout, actorTalkedAboutBy, and the edges counted for its
 * totals). Checked for every actor of the seed
 * page and of a fixture with prolific actors, coarse, undated and
 * speakerless statements, at page sizes that cut inside a day, at a day's
 * end, and past everything (where the page falls back to the full query).
 */
describe('the actor page from counters equals the actor page from every statement', () => {
  let api: TestApi;
  let actorIds: string[];
  beforeAll(async () => {
    api = await startApi({ graphs: ARTICLES() });
    actorIds = (await api.store.run('MATCH (a:Actor) RETURN a.id AS id ORDER BY id')).map((r) => String(r.id));
  }, 60_000);
  afterAll(() => api?.close());

  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
  const months = (said: Row[], about: Row[]) => {
    const m = new Map<string, { period: string; said: number; about: number }>();
    for (const [rows, key] of [[said, 'said'], [about, 'about']] as const) {
      for (const r of rows) {
        const e = m.get(String(r.period)) ?? { period: String(r.period), said: 0, about: 0 };
        e[key] += Number(r.n);
        m.set(e.period, e);
      }
    }
    return [...m.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  };
  const neighbourCounts = (rows: Array<{ id: string; statements: number }>, self: string) =>
    rows.filter((r) => r.id !== self).map((r) => `${r.id} ${Number(r.statements)}`).sort();

  test('the fixtures have actors on both paths: pages cut by the counters, and pages past every dated statement', async () => {
    expect(actorIds.length).toBeGreaterThan(10);
    const prolific = actor('Speaker 0').id;
    const days = await api.store.run(API.actorDays, { ids: [prolific] });
    expect(countersOf(days, 5).saidDays).not.toBeNull();
    expect(countersOf(days, 500).saidDays).toBeNull();
    // The mixed speaker has an undated statement, which sorts last: a page past the dated ones must include it.
    const mixed = actor('Mixed Speaker').id;
    const res = await api.get(`/api/actors/${mixed}?statements=500`);
    expect(res.body.said).toHaveLength(3);
    expect(res.body.said[2].saidAt).toBeNull();
  });

  test.each([0, 1, 2, 5, 500])('with a page of %i statements, every actor\'s page is the same', async (limit) => {
    for (const id of actorIds) {
      const res = await api.get(`/api/actors/${encodeURIComponent(id)}?statements=${limit}`);
      expect(res.status).toBe(200);
      const [said, about, saidByMonth, aboutByMonth, talks, talked] = await Promise.all([
        api.store.run(API.actorSaid, { ids: [id], limit }),
        api.store.run(API.actorAbout, { ids: [id], limit }),
        api.store.run(API.actorSaidByMonth, { ids: [id] }),
        api.store.run(API.actorAboutByMonth, { ids: [id] }),
        api.store.run(API.actorTalksAbout, { ids: [id] }),
        api.store.run(API.actorTalkedAboutBy, { ids: [id] }),
      ]);
      expect(ids(res.body.said), `${id} said`).toEqual(said.map((r) => String(r.id)));
      expect(ids(res.body.aboutThem), `${id} about`).toEqual(about.map((r) => String(r.id)));
      expect(res.body.overTime, `${id} over time`).toEqual(months(saidByMonth, aboutByMonth));
      expect(neighbourCounts(res.body.talksAbout, id), `${id} talks about`).toEqual(neighbourCounts(talks as Array<{ id: string; statements: number }>, id));
      expect(neighbourCounts(res.body.talkedAboutBy, id), `${id} talked about by`).toEqual(neighbourCounts(talked as Array<{ id: string; statements: number }>, id));
      // The summary's totals (ActorTotal) against the actor's edges counted.
      const [degree] = await api.store.run(
        'MATCH (a:Actor {id: $id}) RETURN COUNT { (a)-[:SAID]->(:Statement) } AS said, COUNT { (a)<-[:ABOUT]-(:Statement) } AS about, COUNT { (a)<-[:MENTIONS]-(:Article) } AS articles',
        { id },
      );
      expect({ said: res.body.actor.said, about: res.body.actor.about, articles: res.body.actor.articles }, `${id} totals`).toEqual({
        said: Number(degree?.said),
        about: Number(degree?.about),
        articles: Number(degree?.articles),
      });
    }
  });
});
