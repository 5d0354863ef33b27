// The promotion shortlist as a workbook for the 组织部 meeting: the list, the reserve, and how it was made.
import { RANK_LABELS } from '../../shared/points/vocabulary.ts';
import type { Shortlist, StandingRow } from '../../shared/schemas/points.ts';
import { workbookBuffer } from '../exports/workbook.ts';

const COLUMNS = [
  { header: '名次 Position', key: 'position', width: 10 },
  { header: '干部编号 Staff no.', key: 'code', width: 14 },
  { header: '姓名 Name', key: 'name', width: 12 },
  { header: '单位 Unit', key: 'unitName', width: 28 },
  { header: '职务 Post', key: 'post', width: 20 },
  { header: '基础分 Base', key: 'base', width: 10 },
  { header: '奖励分 Awards', key: 'awards', width: 10 },
  { header: '扣分 Deductions', key: 'deductions', width: 12 },
  { header: '总积分 Total', key: 'total', width: 10 },
  { header: '同分 Tied', key: 'tied', width: 8 },
];
const row = (r: StandingRow, i: number) => ({
  position: i + 1, code: r.code, name: r.name, unitName: r.unitName, post: r.post, base: r.base, awards: r.awards, deductions: r.deductions, total: r.total, tied: r.tiedOnTotal ? '是' : '',
});

export function shortlistWorkbook(list: Shortlist): Promise<Buffer> {
  const rank = RANK_LABELS[list.rank];
  return workbookBuffer([
    { name: '推荐名单', columns: COLUMNS, rows: list.shortlisted.map(row) },
    { name: '递补名单', columns: COLUMNS, rows: list.reserve.map((r, i) => row(r, list.places + i)) },
    {
      name: '说明',
      columns: [{ header: '项目 Item', key: 'k', width: 24 }, { header: '内容 Value', key: 'v', width: 90 }],
      rows: [
        { k: '职级 Rank', v: `${rank.zh} ${rank.en}` },
        { k: '积分截止日期 As of', v: list.asOf },
        { k: '推荐名额 Places', v: list.places },
        { k: '符合条件人数 Eligible', v: list.eligibleCount },
        { k: '积分规则版本 Rulebook', v: list.rulebookVersion ?? '' },
        { k: '排序规则 Tie-break', v: `${list.tieBreak.zh} / ${list.tieBreak.en}` },
        { k: '末位同分 Tie at the cut', v: list.tieAtCut ? '是：末位名额由排序规则决定 · yes, decided by the tie-break' : '否 · no' },
        { k: '不符合条件 Ineligible', v: list.ineligible.map((r) => `${r.name}（${r.reason === 'under_sanction' ? '处分影响期内' : '不在职'}）`).join('、') },
      ],
    },
  ]);
}
