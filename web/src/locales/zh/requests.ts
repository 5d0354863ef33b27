// Strings of the office's requests pages (诉求): the head's queue, the admin's overview, the dashboard's table.
const requests = {
  title: '企业诉求',
  subtitleHead: '本部门收到的企业诉求：请在 1 个工作日内首次答复。企业匿名，除非留有联系方式。',
  subtitleAll: '各部门收到的企业诉求。超过首次答复时限仍未答复的诉求标为“超时”。',
  overdueAlert: '{{count}} 件诉求超过首次答复时限仍未答复',
  noneOverdue: '没有超时未答复的诉求',
  filters: { state: '状态', all: '全部', department: '部门', allDepartments: '全部部门' },
  states: { waiting: '待答复', replied: '已答复', answered: '企业已评价', overdue: '超时未答复' },
  columns: { raisedAt: '提出时间', department: '部门', category: '类别', text: '内容', state: '状态', dueAt: '答复时限', contact: '联系方式' },
  categories: { permit: '审批办证', inspection: '检查执法', fees: '收费罚款', policy: '政策兑现', service: '服务态度与效率', other: '其他' },
  overdue: '超时',
  lateReply: '答复超时',
  anonymous: '匿名',
  hiddenContact: '（仅部门负责人和管理员可见）',
  empty: '暂无诉求',
  thread: {
    text: '诉求内容',
    replies: '答复',
    noReplies: '尚未答复',
    by: '{{name}} · {{time}}',
    feedback: '企业评价：{{resolved}}，{{satisfied}}',
    resolvedYes: '问题已解决', resolvedNo: '问题未解决', satisfiedYes: '满意', satisfiedNo: '不满意',
    noFeedback: '企业尚未评价',
  },
  reply: { label: '答复企业', placeholder: '答复内容将原样显示给企业（纯文本）', submit: '发送答复', sent: '已答复', required: '请填写答复内容' },
  stats: {
    title: '企业诉求办理（按部门、季度）',
    quarter: '季度', department: '部门', requests: '诉求数', replied: '已答复', median: '首次答复用时（中位数）', resolved: '解决率', satisfied: '满意率',
    hours: '{{n}} 小时', none: '—', feedbacks: '（{{n}} 件有评价）', empty: '暂无诉求', overdueNow: '当前超时未答复：{{count}} 件',
  },
  mydept: { title: '企业诉求', waiting: '待答复 {{count}} 件', overdue: '其中超时 {{count}} 件', open: '处理诉求', none: '暂无待答复的诉求' },
};
export default requests;
