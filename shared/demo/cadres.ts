/**
 * The demo city's cadre registry for the points system: 82 units (the 53 rated departments, 15
 * townships, 8 offices, 6 institutions), about 3,900 cadres with their post history, and three years
 * of ledger entries. Deterministic for a given "now"; fictitious people. Browser-safe.
 */
import { isoOfDay, dayNumber } from '../points/days.ts';
import type { CadreStatus, Rank, UnitKind } from '../points/vocabulary.ts';
import { DEMO_DEPARTMENTS } from './departments.ts';
import { personName } from './enterprises.ts';
import { int, makeRng, pick, type Rng } from './prng.ts';

export const DEMO_CADRE_COUNT = 3900;
/** The demo's department heads took office on this day (as the department registry says). */
export const DEMO_HEADS_SINCE = '2020-01-01';

export interface DemoUnit {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
  departmentCode: string | null;
}
export interface DemoTenure {
  unit: number;
  post: string;
  rank: Rank;
  leadership: boolean;
  since: string;
  until: string | null;
}
export interface DemoCadre {
  code: string;
  name: string;
  status: CadreStatus;
  statusSince: string | null;
  tenures: DemoTenure[];
  headOf: string | null;
}
export interface DemoEntry {
  cadre: number;
  ruleCode: string;
  date: string;
  reason: string;
  evidence: string;
  outcome: 'approved' | 'rejected' | 'pending';
  /** Approved and later reversed (a correction), on this date. */
  reversedOn: string | null;
  /** 0: submitted by org, reviewed by org2; 1: the other way round. */
  submitter: 0 | 1;
}

const TOWNSHIPS = [
  '沙嘴街道',
  '干河街道',
  '龙华山街道',
  '郑场镇',
  '毛嘴镇',
  '剅河镇',
  '三伏潭镇',
  '胡场镇',
  '长埫口镇',
  '西流河镇',
  '彭场镇',
  '沙湖镇',
  '杨林尾镇',
  '张沟镇',
  '郭河镇',
];
const OFFICES: [string, string][] = [
  ['swb', '市委办公室'],
  ['zfb', '市政府办公室'],
  ['rdb', '市人大常委会办公室'],
  ['zxb', '市政协办公室'],
  ['zzb', '市委组织部'],
  ['xcb', '市委宣传部'],
  ['jwjw', '市纪委监委机关'],
  ['bb', '市委机构编制委员会办公室'],
];
const INSTITUTIONS: [string, string][] = [
  ['rmt', '市融媒体中心'],
  ['dx', '市委党校'],
  ['dag', '市档案馆'],
  ['jgsw', '市机关事务服务中心'],
  ['sbzx', '市社会保险服务中心'],
  ['jkzx', '市疾病预防控制中心'],
];

export function demoUnits(): DemoUnit[] {
  return [
    ...DEMO_DEPARTMENTS.map((d) => ({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      kind: 'department' as const,
      departmentCode: d.code,
    })),
    ...TOWNSHIPS.map((name, i) => ({
      code: `town${String(i + 1).padStart(2, '0')}`,
      nameZh: name,
      nameEn: `Township ${i + 1}`,
      kind: 'township' as const,
      departmentCode: null,
    })),
    ...OFFICES.map(([code, name]) => ({ code, nameZh: name, nameEn: code.toUpperCase(), kind: 'office' as const, departmentCode: null })),
    ...INSTITUTIONS.map(([code, name]) => ({
      code,
      nameZh: name,
      nameEn: code.toUpperCase(),
      kind: 'institution' as const,
      departmentCode: null,
    })),
  ];
}

const STAFF_RANKS: Rank[] = [
  'principal_1',
  'principal_2',
  'principal_2',
  'principal_3',
  'principal_3',
  'principal_4',
  'principal_4',
  'clerk_1',
  'clerk_1',
  'clerk_2',
];
const LOWER: Partial<Record<Rank, Rank>> = {
  researcher_2: 'researcher_3',
  researcher_3: 'researcher_4',
  researcher_4: 'principal_1',
  principal_1: 'principal_2',
  principal_2: 'principal_3',
  principal_3: 'principal_4',
  principal_4: 'clerk_1',
  clerk_1: 'clerk_2',
};
const STAFF_POSTS = ['科长', '副科长', '科员', '科员', '科员', '主任科员', '办事员'];
const DEPUTY = (u: DemoUnit) => (u.kind === 'township' ? '副镇长' : u.kind === 'department' ? '副局长' : '副主任');

