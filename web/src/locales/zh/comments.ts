// 意见建议：企业写给各部门的意见和总体意见（营商办、市领导、纪检监督阅读；营商办向部门发布）。
const comments = {
  sameCount: '{{n}} 家企业写了相同的意见',
  title: '意见建议：{{quarter}}',
  subtitle: '企业在问卷中写给各部门的意见建议和总体意见。不显示任何企业信息，按文字排序，不反映提交顺序。',
  back: '返回 {{quarter}}',
  open: '意见建议',
  notFinal: '本轮测评尚未截止，意见建议还可能增加。',
  release: {
    released: '已向各部门发布 {{time}}',
    releasedHelp: '各部门负责人可在“本部门”页面查看企业写给本部门的意见建议；总体意见不向部门发布。',
    notReleased: '尚未向部门发布',
    notReleasedHelp: '发布前，各部门看不到企业写给本部门的意见建议。',
    afterPublish: '本轮结果发布后，营商办才能向部门发布意见建议。',
    adminOnly: '向部门发布意见建议由营商办管理员进行。',
    button: '向部门发布意见建议',
    confirmTitle: '向各部门发布 {{quarter}} 的意见建议？',
    confirmContent:
      '发布后，每个部门的负责人将在“本部门”页面看到企业写给本部门的意见建议，看不到写给其他部门的意见，也没有任何关于是哪家企业所写的信息。总体意见不向部门发布。发布后不能撤回，并记入审计日志。',
    confirmOk: '确认发布',
    done: '意见建议已向各部门发布。',
  },
  stats: {
    departmentComments: '写给部门的意见',
    departmentsWith: '收到意见的部门',
    departmentsWithValue: '{{n}} / {{total}}',
    overall: '总体意见',
    countValue: '{{n}} 条',
  },
  departments: {
    title: '写给各部门的意见建议',
    search: '搜索部门或意见内容',
    department: '部门',
    allDepartments: '全部部门',
    onlyWith: '只看有意见的部门',
    shown: '显示 {{n}} 个部门',
    none: '本轮没有企业写给该部门的意见建议。',
    noneAtAll: '本轮没有企业写给部门的意见建议。',
    noMatch: '没有符合条件的部门或意见。',
    count: '{{n}} 条意见',
  },
  overall: {
    title: '总体意见建议',
    note: '仅营商办、市领导和纪检监督可见，不向部门发布。',
    none: '本轮没有企业填写总体意见。',
    noMatch: '没有符合搜索条件的总体意见。',
  },
  errors: {
    already_released: '本轮意见建议已经发布过了。页面已刷新。',
    illegal_transition: '本轮结果尚未发布，暂不能向部门发布意见建议。页面已刷新，请查看最新状态。',
  },
};
export default comments;
