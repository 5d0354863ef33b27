import type { Messages } from '../types.ts';
import type zh from '../zh/state.ts';

const state: Messages<typeof zh> = {
  place: '{{quarter}}: ranked {{rank}} of {{total}}',
  placeFlagged: '{{quarter}}: ranked {{rank}} of {{total}} ({{fromBottom}} from the bottom)',
  notRanked: '{{quarter}}: too few ratings to be ranked',
  measure: {
    pending: '{{measure}} · to be scheduled',
    scheduled: '{{measure}} · scheduled {{date}}',
    done: '{{measure}} · done {{date}}',
    on_hold: '{{measure}} · on hold during the appeal',
    withdrawn: '{{measure}} · withdrawn',
  },
  rectification: {
    open: 'Rectification · in progress, due {{deadline}}',
    returned: 'Rectification · returned for a new report, due {{deadline}}',
    submitted: 'Rectification · submitted for review, due {{deadline}}',
    closed: 'Rectification · closed {{date}}',
    overdue: ' (overdue)',
  },
  appeal: {
    pending: 'Appeal · under review',
    upheld: 'Appeal · upheld (results corrected)',
    rejected: 'Appeal · rejected',
  },
  next: {
    title: 'Next',
    none: 'Everything for this quarter is settled',
    appeal: "Awaiting the office's decision on the appeal; the measures are on hold",
    measurePending: '{{measure}}: the office is to set a date',
    measureScheduled: '{{measure}}: on {{date}}',
    rectificationOpen: 'Report on the rectification by {{date}}',
    rectificationReturned: 'Report on the rectification again by {{date}}',
    rectificationSubmitted: "Rectification report awaiting the office's review (due {{date}})",
    overdue: ', overdue',
  },
  openElsewhere: 'Escalation or rectification matters are still open',
  openQuarters: 'Open matters (all quarters)',
  link: 'Open the rectification',
  headline: {
    mean: 'Mean score (ranked departments)',
    dissatisfied: 'Dissatisfied',
    satisfaction: 'Satisfaction',
    satisfactionDefinition: ' (share rated basically satisfied or better)',
  },
  summary: {
    cumulativeOpen: 'Still open, all quarters: {{n}} dept.',
    thisQuarter: 'This quarter ({{quarter}})',
    cumulative: 'Cumulative (all published quarters)',
  },
};
export default state;
