// The insider: a round of 44 responses with known ground truth, then every attack we know of, by
// someone holding the database (a full copy after close), the server's secret and its logs at trace
// level, plus an admin diffing the API around one submission (test/api/polling.test.ts replays that in full). Each attack guesses an enterprise per
// answer; none may do better than chance. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { ballotBox, invitations } from '#server/db/schema.ts';
import { makeLinkMaker } from '#server/invitations/tokens.ts';
import { moveBallots } from '#server/survey/ballot-box.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { spearman } from '../support/ranks.ts';
import { openRoundWithTokens, type Level } from '../support/survey.ts';

const SECRET = 'test-secret-test-secret-test-secret-123'; // what makeTestContext configures: the insider has it
const ROUND = '2026Q1';
const logLines: string[] = [];
const ctx = await makeTestContext({ logLevel: 'trace', logStream: { write: (line) => void logLines.push(line) }, ballotMoveEveryMs: 0 });
await seedRegistry(ctx.database.db, { enterprises: 300, departments: 8 });
const { db } = ctx.database;
const tokens = [...(await openRoundWithTokens(ctx, ROUND, { sampleSize: 48 })).entries()];
const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, role?: Parameters<typeof ctx.as>[0]) =>
  ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload ? { payload } : {}),
    ...(role ? { headers: { cookie: await ctx.as(role) } } : {}),
  });
const departmentIds: number[] = (await api('GET', `/survey/${tokens[0]![1]}`)).json().departments.map((d: { id: number }) => d.id);
const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const LEVELS: Level[] = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable'];
interface Truth {
  uscc: string;
  token: string;
  comment: string;
  code: string;
  levels: Level[];
  reasons: string[][];
  order: number;
}
const REASONS = ['slow', 'repeat_trips', 'unclear_requirements', 'policy_not_implemented', 'poor_attitude', 'improper_fees', 'other'];
/** Up to three reasons for each 不满意, a pattern of the enterprise's own (k * 2 mod 7 keeps them distinct). */
const reasonsFor = (i: number, j: number, level: Level) =>
  level === 'dissatisfied' ? Array.from({ length: (i + j) % 4 }, (_, k) => REASONS[(i * 3 + j + k * 2) % 7]!) : [];
const truth: Truth[] = [];
const drafters = tokens.slice(44, 48);
const DRAFT_MARK = `草稿-${randomUUID()}`;

const submitAs = async (i: number) => {
  const [uscc, token] = tokens[i]!;
  // Answers a human would recognise as this enterprise's: a unique comment and a rating pattern of its own.
  const levels = departmentIds.map((_, j) => LEVELS[(i * 7 + j * ((i % 5) + 1)) % 5]!);
  const reasons = levels.map((l, j) => reasonsFor(i, j, l));
  const t: Truth = {
    uscc,
    token,
    comment: `意见-${i}-${randomUUID()}`,
    code: formatReceipt(randomBytes(12)),
    levels,
    reasons,
    order: truth.length,
  };
  const rated = departmentIds.map((departmentId, j) => ({
    departmentId,
    level: levels[j]!,
    ...(levels[j] !== 'not_applicable' ? { comment: `${t.comment}-部门${j}` } : {}),
    ...(reasons[j]!.length ? { reasons: reasons[j] } : {}),
  }));
  const votes = rated
    .filter((r) => r.level === 'dissatisfied')
    .slice(0, 3)
    .map((r) => r.departmentId);
  const res = await api('POST', `/survey/${token}/submit`, {
    submissionId: randomUUID(),
    ratings: rated,
    leastSatisfied: votes,
    comment: t.comment,
    receiptHash: receiptHash(t.code),
  });
  return { res, t };
};

// Everything readable by an admin through the API, as text: for the before/after diff.
const adminView = async () => {
  const urls = [
    `/rounds/${ROUND}`,
    `/rounds/${ROUND}/invitations`,
    `/rounds/${ROUND}/progress`,
    `/rounds/${ROUND}/non-responders`,
    `/rounds/${ROUND}/comments`,
    `/rounds/${ROUND}/results`,
    `/rounds/${ROUND}/breakdowns`,
    '/rounds',
    '/audit?pageSize=200',
  ];
  const out = new Map<string, string>();
  for (const url of urls) out.set(url, (await api('GET', url, undefined, 'admin')).body);
  return out;
};