function dayBetween(rng: Rng, from: string, to: string): string {
  return isoOfDay(int(rng, dayNumber(from), dayNumber(to)));
}

/** A career: posts from `start` to today, the last one the current post; earlier ones a rank lower, some elsewhere. */
function career(
  rng: Rng,
  unit: number,
  units: number,
  start: string,
  current: Omit<DemoTenure, 'since' | 'until' | 'unit'>,
  currentSince: string | null,
  today: string,
): DemoTenure[] {
  const moves = int(rng, 0, 2);
  const lastSince =
    currentSince ??
    (moves === 0
      ? start
      : dayBetween(rng, isoOfDay(dayNumber(start) + 400), isoOfDay(Math.max(dayNumber(start) + 400, dayNumber(today) - 200))));
  const tenures: DemoTenure[] = [];
  if (lastSince > start) {
    // One or two earlier posts between the start and the current one.
    const cut =
      moves === 2 && dayNumber(lastSince) - dayNumber(start) > 800
        ? dayBetween(rng, isoOfDay(dayNumber(start) + 300), isoOfDay(dayNumber(lastSince) - 300))
        : null;
    const lower = LOWER[current.rank] ?? current.rank;
    const earlierUnit = rng() < 0.35 ? int(rng, 0, units - 1) : unit;
    if (cut) {
      tenures.push({
        unit: earlierUnit,
        post: '科员',
        rank: LOWER[lower] ?? lower,
        leadership: false,
        since: start,
        until: isoOfDay(dayNumber(cut) - 1),
      });
      tenures.push({
        unit: earlierUnit,
        post: pick(rng, STAFF_POSTS),
        rank: lower,
        leadership: false,
        since: cut,
        until: isoOfDay(dayNumber(lastSince) - 1),
      });
    } else {
      tenures.push({
        unit: earlierUnit,
        post: pick(rng, STAFF_POSTS),
        rank: lower,
        leadership: false,
        since: start,
        until: isoOfDay(dayNumber(lastSince) - 1),
      });
    }
  }
  tenures.push({ unit, ...current, since: lastSince, until: null });
  return tenures;
}

export function generateDemoCadres(today: string): { units: DemoUnit[]; cadres: DemoCadre[] } {
  const rng = makeRng('pingyi-demo-cadres');
  const units = demoUnits();
  // Townships are bigger than offices; the sizes add up to exactly DEMO_CADRE_COUNT.
  const weights = units.map((u) => (u.kind === 'township' ? 1.3 : u.kind === 'department' ? 1 : 0.7) * (0.8 + rng() * 0.4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / sum) * DEMO_CADRE_COUNT));
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < DEMO_CADRE_COUNT; i++) sizes[i % sizes.length]!++;

  const cadres: DemoCadre[] = [];
  const latest = isoOfDay(dayNumber(today) - 30);
  units.forEach((u, ui) => {
    const dept = u.departmentCode ? DEMO_DEPARTMENTS.find((d) => d.code === u.departmentCode)! : null;
    for (let k = 0; k < sizes[ui]!; k++) {
      const code = `GB${String(cadres.length + 1).padStart(5, '0')}`;
      let name = personName(rng);
      let current: Omit<DemoTenure, 'since' | 'until' | 'unit'>;
      let start: string;
      let currentSince: string | null = null;
      let headOf: string | null = null;
      let status: CadreStatus = 'in_post';
      let statusSince: string | null = null;
      if (k === 0) {
        // The unit's principal: for a rated department, the head the survey holds to account.
        name = dept?.head.name ?? name;
        current = {
          post: dept?.head.title ?? (u.kind === 'township' ? '镇长' : '主任'),
          rank: rng() < 0.4 ? 'researcher_2' : 'researcher_3',
          leadership: true,
        };
        start = dayBetween(rng, '1992-01-01', '2004-12-31');
        currentSince = dept ? DEMO_HEADS_SINCE : dayBetween(rng, '2016-01-01', '2023-06-30');
        headOf = dept?.code ?? null;
      } else if (k <= 4) {
        current = { post: k === 4 ? '纪检组长' : DEPUTY(u), rank: rng() < 0.5 ? 'researcher_4' : 'principal_1', leadership: true };
        start = dayBetween(rng, '1995-01-01', '2010-12-31');
      } else {
        const rank = pick(rng, STAFF_RANKS);
        current = { post: pick(rng, STAFF_POSTS), rank, leadership: false };
        start = dayBetween(rng, rank.startsWith('clerk') ? '2012-01-01' : '1996-01-01', rank.startsWith('clerk') ? latest : '2018-12-31');
        const r = rng();
        if (r < 0.06) {
          // 退出领导岗位: a former deputy, still in the system and still competing for rank.
          status = 'left_leadership';
          statusSince = dayBetween(rng, '2022-01-01', latest);
          current = {
            post: `原${DEPUTY(u)}（已退出领导岗位）`,
            rank: pick(rng, ['researcher_3', 'researcher_4', 'principal_1'] as Rank[]),
            leadership: false,
          };
          start = dayBetween(rng, '1990-01-01', '2000-12-31');
        } else if (r < 0.08) {
          status = 'retired';
          statusSince = dayBetween(rng, '2024-01-01', latest);
        } else if (r < 0.09) {
          status = 'transferred_out';
          statusSince = dayBetween(rng, '2024-01-01', latest);
        }
      }
      const tenures = career(rng, ui, units.length, start, current, currentSince, today);
      if (status === 'retired' || status === 'transferred_out') {
        const last = tenures.at(-1)!;
        last.until = statusSince! > last.since ? isoOfDay(dayNumber(statusSince!) - 1) : last.since;
      }
      cadres.push({ code, name, status, statusSince, tenures, headOf });
    }
  });
  return { units, cadres };
}

