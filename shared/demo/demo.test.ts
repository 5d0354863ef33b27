import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../uscc.ts';
import { DEPARTMENT_CATEGORIES } from '../vocabulary/department-categories.ts';
import { SIZE_CLASSES } from '../vocabulary/size-classes.ts';
import { DEMO_DEPARTMENTS } from './departments.ts';
import { INDUSTRIES, TOWNSHIPS, generateDemoEnterprises } from './enterprises.ts';
import { hashString, int, makeRng, pick, pickWeighted } from './prng.ts';

describe('DEMO_DEPARTMENTS', () => {
  it('has exactly 53 departments with unique lower-case ascii codes', () => {
    expect(DEMO_DEPARTMENTS).toHaveLength(53);
    const codes = DEMO_DEPARTMENTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(53);
    for (const c of codes) expect(c).toMatch(/^[a-z]+$/);
  });

  it('has unique names and complete fields', () => {
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.nameZh)).size).toBe(53);
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.nameEn)).size).toBe(53);
    expect(new Set(DEMO_DEPARTMENTS.map((d) => d.head.name)).size).toBe(53);
    const categories = new Set(DEPARTMENT_CATEGORIES.map((c) => c.key));
    for (const d of DEMO_DEPARTMENTS) {
      expect(categories.has(d.category)).toBe(true);
      expect(d.nameZh).toMatch(/\p{Script=Han}/u);
      expect(d.nameEn).toMatch(/^[A-Za-z]/);
      expect(d.head.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(d.head.title).toMatch(/\p{Script=Han}/u);
    }
  });

  it('uses every category', () => {
    const used = new Set(DEMO_DEPARTMENTS.map((d) => d.category));
    for (const c of DEPARTMENT_CATEGORIES) expect(used.has(c.key)).toBe(true);
  });

  it.each([
    ['scjgj', '市场监督管理局'],
    ['cgj', '城市管理执法局'],
    ['zwfwj', '政务服务和大数据管理局'],
    ['gaj', '公安局'],
    ['ctgs', '城投'],
    ['swj', '税务局'],
    ['zrzyj', '自然资源和规划局'],
    ['zjj', '住房和城乡建设局'],
    ['rsj', '人力资源和社会保障局'],
    ['fgw', '发展和改革委员会'],
    ['jxj', '经济和信息化局'],
    ['shwj', '商务局'],
    ['czj', '财政局'],
    ['sthjj', '生态环境局'],
    ['jtysj', '交通运输局'],
    ['slj', '水利'],
    ['nyncj', '农业农村局'],
    ['wjw', '卫生健康委员会'],
    ['yjglj', '应急管理局'],
    ['xfjydd', '消防救援'],
    ['rmyh', '人民银行'],
    ['gdgs', '供电公司'],
    ['bdcdj', '不动产登记中心'],
    ['ggzyjy', '公共资源交易中心'],
    ['xzspj', '行政审批局'],
    ['swgs', '水务'],
    ['rqgs', '燃气'],
  ])('includes %s (%s)', (code, fragment) => {
    const d = DEMO_DEPARTMENTS.find((x) => x.code === code);
    expect(d?.nameZh).toContain(fragment);
  });
});

describe('prng', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = makeRng('x');
    const b = makeRng('x');
    for (let i = 0; i < 1000; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    expect(makeRng('x')()).not.toBe(makeRng('y')());
    expect(hashString('pingyi')).toBe(hashString('pingyi'));
  });

  it('int, pick and pickWeighted stay in range', () => {
    const rng = makeRng('helpers');
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const n = int(rng, 3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
      expect(['a', 'b']).toContain(pick(rng, ['a', 'b']));
      expect(pickWeighted(rng, ['never', 'always'], (s) => (s === 'always' ? 1 : 0))).toBe('always');
    }
    expect(seen).toEqual(new Set([3, 4, 5, 6]));
    expect(() => pick(rng, [])).toThrow(RangeError);
  });
});

describe('generateDemoEnterprises', () => {
  const list = generateDemoEnterprises();

  it('generates 2,000 by default, deterministically', () => {
    expect(list).toHaveLength(2000);
    expect(generateDemoEnterprises()).toEqual(list);
    expect(generateDemoEnterprises(50, 'other')).toEqual(generateDemoEnterprises(50, 'other'));
  });

  it('differs with a different seed', () => {
    const other = generateDemoEnterprises(2000, 'another-seed');
    expect(other.map((e) => e.uscc)).not.toEqual(list.map((e) => e.uscc));
    expect(other.map((e) => e.name)).not.toEqual(list.map((e) => e.name));
  });

  it('a shorter list is a prefix of a longer one with the same seed', () => {
    expect(generateDemoEnterprises(100)).toEqual(list.slice(0, 100));
  });

  it('has valid, unique USCCs in division 429004 with types 91/92/93', () => {
    expect(new Set(list.map((e) => e.uscc)).size).toBe(list.length);
    for (const e of list) {
      expect(isValidUscc(e.uscc)).toBe(true);
      expect(e.uscc).toMatch(/^9[123]429004/);
    }
    const types = new Map<string, number>();
    for (const e of list) types.set(e.uscc.slice(0, 2), (types.get(e.uscc.slice(0, 2)) ?? 0) + 1);
    expect(types.get('91') ?? 0).toBeGreaterThan(list.length * 0.6);
    expect(types.get('92') ?? 0).toBeGreaterThan(0);
    expect(types.get('93') ?? 0).toBeGreaterThan(0);
  });

  it('has unique, realistic names', () => {
    expect(new Set(list.map((e) => e.name)).size).toBe(list.length);
    for (const e of list) {
      expect(e.name.startsWith('仙桃市')).toBe(true);
      const kind = e.uscc.slice(0, 2);
      if (kind === '91') expect(e.name).toMatch(/(有限公司|有限责任公司)$/);
      if (kind === '93') expect(e.name).toMatch(/专业合作社$/);
      if (kind === '92') expect(e.name).not.toMatch(/公司$/);
    }
  });

  it('uses only values from the exported lists', () => {
    const industries = new Set(INDUSTRIES.map((i) => i.key));
    const sizes = new Set(SIZE_CLASSES.map((s) => s.key));
    const townships = new Set(TOWNSHIPS.map((t) => t.zh));
    for (const e of list) {
      expect(industries.has(e.industry)).toBe(true);
      expect(sizes.has(e.sizeClass)).toBe(true);
      expect(townships.has(e.township)).toBe(true);
      expect(e.contactName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(e.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(typeof e.active).toBe('boolean');
    }
  });

  it('has a realistic skew: few large, most micro, ~97% active', () => {
    const count = (size: string) => list.filter((e) => e.sizeClass === size).length;
    expect(count('large')).toBeGreaterThan(0);
    expect(count('large')).toBeLessThan(list.length * 0.05);
    expect(count('large')).toBeLessThan(count('medium'));
    expect(count('medium')).toBeLessThan(count('small'));
    expect(count('small')).toBeLessThan(count('micro'));
    const active = list.filter((e) => e.active).length / list.length;
    expect(active).toBeGreaterThan(0.94);
    expect(active).toBeLessThan(0.995);
  });

  it('generates 2,000 in under 200 ms', () => {
    generateDemoEnterprises(200, 'warm-up');
    const t = performance.now();
    generateDemoEnterprises(2000, 'timing');
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('handles 0 and rejects a bad count', () => {
    expect(generateDemoEnterprises(0)).toEqual([]);
    expect(() => generateDemoEnterprises(-1)).toThrow(RangeError);
    expect(() => generateDemoEnterprises(1.5)).toThrow(RangeError);
  });
});