let diff: { changedInvitations: string[]; leaked: string[]; commentsStatus: number[]; breakdownsStatus: number } | undefined;
let failedStatus = 0;
const failedTruth: Truth[] = [];

// ---- the round: 44 submit (batches leave the box as a timer would move them), 4 keep drafts.
for (const [uscc, token] of drafters) {
  await api('PUT', `/survey/${token}/draft`, {
    ratings: [{ departmentId: departmentIds[0], level: 'dissatisfied', comment: `${DRAFT_MARK}-${uscc}` }],
  });
}
for (let i = 0; i < 44; i++) {
  if (i === 20) {
    // The admin's diff: every admin endpoint before and after one submission.
    const before = await adminView();
    const { res, t } = await submitAs(i);
    expect(res.statusCode).toBe(200);
    truth.push(t);
    const after = await adminView();
    const invBefore = JSON.parse(before.get(`/rounds/${ROUND}/invitations`)!) as { uscc: string; status: string }[];
    const invAfter = JSON.parse(after.get(`/rounds/${ROUND}/invitations`)!) as { uscc: string; status: string }[];
    diff = {
      changedInvitations: invAfter.filter((a) => invBefore.find((b) => b.uscc === a.uscc)?.status !== a.status).map((a) => a.uscc),
      leaked: [...after]
        .filter(([url, body]) => body !== before.get(url) && (body.includes(t.comment) || LEVELS.some((l) => body.includes(`"${l}"`))))
        .map(([url]) => url),
      commentsStatus: await Promise.all(
        (['admin', 'leader', 'supervisor', 'dept_head'] as const).map(
          async (r) => (await api('GET', `/rounds/${ROUND}/comments`, undefined, r)).statusCode,
        ),
      ),
      breakdownsStatus: (await api('GET', `/rounds/${ROUND}/breakdowns`, undefined, 'admin')).statusCode,
    };
    continue;
  }
  if (i === 30) {
    // An error path: the box refuses this one insert (as a failing database would), logged at trace level.
    await db.execute(
      sql.raw(`create function refuse_ballot() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`),
    );
    await db.execute(sql.raw('create trigger refuse_ballot before insert on ballot_box for each row execute function refuse_ballot()'));
    const failed = await submitAs(i);
    failedStatus = failed.res.statusCode;
    failedTruth.push(failed.t);
    await db.execute(sql.raw('drop trigger refuse_ballot on ballot_box'));
  }
  const { res, t } = await submitAs(i);
  expect(res.statusCode, res.body).toBe(200);
  truth.push(t);
  if (i % 7 === 6) await moveBallots(db, ROUND);
}
const whileOpen = {
  xminShared: (await rows<{ n: string }>(sql`select count(*)::text as n from ballot_box b join invitations i on i.xmin = b.xmin`))[0]!.n,
  dumpText: (await rows<{ t: string }>(sql`select string_agg(i::text, '\n') as t from invitations i`))[0]!.t,
};
expect((await api('POST', `/rounds/${ROUND}/close`, {}, 'admin')).statusCode).toBe(200);

// ---- the dump after close
const submitted = await rows<{
  id: number;
  uscc: string;
  xmin: string;
  token_hash: string;
  submission_id: string;
  enterprise_id: number;
  rank: string;
}>(sql`
  select id, uscc, xmin::text, token_hash, submission_id::text, enterprise_id, (row_number() over (order by ctid))::text as rank
  from invitations where round_id = ${ROUND} and status = 'submitted' order by ctid`);
const answers = await rows<{ id: string; comment: string | null; receipt_hash: string | null; xmin: string; rank: string }>(sql`
  select id::text, comment, receipt_hash, xmin::text, (row_number() over (order by ctid))::text as rank from responses where round_id = ${ROUND} order by ctid`);
const truthOf = (answer: { comment: string | null }) => truth.find((t) => t.comment === answer.comment)!;
const N = truth.length;

