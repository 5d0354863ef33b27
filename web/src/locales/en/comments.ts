import type { Messages } from '../types.ts';
import type zh from '../zh/comments.ts';

const comments: Messages<typeof zh> = {
  sameCount: '{{n}} enterprises wrote the same',
  title: 'Comments: {{quarter}}',
  subtitle:
    'What enterprises wrote to each department and overall in the survey. Nothing about who wrote them is shown; sorted by text, not in the order they were submitted.',
  back: 'Back to {{quarter}}',
  open: 'Comments',
  notFinal: 'This round has not closed yet: more comments may still come in.',
  release: {
    released: 'Released to departments {{time}}',
    releasedHelp:
      'Each department head sees the comments addressed to their department on "My department"; overall comments are not released to departments.',
    notReleased: 'Not released to departments yet',
    notReleasedHelp: 'Until they are released, departments cannot see the comments addressed to them.',
    afterPublish: "Comments can be released to departments once the round's results are published.",
    adminOnly: "The office's administrators release comments to departments.",
    button: 'Release comments to departments',
    confirmTitle: 'Release the comments of {{quarter}} to departments?',
    confirmContent:
      'Each department head will then see, on "My department", the comments addressed to their own department — not those to other departments, and with no information about who wrote them. Overall comments are not released. This cannot be undone and is recorded in the audit log.',
    confirmOk: 'Release',
    done: 'The comments have been released to departments.',
  },
  stats: {
    departmentComments: 'Comments to departments',
    departmentsWith: 'Departments with comments',
    departmentsWithValue: '{{n}} / {{total}}',
    overall: 'Overall comments',
    countValue: '{{n}}',
  },
  departments: {
    title: 'Comments addressed to departments',
    search: 'Search departments or comments',
    department: 'Department',
    allDepartments: 'All departments',
    onlyWith: 'Only departments with comments',
    shown: 'Departments shown: {{n}}',
    none: 'No comments were addressed to this department this round.',
    noneAtAll: 'No comments were addressed to departments this round.',
    noMatch: 'No department or comment matches.',
    count: 'Comments: {{n}}',
  },
  overall: {
    title: 'Overall comments',
    note: 'Seen by the office, city leaders and supervisors only; never released to departments.',
    none: 'No enterprise wrote an overall comment this round.',
    noMatch: 'No overall comment matches the search.',
  },
  errors: {
    already_released: 'These comments have already been released. The page has been refreshed.',
    illegal_transition: "The round's results are not published yet, so its comments cannot be released. The page has been refreshed.",
  },
};
export default comments;
