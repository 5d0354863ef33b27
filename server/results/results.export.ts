import type { Results } from '#shared/schemas/results.ts';
import { workbookBuffer } from '../exports/workbook.ts';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const r1 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

const VARIANT_ZH = { without_flagged: '剔除可疑答卷后', without_straight_lined: '剔除整齐划一答卷后' } as const;

/** Whether the bottom N would change without the answers the integrity check flagged: stated beside the ranking. */
function robustnessRows(res: Results) {
  if (!res.robustness) return [];
  const name = (id: number) => res.departments.find((d) => d.departmentId === id)?.name ?? String(id);
  return res.robustness.variants
    .map((v) => ({
      k: `${VARIANT_ZH[v.variant]}倒数${res.rules.bottomN}位`,
      v: !v.answersRemoved
        ? '无需剔除（0 份）'
        : v.changes
          ? `改变（剔除 ${v.answersRemoved} 份）：移出 ${v.leaving.map(name).join('、') || '无'}，进入 ${v.entering.map(name).join('、') || '无'}`
          : `不变（剔除 ${v.answersRemoved} 份）`,
    }))
    .concat(weightedRows(res, name));
}

/** The same question with the answers weighted to the registry (server/results/weighted.ts). */
function weightedRows(res: Results, name: (id: number) => string) {
  const w = res.robustness?.weighted;
  if (!w) return [];
  const how = `有效样本量 ${r1(w.effectiveN)}，答卷 ${w.respondents} 份`;
  const u = res.robustness?.unweighted;
  // The round's rules made the weighted ranking official: the unweighted one is the line instead.
  if (res.rules.officialRanking === 'weighted' && u) {
    return [
      { k: '正式排名', v: `按名录结构加权（${how}）` },
      {
        k: `不加权时倒数${res.rules.bottomN}位`,
        v: u.changed ? `改变：移出 ${u.leaving.map(name).join('、') || '无'}，进入 ${u.entering.map(name).join('、') || '无'}` : '不变',
      },
    ];
  }
  return [
    { k: '正式排名', v: '不加权（加权结果仅作稳健性检验）' },
    {
      k: `按名录结构加权后倒数${res.rules.bottomN}位`,
      v: w.changed
        ? `改变（${how}）：移出 ${w.leaving.map(name).join('、') || '无'}，进入 ${w.entering.map(name).join('、') || '无'}`
        : `不变（${how}）`,
    },
  ];
}

/** Two sheets: the ranking as announced, and the statistics a flagged department will ask for. */
export function resultsWorkbook(res: Results) {
  const rows = res.departments;
  return workbookBuffer([
    {
      name: '排名 Ranking',
      columns: [
        { header: '名次', key: 'rank', width: 8 },
        { header: '部门', key: 'name', width: 30 },
        { header: '编码', key: 'code', width: 10 },
        { header: '平均分', key: 'mean', width: 10 },
        { header: '有效评价数', key: 'n', width: 12 },
        { header: '满意率(%)', key: 'sat', width: 12 },
        { header: '最不满意票', key: 'votes', width: 12 },
        { header: '倒数标记', key: 'flagged', width: 10 },
        { header: '状态', key: 'status', width: 14 },
      ],
      rows: rows.map((d) => ({
        rank: d.rank,
        name: d.name,
        code: d.code,
        mean: r1(d.mean),
        n: d.n,
        sat: pct(d.satisfactionRate),
        votes: d.leastSatisfiedVotes,
        flagged: d.flagged ? '是' : '',
        status: d.status === 'ranked' ? '参与排名' : '评价数不足',
      })),
    },
    {
      name: '统计 Statistics',
      columns: [
        { header: '部门', key: 'name', width: 30 },
        { header: '平均分', key: 'mean' },
        { header: '标准差', key: 'sd' },
        { header: '95%置信区间下限', key: 'lo' },
        { header: '95%置信区间上限', key: 'hi' },
        { header: '不满意率(%)', key: 'dis' },
        { header: '不了解', key: 'na' },
        { header: '进入倒数概率(%)', key: 'p' },
        { header: '名次区间', key: 'ri' },
      ],
      rows: rows.map((d) => ({
        name: d.name,
        mean: r1(d.mean),
        sd: r1(d.sd),
        lo: r1(d.ci95?.[0]),
        hi: r1(d.ci95?.[1]),
        dis: pct(d.dissatisfiedRate),
        na: d.notApplicable,
        p: pct(d.pBottom),
        ri: d.rankInterval ? `${d.rankInterval[0]}–${d.rankInterval[1]}` : null,
      })),
    },
    {
      name: '规则 Rules',
      columns: [
        { header: '规则', key: 'k', width: 20 },
        { header: '内容', key: 'v', width: 100 },
      ],
      rows: [
        { k: '轮次', v: res.round.id },
        { k: '版本', v: res.round.version },
        { k: '有效问卷', v: res.round.responses },
        { k: '最少有效评价数', v: res.rules.minRatings },
        { k: '倒数标记数', v: res.rules.bottomN },
        { k: '分值', v: res.rules.scale.map((s) => `${s.labelZh} ${s.score}`).join('，') + '，不了解不计分' },
        { k: '排名规则', v: res.rules.rankingRule.zh },
        ...(res.round.correctionReason ? [{ k: '更正原因', v: res.round.correctionReason }] : []),
        ...robustnessRows(res),
      ],
    },
  ]);
}