/** Guesses "answer k belongs to submitter k" by an ordering; how many are right. */
const rightGuesses = (ordered: { comment: string | null }[]) => ordered.filter((a, k) => submitted[k]?.uscc === truthOf(a).uscc).length;
// For a random permutation of 44 the number of right guesses is about Poisson(1): 7 or more happens < 0.01% of the
// time (the suite checks several orderings on two databases each run, so 0.1% would fail CI now and then).
const CHANCE_MAX = 6;

describe('the round itself', () => {
  it('stored every one of the 44 answers, with its comment, and refused the one the database failed', () => {
    expect(N).toBe(44);
    expect(answers).toHaveLength(44);
    expect(new Set(answers.map((a) => truthOf(a)?.uscc)).size).toBe(44);
    expect(failedStatus).toBe(500);
    expect(submitted).toHaveLength(44);
  });

  it('stored every reason given for 不满意, with its rating, and none for another answer', async () => {
    const stored = await rows<{ department_id: number; reason: string; n: number }>(sql`
      select department_id, reason::text, count(*)::int as n from rating_reasons where round_id = ${ROUND} group by department_id, reason`);
    const expected = new Map<string, number>();
    for (const t of truth)
      t.reasons.forEach((list, j) =>
        list.forEach((r) => expected.set(`${departmentIds[j]}:${r}`, (expected.get(`${departmentIds[j]}:${r}`) ?? 0) + 1)),
      );
    expect(expected.size).toBeGreaterThan(10);
    expect(new Map(stored.map((r) => [`${r.department_id}:${r.reason}`, Number(r.n)]))).toEqual(expected);
    const orphans = await rows<{ n: string }>(
      sql`select count(*)::text as n from rating_reasons x join ratings r using (response_id, department_id) where r.level <> 'dissatisfied'`,
    );
    expect(Number(orphans[0]!.n)).toBe(0);
  });
});

describe('an admin using the API while the round is open', () => {
  it('sees no invitation turn "submitted" (states are reported in batches of 5) and nothing of what it answered; nobody reads comments', () => {
    expect(diff!.changedInvitations).toEqual([]);
    expect(diff!.leaked).toEqual([]);
    expect(diff!.commentsStatus).toEqual([409, 409, 409, 409]);
    expect(diff!.breakdownsStatus).toBe(409);
  });
});