const AWARD_REASONS: Record<string, [string, string]> = {
  award_unit: ['年度考核确定为优秀等次', '〔{y}〕年度考核结果通知'],
  award_city: ['获评市级优秀共产党员/先进工作者', '仙发〔{y}〕{n}号'],
  award_provincial: ['获省级表彰（优化营商环境先进个人）', '鄂政发〔{y}〕{n}号'],
  award_national: ['获全国先进工作者称号', '国发〔{y}〕{n}号'],
  criticism: ['工作失职，全市通报批评', '仙办通〔{y}〕{n}号'],
  discipline: ['违反工作纪律，给予政务警告处分', '仙监处〔{y}〕{n}号'],
};

/** Three years of entries up to `today`: mostly approved, the last weeks pending, a few rejected and corrected. */
export function generateDemoEntries(cadres: readonly DemoCadre[], today: string): DemoEntry[] {
  const rng = makeRng('pingyi-demo-points');
  const from = dayNumber(today) - 3 * 365;
  const end = dayNumber(today);
  const entries: DemoEntry[] = [];
  const chances: [string, number][] = [
    ['award_unit', 0.15],
    ['award_city', 0.035],
    ['award_provincial', 0.007],
    ['award_national', 0.0012],
    ['criticism', 0.006],
    ['discipline', 0.0025],
  ];
  cadres.forEach((c, i) => {
    const first = dayNumber(c.tenures[0]!.since);
    const last = c.tenures.at(-1)!.until ? dayNumber(c.tenures.at(-1)!.until!) : end;
    for (let y = 0; y < 3; y++) {
      for (const [ruleCode, p] of chances) {
        if (rng() >= p) continue;
        const day = from + y * 365 + int(rng, 0, 364);
        if (day < first || day > last || day > end) continue;
        const date = isoOfDay(day);
        const [reason, evidence] = AWARD_REASONS[ruleCode]!;
        const fill = (s: string) => s.replace('{y}', date.slice(0, 4)).replace('{n}', String(int(rng, 1, 99)));
        const recent = day > end - 30;
        const roll = rng();
        entries.push({
          cadre: i,
          ruleCode,
          date,
          reason: fill(reason),
          evidence: fill(evidence),
          outcome: recent ? 'pending' : roll < 0.02 ? 'rejected' : 'approved',
          reversedOn: !recent && roll > 0.995 ? isoOfDay(Math.min(end, day + int(rng, 20, 120))) : null,
          submitter: rng() < 0.5 ? 0 : 1,
        });
      }
    }
  });
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cadre - b.cadre));
}
