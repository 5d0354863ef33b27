// One department's state in one quarter, worded the same on every page (views/departmentState.ts).
const state = {
  place: '{{quarter}}：第 {{rank}} 名，共 {{total}} 个部门',
  placeFlagged: '{{quarter}}：第 {{rank}} 名，共 {{total}} 个部门（倒数第 {{fromBottom}}）',
  notRanked: '{{quarter}}：有效评价不足，未排名',
  measure: {
    pending: '{{measure}} · 待安排',
    scheduled: '{{measure}} · 已安排 {{date}}',
    done: '{{measure}} · 已完成 {{date}}',
    on_hold: '{{measure}} · 申诉中暂缓',
    withdrawn: '{{measure}} · 撤销',
  },
  rectification: {
    open: '整改 · 整改中，期限 {{deadline}}',
    returned: '整改 · 已退回重报，期限 {{deadline}}',
    submitted: '整改 · 已提交待审核，期限 {{deadline}}',
    closed: '整改 · 已销号 {{date}}',
    overdue: '（已逾期）',
  },
  appeal: {
    pending: '申诉 · 复核中',
    upheld: '申诉 · 成立（结果已更正）',
    rejected: '申诉 · 驳回',
  },
  next: {
    title: '下一步',
    none: '本季度事项均已办结',
    appeal: '等待营商办作出申诉复核决定，问责措施暂缓',
    measurePending: '{{measure}}：待营商办安排日期',
    measureScheduled: '{{measure}}：{{date}} 办理',
    rectificationOpen: '报送整改情况：{{date}} 前',
    rectificationReturned: '重新报送整改情况：{{date}} 前',
    rectificationSubmitted: '整改报告待营商办审核（期限 {{date}}）',
    overdue: '，已逾期',
  },
  openElsewhere: '仍有未办结的问责或整改事项',
  openQuarters: '未办结事项（累计）',
  link: '查看整改',
  headline: {
    mean: '综合得分（参与排名部门平均）',
    dissatisfied: '不满意率',
    satisfaction: '满意率',
    satisfactionDefinition: '（评价为“基本满意”及以上的比例）',
  },
  summary: {
    cumulativeOpen: '累计未办结：{{n}} 个部门',
    thisQuarter: '本季度（{{quarter}}）',
    cumulative: '累计（所有已发布季度）',
  },
};
export default state;
