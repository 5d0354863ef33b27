/**
 * A deterministic registry of demo market entities (市场主体) in the demo city (division 429004).
 * Same seed, same list; browser-safe (no node imports).
 */
import { USCC_ALPHABET, makeUscc } from '../uscc.ts';
import { makeRng, pick, pickWeighted, type Rng } from './prng.ts';
import type { SizeClass } from '../vocabulary/size-classes.ts';

export const DEMO_DIVISION_CODE = '429004';
export const DEMO_CITY_ZH = '仙桃市';

// ---------------------------------------------------------------------------------------------
// Reference lists

export type IndustryKey =
  | 'agriculture'
  | 'manufacturing'
  | 'utilities'
  | 'construction'
  | 'wholesale_retail'
  | 'transport'
  | 'accommodation_catering'
  | 'it_services'
  | 'real_estate'
  | 'leasing_business'
  | 'science_tech'
  | 'resident_services'
  | 'culture';

export interface Industry {
  key: IndustryKey;
  /** GB/T 4754-2017 section letter. */
  section: string;
  zh: string;
  en: string;
}

export const INDUSTRIES: readonly Industry[] = [
  { key: 'agriculture', section: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { key: 'manufacturing', section: 'C', zh: '制造业', en: 'Manufacturing' },
  { key: 'utilities', section: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  { key: 'construction', section: 'E', zh: '建筑业', en: 'Construction' },
  { key: 'wholesale_retail', section: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { key: 'transport', section: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  { key: 'accommodation_catering', section: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  { key: 'it_services', section: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  { key: 'real_estate', section: 'K', zh: '房地产业', en: 'Real estate' },
  { key: 'leasing_business', section: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { key: 'science_tech', section: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  { key: 'resident_services', section: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' },
  { key: 'culture', section: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
];

export type TownshipKind = 'subdistrict' | 'town' | 'zone' | 'farm';

export interface Township {
  zh: string;
  en: string;
  kind: TownshipKind;
  /** Relative share of small and micro entities. */
  weight: number;
  /** Relative share of large and medium enterprises. */
  industrialWeight: number;
}

/** Subdistricts, towns, the industrial park and state farms of the demo city (仙桃市). */
export const TOWNSHIPS: readonly Township[] = [
  { zh: '沙嘴街道', en: 'Shazui Subdistrict', kind: 'subdistrict', weight: 14, industrialWeight: 8 },
  { zh: '干河街道', en: 'Ganhe Subdistrict', kind: 'subdistrict', weight: 12, industrialWeight: 10 },
  { zh: '龙华山街道', en: 'Longhuashan Subdistrict', kind: 'subdistrict', weight: 12, industrialWeight: 8 },
  { zh: '工业园', en: 'Industrial Park', kind: 'zone', weight: 5, industrialWeight: 25 },
  { zh: '郑场镇', en: 'Zhengchang Town', kind: 'town', weight: 4, industrialWeight: 3 },
  { zh: '毛嘴镇', en: 'Maozui Town', kind: 'town', weight: 4, industrialWeight: 4 },
  { zh: '剅河镇', en: 'Louhe Town', kind: 'town', weight: 3, industrialWeight: 2 },
  { zh: '三伏潭镇', en: 'Sanfutan Town', kind: 'town', weight: 4, industrialWeight: 2 },
  { zh: '胡场镇', en: 'Huchang Town', kind: 'town', weight: 3, industrialWeight: 3 },
  { zh: '长埫口镇', en: 'Changtangkou Town', kind: 'town', weight: 5, industrialWeight: 5 },
  { zh: '西流河镇', en: 'Xiliuhe Town', kind: 'town', weight: 4, industrialWeight: 2 },
  { zh: '沙湖镇', en: 'Shahu Town', kind: 'town', weight: 3, industrialWeight: 1 },
  { zh: '杨林尾镇', en: 'Yanglinwei Town', kind: 'town', weight: 4, industrialWeight: 3 },
  { zh: '彭场镇', en: 'Pengchang Town', kind: 'town', weight: 6, industrialWeight: 15 },
  { zh: '张沟镇', en: 'Zhanggou Town', kind: 'town', weight: 3, industrialWeight: 2 },
  { zh: '郭河镇', en: 'Guohe Town', kind: 'town', weight: 3, industrialWeight: 1 },
  { zh: '沔城回族镇', en: 'Miancheng Hui Ethnic Town', kind: 'town', weight: 3, industrialWeight: 1 },
  { zh: '通海口镇', en: 'Tonghaikou Town', kind: 'town', weight: 3, industrialWeight: 1 },
  { zh: '陈场镇', en: 'Chenchang Town', kind: 'town', weight: 3, industrialWeight: 1 },
  { zh: '九合垸原种场', en: 'Jiuheyuan Seed Farm', kind: 'farm', weight: 1, industrialWeight: 0.5 },
  { zh: '五湖渔场', en: 'Wuhu Fishery', kind: 'farm', weight: 1, industrialWeight: 0.5 },
  { zh: '排湖风景区', en: 'Paihu Scenic Area', kind: 'farm', weight: 1, industrialWeight: 0.5 },
];

export interface DemoEnterprise {
  /** Valid 18-character unified social credit code, division 429004. */
  uscc: string;
  name: string;
  industry: IndustryKey;
  sizeClass: SizeClass;
  /** `zh` of one of TOWNSHIPS. */
  township: string;
  contactName: string;
  /** 11-digit mainland mobile number. */
  contactPhone: string;
  active: boolean;
}

// ---------------------------------------------------------------------------------------------
// Name material

/** 字号 characters: auspicious and common in local trade names. */
const TRADE_CHARS = [
  ...'恒兴达鑫源华盛信博宏泰昌隆瑞丰祥福富嘉荣佳汇通顺安康宇新德正中金凯永海天明江汉沔宝鸿发利和远创辉益诚帆美润浩晟楚荆联合众星',
];

/** 行业词 for 91 enterprises, by industry. */
const INDUSTRY_WORDS: Record<IndustryKey, readonly string[]> = {
  manufacturing: [
    '纺织',
    '无纺布',
    '无纺布制品',
    '防护用品',
    '食品',
    '水产食品',
    '粮油',
    '机械',
    '机械制造',
    '新型建材',
    '电子',
    '医疗器械',
    '化工',
    '服装',
    '汽车零部件',
    '塑料制品',
    '包装',
    '新材料',
    '卫生用品',
  ],
  wholesale_retail: ['商贸', '贸易', '医药连锁', '农资', '五金机电', '建材贸易', '汽车销售', '百货'],
  construction: ['建筑工程', '建设工程', '市政工程', '装饰工程', '水利工程', '钢结构工程'],
  accommodation_catering: ['餐饮管理', '酒店', '酒店管理', '宾馆'],
  transport: ['物流', '运输', '仓储', '供应链管理', '汽车运输'],
  it_services: ['信息技术', '网络科技', '软件', '数字科技'],
  agriculture: ['农业科技', '生态农业', '水产养殖', '农业发展', '种业'],
  leasing_business: ['企业管理咨询', '人力资源', '广告传媒', '设备租赁', '商务咨询'],
  real_estate: ['房地产开发', '物业管理', '置业'],
  science_tech: ['检测技术', '工程设计', '环保科技', '生物科技'],
  resident_services: ['家政服务', '汽车维修', '保洁服务'],
  utilities: ['新能源', '热力', '光伏发电'],
  culture: ['文化传媒', '体育文化', '文化旅游'],
};

/** Shop types for 92 individual businesses (个体工商户). */
const SHOP_TYPES: readonly [string, IndustryKey][] = [
  ['副食店', 'wholesale_retail'],
  ['便利店', 'wholesale_retail'],
  ['五金店', 'wholesale_retail'],
  ['农资经营部', 'wholesale_retail'],
  ['建材经营部', 'wholesale_retail'],
  ['服装店', 'wholesale_retail'],
  ['手机店', 'wholesale_retail'],
  ['餐馆', 'accommodation_catering'],
  ['小吃店', 'accommodation_catering'],
  ['早餐店', 'accommodation_catering'],
  ['汽车修理部', 'resident_services'],
  ['理发店', 'resident_services'],
  ['家电维修部', 'resident_services'],
  ['货运部', 'transport'],
  ['水产养殖场', 'agriculture'],
  ['印刷部', 'manufacturing'],
  ['网吧', 'culture'],
];

/** Products of 93 farmers' specialised cooperatives (农民专业合作社). */
const COOP_PRODUCTS = [
  '水稻种植',
  '蔬菜种植',
  '黄鳝养殖',
  '小龙虾养殖',
  '生猪养殖',
  '家禽养殖',
  '水产养殖',
  '莲藕种植',
  '棉花种植',
  '农机',
  '稻虾共作',
  '食用菌种植',
];

/** Surnames, most frequent first (rough Jianghan Plain frequencies). */
const SURNAMES = [...'刘胡陈李王张杨周彭黄吴徐万郭付余汪肖曾邓何程熊罗涂朱高田夏龚袁谢蔡杜姚严'];
const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚建国文辉斌波俊峰志海林兵鹏宇浩晨亮成龙华平'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟秀霞桂英红玲欣婷雪梅琴云慧兰萍燕华平'];

/** Realistic mainland mobile prefixes (all match 1[3-9]x). */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

const DIGITS = '0123456789';

// ---------------------------------------------------------------------------------------------
// Generators

/** GB 11714 organisation-code check char over 8 chars (digits, A=10 … Z=35). */
function orgCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55;
    sum += v * (weights[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function randomChars(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

/** A 9-char organisation code: new-style 'MA4…'/'MAC…' for recent registrations, numeric for older ones. */
function organisationCode(rng: Rng, older: boolean): string {
  let first8: string;
  if (older) {
    first8 = pick(rng, ['7', '6', '5', '0']) + randomChars(rng, DIGITS, 7);
  } else {
    const prefix = pickWeighted(rng, ['MA4', 'MA49', 'MAC', 'MAD'], (p) => (p === 'MA4' ? 5 : p === 'MA49' ? 3 : 2));
    first8 = prefix + randomChars(rng, USCC_ALPHABET, 8 - prefix.length);
  }
  return first8 + orgCodeCheckChar(first8);
}

export function personName(rng: Rng): string {
  // Front-weighted surname choice: common surnames come up more often.
  const i = Math.floor(rng() * rng() * SURNAMES.length);
  const surname = SURNAMES[i] as string;
  const chars = rng() < 0.6 ? GIVEN_MALE : GIVEN_FEMALE;
  const given = rng() < 0.3 ? pick(rng, chars) : pick(rng, chars) + pick(rng, chars);
  return surname + given;
}

function mobile(rng: Rng): string {
  return pick(rng, MOBILE_PREFIXES) + randomChars(rng, DIGITS, 8);
}

function tradeName(rng: Rng, length = 2): string {
  let s = '';
  while (s.length < length) {
    const c = pick(rng, TRADE_CHARS);
    if (!s.includes(c)) s += c;
  }
  return s;
}

const LARGE_INDUSTRY_WEIGHTS: Partial<Record<IndustryKey, number>> = {
  manufacturing: 55,
  construction: 12,
  wholesale_retail: 8,
  transport: 6,
  real_estate: 6,
  agriculture: 4,
  utilities: 4,
  accommodation_catering: 3,
  it_services: 2,
};
const SMALL_INDUSTRY_WEIGHTS: Partial<Record<IndustryKey, number>> = {
  wholesale_retail: 25,
  manufacturing: 18,
  construction: 10,
  leasing_business: 9,
  accommodation_catering: 8,
  transport: 7,
  resident_services: 6,
  agriculture: 5,
  it_services: 4,
  science_tech: 3,
  real_estate: 3,
  culture: 2,
};
const INDUSTRY_KEYS = INDUSTRIES.map((i) => i.key);

type Kind = '91' | '92' | '93';

interface Draft {
  kind: Kind;
  sizeClass: SizeClass;
  industry: IndustryKey;
  township: Township;
}

function draft(rng: Rng): Draft {
  const r = rng();
  const kind: Kind = r < 0.8 ? '91' : r < 0.95 ? '92' : '93';
  let sizeClass: SizeClass;
  if (kind === '92') sizeClass = 'micro';
  else if (kind === '93') sizeClass = rng() < 0.1 ? 'small' : 'micro';
  else {
    const s = rng();
    sizeClass = s < 0.015 ? 'large' : s < 0.095 ? 'medium' : s < 0.4 ? 'small' : 'micro';
  }
  const big = sizeClass === 'large' || sizeClass === 'medium';
  const township = pickWeighted(rng, TOWNSHIPS, (t) => (big ? t.industrialWeight : t.weight));
  const industry: IndustryKey =
    kind === '93'
      ? 'agriculture'
      : kind === '92'
        ? 'wholesale_retail' // refined by the shop type in enterpriseName
        : pickWeighted(rng, INDUSTRY_KEYS, (k) => (big ? LARGE_INDUSTRY_WEIGHTS : SMALL_INDUSTRY_WEIGHTS)[k] ?? 0);
  return { kind, sizeClass, industry, township };
}

function enterpriseName(rng: Rng, d: Draft, attempt: number): { name: string; industry: IndustryKey } {
  // After a few collisions, widen the name space with a three-character 字号.
  const brand = tradeName(rng, attempt < 8 ? 2 : 3);
  if (d.kind === '92') {
    const [shop, industry] = pick(rng, SHOP_TYPES);
    const owner = rng() < 0.5 ? `${pick(rng, SURNAMES)}记` : brand;
    return { name: `${DEMO_CITY_ZH}${d.township.zh}${owner}${shop}`, industry };
  }
  if (d.kind === '93') {
    return { name: `${DEMO_CITY_ZH}${brand}${pick(rng, COOP_PRODUCTS)}专业合作社`, industry: 'agriculture' };
  }
  const word = pick(rng, INDUSTRY_WORDS[d.industry]);
  const big = d.sizeClass === 'large' || d.sizeClass === 'medium';
  const form = big && rng() < 0.35 ? '股份有限公司' : rng() < 0.08 ? '有限责任公司' : '有限公司';
  return { name: `${DEMO_CITY_ZH}${brand}${word}${form}`, industry: d.industry };
}

/**
 * `count` demo market entities, deterministic in `seed`. USCCs are valid (GB 32100-2015 check char,
 * with a GB 11714 check char inside the organisation code), unique, division 429004; names are unique.
 */
export function generateDemoEnterprises(count = 2000, seed = 'pingyi-demo'): DemoEnterprise[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = makeRng(`enterprises:${seed}`);
  const usccs = new Set<string>();
  const names = new Set<string>();
  const out: DemoEnterprise[] = [];
  for (let n = 0; n < count; n++) {
    const d = draft(rng);
    let uscc: string;
    do {
      const older = d.kind === '91' && rng() < (d.sizeClass === 'large' ? 0.7 : d.sizeClass === 'medium' ? 0.4 : 0.1);
      uscc = makeUscc(DEMO_DIVISION_CODE + organisationCode(rng, older), d.kind);
    } while (usccs.has(uscc));
    usccs.add(uscc);
    let named = enterpriseName(rng, d, 0);
    for (let attempt = 1; names.has(named.name); attempt++) named = enterpriseName(rng, d, attempt);
    names.add(named.name);
    out.push({
      uscc,
      name: named.name,
      industry: named.industry,
      sizeClass: d.sizeClass,
      township: d.township.zh,
      contactName: personName(rng),
      contactPhone: mobile(rng),
      active: rng() < 0.97,
    });
  }
  return out;
}
