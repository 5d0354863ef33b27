const shell = {
  nav: {
    home: '首页',
    departments: '部门',
    enterprises: '市场主体',
    import: '名录导入',
    audit: '审计日志',
  },
  header: { logout: '退出登录', menu: '导航' },
  login: {
    title: '登录评议平台',
    subtitle: '市场主体评议部门 · 工作人员入口',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    wrongPassword: '用户名或密码错误，请重新输入。',
    rateLimited: '登录尝试次数过多，请一分钟后再试。',
    networkError: '无法连接服务器，请检查网络后重试。',
    failed: '登录失败，请稍后重试。',
    sessionExpired: '登录已失效，请重新登录。',
    enterpriseHint: '企业填写测评问卷，请使用短信或通知中的专属链接，无需登录。',
  },
  home: {
    welcome: '您好，{{name}}',
    roleLine: '当前身份：{{role}}',
    ownDepartment: '所在部门：{{name}}',
    whatYouCanDo: '您可以在这里：',
    comingLater: '测评轮次、抽签、结果排名、问责和整改等功能将在后续版本中陆续上线。',
    admin: {
      departments: '维护参与测评的部门名录，任免部门主要负责人（任职记录会保留）。',
      enterprises: '维护市场主体名录，这是每季度抽签的范围。',
      import: '从 Excel 或 CSV 文件批量导入、更新市场主体。',
      audit: '查看所有变更的审计日志，并核验日志链是否完整。',
    },
    leader: {
      departments: '查看参与测评的部门及其主要负责人和任职记录。',
    },
    supervisor: {
      departments: '查看参与测评的部门及负责人任职记录。',
      enterprises: '查看市场主体名录（抽签范围）。',
      audit: '查看审计日志，并核验日志链是否被篡改。',
      readOnly: '您的账号为只读，不能修改任何数据。',
    },
    dept_head: {
      departments: '查看部门名录及负责人任职记录。',
      own: '本部门的测评结果和整改工作将在后续版本中在此处提供。',
    },
    open: '打开',
  },
  noAccess: {
    title: '无权访问',
    description: '您的账号（{{role}}）不能使用此页面。如需开通，请联系营商办管理员。',
    back: '返回首页',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在，可能链接有误。',
    back: '返回首页',
  },
  crashed: {
    title: '页面出现问题',
    description: '请刷新页面重试；如持续出现，请联系技术支持。',
    reload: '刷新页面',
  },
};
export default shell;