describe('whoever holds a copy of the database after close', () => {
  it('finds no transaction id shared by an answer and an invitation (the box shared one only while open)', async () => {
    expect(Number(whileOpen.xminShared)).toBeGreaterThan(0); // the limit stated in the README, taken while open
    const invXmins = new Set(submitted.map((s) => s.xmin));
    expect(answers.filter((a) => invXmins.has(a.xmin))).toEqual([]);
    for (const table of ['ratings', 'rating_reasons', 'least_satisfied_votes']) {
      const shared = await rows<{ n: string }>(
        sql.raw(`select count(*)::text as n from ${table} a join invitations i on i.xmin = a.xmin where a.round_id = '${ROUND}'`),
      );
      expect(Number(shared[0]!.n), table).toBe(0);
    }
    // All of the round's answers were written by one transaction (the close): xmin orders nothing.
    expect(new Set(answers.map((a) => a.xmin)).size).toBe(1);
    // So were all of its invitations, which lie in draw (id) order: neither says who submitted when.
    expect(new Set(submitted.map((s) => s.xmin)).size).toBe(1);
    expect(submitted.map((s) => s.id)).toEqual([...submitted].map((s) => s.id).sort((a, b) => a - b));
  });

  it('cannot pair answers with submitters by physical order, by id order or by ratings order beyond chance', async () => {
    const byCtid = answers;
    const byId = [...answers].sort((a, b) => a.id.localeCompare(b.id));
    const ratingOrder = await rows<{ response_id: string }>(
      sql`select response_id::text from ratings where round_id = ${ROUND} order by ctid`,
    );
    const firstSeen = [...new Set(ratingOrder.map((r) => r.response_id))].map((id) => answers.find((a) => a.id === id)!);
    const reasonOrder = await rows<{ response_id: string }>(
      sql`select response_id::text from rating_reasons where round_id = ${ROUND} order by ctid`,
    );
    const firstReason = [...new Set(reasonOrder.map((r) => r.response_id))].map((id) => answers.find((a) => a.id === id)!);
    expect(firstReason.length).toBeGreaterThan(30);
    for (const [name, ordered] of [
      ['ctid', byCtid],
      ['id', byId],
      ['ratings ctid', firstSeen],
      ['reasons ctid', firstReason],
    ] as const) {
      expect(rightGuesses(ordered), name).toBeLessThanOrEqual(CHANCE_MAX);
      // No trend either: the rank of an answer says nothing about when it was submitted. Under chance rho has
      // SD 1/sqrt(43) = 0.15 at n = 44: |rho| > 0.6 is a 4-SD event (p < 1e-4), while any real leak of order gives rho near 1.
      const rho = spearman(
        ordered.map((_, k) => k),
        ordered.map((a) => truthOf(a).order),
      );
      expect(Math.abs(rho), name).toBeLessThan(0.6);
    }
  });

  it('finds no value, time or attribute on an answer that equals anything on an invitation', async () => {
    const timeColumns = await rows<{ c: string }>(sql`select table_name || '.' || column_name as c from information_schema.columns
      where table_name in ('responses', 'ratings', 'rating_reasons', 'least_satisfied_votes', 'ballot_box') and (data_type like 'timestamp%' or data_type in ('date', 'time'))`);
    expect(timeColumns).toEqual([]);
    const columns = await rows<{ c: string }>(sql`select column_name as c from information_schema.columns where table_name = 'responses'`);
    expect(columns.map((c) => c.c).sort()).toEqual(['comment', 'id', 'receipt_hash', 'round_id']);
    const invitationValues = new Set(
      submitted.flatMap((s) => [String(s.id), s.uscc, s.token_hash, s.submission_id, String(s.enterprise_id)]),
    );
    const answerValues = (
      await rows<{ v: string }>(sql`
      select v from (select id::text as v from responses union all select receipt_hash from responses union all select comment from responses
        union all select response_id::text from ratings union all select comment from ratings
        union all select response_id::text from rating_reasons) x where v is not null`)
    ).map((r) => r.v);
    expect(answerValues.filter((v) => invitationValues.has(v))).toEqual([]);
    expect(await db.select().from(ballotBox)).toEqual([]);
  });

  it('finds breakdown tallies only for groups of 5 or more, never attributes on an answer', async () => {
    const groups = await rows<{ dimension: string; value: string; respondents: number }>(
      sql`select dimension::text, value, respondents from breakdown_groups where round_id = ${ROUND}`,
    );
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.respondents < 5)).toEqual([]);
    // The suppressed groups of a dimension are 0 or at least 5 respondents together, so totals minus shown groups name no one.
    for (const dimension of ['township', 'industry', 'size']) {
      const shown = groups.filter((g) => g.dimension === dimension).reduce((s, g) => s + g.respondents, 0);
      expect(N - shown === 0 || N - shown >= 5, dimension).toBe(true);
    }
    const tallyGroups = await rows<{ n: string }>(sql`select count(*)::text as n from breakdown_tallies t where round_id = ${ROUND}
      and not exists (select 1 from breakdown_groups g where g.round_id = t.round_id and g.dimension = t.dimension and g.value = t.value)`);
    expect(Number(tallyGroups[0]!.n)).toBe(0);
    // Each shown township's tallies are exactly what its respondents answered (ground truth from the test's own record).
    const townOf = new Map(
      (await rows<{ uscc: string; township: string }>(sql`select uscc, township from enterprises`)).map((e) => [e.uscc, e.township]),
    );
    const tallies = await rows<{ value: string; department_id: number; level: string; n: number }>(sql`
      select value, department_id, level::text, n from breakdown_tallies where round_id = ${ROUND} and dimension = 'township'`);
    expect(tallies.length).toBeGreaterThan(0);
    for (const t of tallies) {
      const j = departmentIds.indexOf(t.department_id);
      expect(t.n, `${t.value} ${t.department_id} ${t.level}`).toBe(
        truth.filter((x) => townOf.get(x.uscc) === t.value && x.levels[j] === t.level).length,
      );
    }
    // What the API shows of them once the close is final: groups of 5 or more, cells of 5 or more ratings, the rest hidden.
    expect((await api('GET', `/rounds/${ROUND}/breakdowns`, undefined, 'leader')).json().error.code).toBe('not_computed');
    expect((await api('POST', `/rounds/${ROUND}/compute`, {}, 'admin')).statusCode).toBe(200);
    const shown = (await api('GET', `/rounds/${ROUND}/breakdowns`, undefined, 'leader')).json() as {
      dimensions: {
        hiddenRespondents: number;
        groups: { respondents: number; departments: { n: number | null; mean: number | null }[] }[];
      }[];
    };
    for (const d of shown.dimensions) {
      expect(d.groups.every((g) => g.respondents >= 5)).toBe(true);
      expect(d.groups.flatMap((g) => g.departments).every((c) => (c.n === null && c.mean === null) || c.n! >= 5)).toBe(true);
      expect(d.hiddenRespondents === 0 || d.hiddenRespondents >= 5).toBe(true);
    }
    expect((await api('GET', `/rounds/${ROUND}/breakdowns`, undefined, 'dept_head')).statusCode).toBe(403);
  });

  it("cannot recompute a receipt with the server's secret: the codes were made by the pages", () => {
    const stored = new Set(answers.map((a) => a.receipt_hash));
    expect([...stored].filter(Boolean)).toHaveLength(44);
    // The old scheme: an HMAC of what the invitation keeps. And plain hashes of anything an invitation holds or the secret derives.
    const key = Buffer.from(hkdfSync('sha256', SECRET, 'pingyi', 'receipts-v1', 32));
    const links = makeLinkMaker(SECRET, 'https://pingyi.example.gov.cn');
    const candidates = submitted.flatMap((s) => {
      const bytes = createHmac('sha256', key).update(`${s.token_hash}\n${s.submission_id}`).digest();
      const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
      const code = [...bytes.subarray(0, 12)].map((b) => alphabet[b % 32]).join('');
      const token = links.token(ROUND, s.uscc, 1);
      return [
        receiptHash(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`),
        ...[token, s.token_hash, s.submission_id, s.uscc].map((v) => createHash('sha256').update(v).digest('hex')),
      ];
    });
    expect(candidates.filter((c) => stored.has(c))).toEqual([]);
  });

  it('finds no draft answer while open (sealed) and no draft at all after close', async () => {
    expect(whileOpen.dumpText).not.toContain(DRAFT_MARK);
    expect(whileOpen.dumpText).not.toContain('dissatisfied');
    const left = await db.select({ draft: invitations.draft }).from(invitations).where(sql`${invitations.draft} is not null`);
    expect(left).toEqual([]);
  });

  it('finds no answer content outside the answer tables', async () => {
    const tables = (
      await rows<{ t: string }>(
        sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    )
      .map((r) => r.t)
      .filter((t) => !['responses', 'ratings', 'rating_reasons', 'least_satisfied_votes'].includes(t));
    for (const table of tables) {
      const [dump] = await rows<{ t: string | null }>(sql.raw(`select string_agg(x::text, '\n') as t from "${table}" x`));
      const text = dump?.t ?? '';
      expect(truth.filter((t) => text.includes(t.comment)).length, table).toBe(0);
      expect(text.includes(DRAFT_MARK), table).toBe(false);
    }
  });
});

describe('whoever holds the logs (level trace)', () => {
  it('finds no answer, comment, draft or receipt in any line, the failed statement included', () => {
    expect(logLines.length).toBeGreaterThan(100);
    const all = logLines.join('');
    expect(all).toContain('database error ('); // the failed submit was logged, scrubbed to its SQLSTATE
    const hits = logLines.filter(
      (line) =>
        [...truth, ...failedTruth].some((t) => line.includes(t.comment) || line.includes(t.code) || line.includes(receiptHash(t.code))) ||
        line.includes(DRAFT_MARK) ||
        LEVELS.some((l) => line.includes(l)),
    );
    expect(hits).toEqual([]);
  });
});
