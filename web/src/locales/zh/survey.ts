const survey = {
  title: '营商环境测评',
  loading: '正在打开您的测评问卷，请稍候…',
  invalidLink: '链接不完整，请使用短信或通知中的完整链接重新打开。',
  language: 'English',
};
export default survey;
