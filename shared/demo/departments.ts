/**
 * The 53 departments rated in the demo city's quarterly survey (市场主体评部门), modelled on a
 * county-level city (仙桃市, Hubei). Government units follow local ranking-list usage ("市公安局");
 * vertically managed units and state-owned companies use their usual short local names.
 * Heads are fictitious. Browser-safe.
 */

import type { DepartmentCategoryKey } from '../vocabulary/department-categories.ts';

export interface DemoDepartment {
  /** Short lower-case pinyin abbreviation, unique, /^[a-z]+$/. */
  code: string;
  nameZh: string;
  nameEn: string;
  category: DepartmentCategoryKey;
  head: { name: string; title: string };
}

type Row = [code: string, nameZh: string, nameEn: string, category: DepartmentCategoryKey, headName: string, headTitle: string];

const ROWS: readonly Row[] = [
  // 经济管理部门
  ['fgw', '市发展和改革委员会', 'Municipal Development and Reform Commission', 'economic', '胡振华', '主任'],
  ['jxj', '市经济和信息化局', 'Municipal Bureau of Economy and Information Technology', 'economic', '刘德胜', '局长'],
  ['kjj', '市科学技术局', 'Municipal Science and Technology Bureau', 'economic', '陈晓东', '局长'],
  ['shwj', '市商务局', 'Municipal Bureau of Commerce', 'economic', '杨文斌', '局长'],
  ['czj', '市财政局', 'Municipal Finance Bureau', 'economic', '周立新', '局长'],
  ['zrzyj', '市自然资源和规划局', 'Municipal Bureau of Natural Resources and Planning', 'economic', '彭国平', '局长'],
  ['zjj', '市住房和城乡建设局', 'Municipal Housing and Urban-Rural Development Bureau', 'economic', '吴俊峰', '局长'],
  ['jtysj', '市交通运输局', 'Municipal Transport Bureau', 'economic', '徐卫东', '局长'],
  ['slj', '市水利和湖泊局', 'Municipal Water Resources and Lakes Bureau', 'economic', '万长江', '局长'],
  ['nyncj', '市农业农村局', 'Municipal Agriculture and Rural Affairs Bureau', 'economic', '涂建平', '局长'],
  ['tjj', '市统计局', 'Municipal Statistics Bureau', 'economic', '孙丽萍', '局长'],
  [
    'gzw',
    '市国有资产监督管理委员会',
    'Municipal State-owned Assets Supervision and Administration Commission',
    'economic',
    '郭洪波',
    '主任',
  ],
  ['rmyh', '市人民银行', "People's Bank of China, Xiantao Branch", 'economic', '汪志成', '行长'],
  ['gxs', '市供销合作社联合社', 'Municipal Federation of Supply and Marketing Cooperatives', 'economic', '熊胜利', '理事会主任'],
  // 执法监管部门
  ['scjgj', '市市场监督管理局', 'Municipal Administration for Market Regulation', 'enforcement', '李明华', '局长'],
  ['cgj', '市城市管理执法局', 'Municipal Urban Management and Law Enforcement Bureau', 'enforcement', '王志强', '局长'],
  ['gaj', '市公安局', 'Municipal Public Security Bureau', 'enforcement', '张建国', '局长'],
  ['swj', '市税务局', 'Xiantao Municipal Taxation Bureau, State Taxation Administration', 'enforcement', '黄海涛', '局长'],
  ['sthjj', '市生态环境局', 'Municipal Ecology and Environment Bureau', 'enforcement', '罗志勇', '局长'],
  ['yjglj', '市应急管理局', 'Municipal Emergency Management Bureau', 'enforcement', '梁春生', '局长'],
  ['xfjydd', '市消防救援大队', 'Municipal Fire and Rescue Brigade', 'enforcement', '宋文杰', '大队长'],
  ['sjj', '市审计局', 'Municipal Audit Bureau', 'enforcement', '谢宏伟', '局长'],
  ['sfj', '市司法局', 'Municipal Justice Bureau', 'enforcement', '唐明亮', '局长'],
  ['fy', '市人民法院', "Municipal People's Court", 'enforcement', '冯建军', '院长'],
  ['jcy', '市人民检察院', "Municipal People's Procuratorate", 'enforcement', '于海波', '检察长'],
  ['ycj', '市烟草专卖局', 'Municipal Tobacco Monopoly Bureau', 'enforcement', '董立群', '局长'],
  ['rfb', '市人民防空办公室', 'Municipal Civil Air Defence Office', 'enforcement', '肖家林', '主任'],
  // 公共服务部门
  ['zwfwj', '市政务服务和大数据管理局', 'Municipal Government Services and Big Data Administration', 'service', '程学军', '局长'],
  ['xzspj', '市行政审批局', 'Municipal Administrative Approval Bureau', 'service', '曹敏', '局长'],
  ['bdcdj', '市不动产登记中心', 'Municipal Real Estate Registration Centre', 'service', '袁德明', '主任'],
  ['ggzyjy', '市公共资源交易中心', 'Municipal Public Resources Trading Centre', 'service', '邓小兵', '主任'],
  ['rsj', '市人力资源和社会保障局', 'Municipal Human Resources and Social Security Bureau', 'service', '许红军', '局长'],
  ['ybj', '市医疗保障局', 'Municipal Healthcare Security Bureau', 'service', '沈玉兰', '局长'],
  ['gjjzx', '市住房公积金中心', 'Municipal Housing Provident Fund Centre', 'service', '曾庆华', '主任'],
  ['qxj', '市气象局', 'Municipal Meteorological Bureau', 'service', '吕建新', '局长'],
  ['xfj', '市信访局', 'Municipal Bureau of Letters and Calls', 'service', '苏卫红', '局长'],
  // 社会事业部门
  ['jyj', '市教育局', 'Municipal Education Bureau', 'social', '卢静', '局长'],
  ['wjw', '市卫生健康委员会', 'Municipal Health Commission', 'social', '蒋志刚', '主任'],
  ['wlj', '市文化和旅游局', 'Municipal Culture and Tourism Bureau', 'social', '蔡华', '局长'],
  ['mzj', '市民政局', 'Municipal Civil Affairs Bureau', 'social', '贾国栋', '局长'],
  ['tyjrj', '市退役军人事务局', 'Municipal Veterans Affairs Bureau', 'social', '丁文华', '局长'],
  ['mzzjj', '市民族宗教事务局', 'Municipal Ethnic and Religious Affairs Bureau', 'social', '马骏', '局长'],
  // 公用事业与国有企业
  ['ctgs', '市城投公司', 'Municipal Urban Construction Investment Company', 'utility', '魏长青', '董事长'],
  ['gdgs', '市供电公司', 'State Grid Xiantao Power Supply Company', 'utility', '薛勇', '总经理'],
  ['swgs', '市水务公司', 'Municipal Water Group', 'utility', '叶青松', '总经理'],
  ['rqgs', '市燃气公司', 'Municipal Gas Company', 'utility', '严丽君', '总经理'],
  ['dxgs', '市电信公司', 'China Telecom Xiantao Branch', 'utility', '余海军', '总经理'],
  ['ydgs', '市移动公司', 'China Mobile Xiantao Branch', 'utility', '潘德明', '总经理'],
  ['ltgs', '市联通公司', 'China Unicom Xiantao Branch', 'utility', '杜春燕', '总经理'],
  ['yzgs', '市邮政分公司', 'China Post Xiantao Branch', 'utility', '戴金保', '总经理'],
  // 党群部门
  ['tzb', '市委统战部', 'United Front Work Department of the Municipal Party Committee', 'party', '夏新民', '部长'],
  ['zfw', '市委政法委员会', 'Political and Legal Affairs Commission of the Municipal Party Committee', 'party', '钟爱华', '书记'],
  ['gsl', '市工商业联合会', 'Municipal Federation of Industry and Commerce', 'party', '田家旺', '主席'],
];

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = ROWS.map(([code, nameZh, nameEn, category, name, title]) => ({
  code,
  nameZh,
  nameEn,
  category,
  head: { name, title },
}));
