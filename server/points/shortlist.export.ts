// The promotion shortlist as a workbook for the 组织部 meeting: the list, the reserve, and how it was made.
import { RANK_LABELS } from '#shared/points/vocabulary.ts';
import type { Shortlist, StandingRow } from '#shared/schemas/points.ts';
import { workbookBuffer } from '../exports/workbook.ts';

// Chinese headers only: the workbook goes to the 组织部 meeting as it is (the page has the English switch).
const columns = (first: string) => [
  { header: first, key: 'position', width: 10 },
  { header: '干部编号', key: 'code', width: 14 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '单位', key: 'unitName', width: 28 },
  { header: '职务', key: 'post', width: 20 },
  { header: '基础分', key: 'base', width: 10 },
  { header: '奖励分', key: 'awards', width: 10 },
  { header: '扣分', key: 'deductions', width: 12 },
  { header: '总积分', key: 'total', width: 10 },
  { header: '同分', key: 'tied', width: 8 },
];
// The reserve is numbered 1, 2, … in its own order of call-up, as on the page.
const row = (r: StandingRow, i: number) => ({
  position: i + 1,
  code: r.code,
  name: r.name,
  unitName: r.unitName,
  post: r.post,
  base: r.base,
  awards: r.awards,
  deductions: r.deductions,
  total: r.total,
  tied: r.tiedOnTotal ? '是' : '',
});

/** The file's name: the rank in words, never its code (researcher_4). */
export function shortlistFileName(list: Pick<Shortlist, 'rank' | 'asOf'>): string {
  return `晋升推荐名单-${RANK_LABELS[list.rank].zh}-${list.asOf}.xlsx`;
}

export function shortlistWorkbook(list: Shortlist): Promise<Buffer> {
  const rank = RANK_LABELS[list.rank];
  return workbookBuffer([
    { name: '推荐名单', columns: columns('名次'), rows: list.shortlisted.map(row) },
    { name: '递补名单', columns: columns('递补顺序'), rows: list.reserve.map(row) },
    {
      name: '说明',
      columns: [
        { header: '项目', key: 'k', width: 24 },
        { header: '内容', key: 'v', width: 90 },
      ],
      rows: [
        { k: '职级', v: rank.zh },
        { k: '积分截止日期', v: list.asOf },
        { k: '推荐名额', v: list.places },
        { k: '符合条件人数', v: list.eligibleCount },
        { k: '积分规则版本', v: list.rulebookVersion ?? '' },
        { k: '排序规则', v: list.tieBreak.zh },
        { k: '末位同分', v: list.tieAtCut ? '是：末位名额由排序规则决定' : '否' },
        {
          k: '不符合条件',
          v: list.ineligible.map((r) => `${r.name}（${r.reason === 'under_sanction' ? '处分影响期内' : '不在职'}）`).join('、'),
        },
      ],
    },
  ]);
}
