import type { Messages } from '../types.ts';
import type zh from '../zh/public.ts';

const pub: Messages<typeof zh> = {
  brand: 'Pingyi · Enterprises rate departments',
  issuer: 'Published by {{office}}',
  helpLine: 'Help line: ',
  title: 'Public results',
  listTitle: 'Enterprises rate the city’s departments: published results',
  listIntro:
    'Each quarter, enterprises drawn by lot rate every city department. Once published, the results appear here: scores with their intervals, the measures and rectification of the bottom three, the method and the draw record.',
  empty: 'No results have been published yet.',
  bottomThree: 'Bottom three',
  open: 'Read',
  published: 'Published {{date}}',
  roundTitle: 'Enterprises rate departments: {{quarter}}',
  back: 'All results',
  signIn: 'Staff sign-in',
  notFound: 'No published results for this round.',
  correction: 'Corrected version {{version}}: {{reason}}',
  summary: {
    dissatisfied: 'Dissatisfied',
    satisfactionDefinition: ' (share rated basically satisfied or better)',
    title: 'Overview',
    responses: 'Responses',
    responsesValue: '{{responses}} (of {{sample}} drawn)',
    departments: 'Departments',
    departmentsValue: '{{departments}} ({{ranked}} ranked)',
    mean: 'Mean score',
    satisfaction: 'Overall satisfaction',
    best: 'First place',
  },
  flagged: {
    dissatisfied: 'Dissatisfied',
    title: 'The bottom three, measures and rectification',
    place: 'Rank {{rank}} ({{fromBottom}} from the bottom)',
    score: 'Score',
    interval: '95% interval',
    pBottom: 'Chance of being in the bottom three',
    votes: '“Least satisfied” votes',
    streak: 'In the bottom three {{streak}} times in a row',
    measures: 'Measures',
    measuresStatus: 'Carried out',
    rectification: 'Rectification',
    rectificationLine: '{{status}}, due {{deadline}}, {{ledger}} visits in the ledger',
    noRectification: '—',
    none: 'none',
    reasons: 'Reasons for dissatisfaction (firms choosing each)',
  },
  timeline: {
    commitment: 'Commitment',
    due: 'by {{date}}',
    events: {
      started: 'Rectification opened',
      progress: 'Progress report',
      report_filed: 'Rectification report submitted',
      returned: 'Report returned',
      closed: 'Closed',
    },
    callbacks:
      'Call-backs: {{entries}} ledger entries, {{calledBack}} called back, {{reached}} reached, {{solved}} solved, {{satisfied}} satisfied (no firm is named)',
  },
  watch: {
    tag: 'Watch (statistical guard)',
    reasons: { p_bottom_below: 'chance of being in the bottom below the threshold', inside_funnel_95: 'score inside the 95% limits' },
    review: { confirm: 'watch confirmed by the supervisor', override: 'watch overridden by the supervisor: measures apply' },
    pending: 'awaiting the supervisor',
  },
  ranking: {
    dissatisfied: 'Dissatisfied',
    title: 'All departments',
    bottomOnly: 'As the city decided, only the bottom three and the overview are published.',
    rank: 'Rank',
    department: 'Department',
    score: 'Score',
    interval: '95% interval',
    n: 'Ratings',
    satisfaction: 'Satisfaction',
    votes: 'Least-satisfied votes',
    pBottom: 'P(bottom 3)',
    notRanked: 'Too few ratings to rank',
  },
  method: {
    title: 'Method',
    scale: 'Scores: {{scale}}; “don’t know” is not counted.',
    minRatings: 'Departments with fewer than {{min}} ratings are not ranked.',
    ranking: 'Ranking rule: {{rule}}',
    official: {
      unweighted:
        'The official ranking is computed from the answers as they are (unweighted); the ranking weighted to the registry is a robustness check.',
      weighted:
        'By this round’s rules the official ranking is weighted to the registry (each kind of firm counts by its share of the registry); the unweighted ranking is a robustness check.',
    },
    reasons:
      'A firm rating a department “dissatisfied” may name up to three reasons; a reason chosen by fewer than 3 firms is shown as “<3”, so that no firm can be inferred.',
    interval:
      'The range after a score is its 95% interval; the chance of being in the bottom three comes from {{simulations}} simulations and says how sure the ranking is.',
    escalation:
      'Escalation rule ({{policy}}): the first time in the bottom three, the head speaks at the business-environment meeting and is reminded in a talk; twice in a row, an admonishment talk; three times or more, reassignment is recommended.',
  },
  draw: {
    title: 'Draw record and verification',
    intro:
      'The enterprises were drawn by lot: the pool was frozen and its hash published before the seed existed, then a published algorithm chose the sample and backups. Anyone can download the record and check it.',
    poolSize: 'Enterprises in the pool',
    poolHash: 'Pool hash',
    seed: 'Seed',
    seedSource: 'Seed source',
    seedSources: { ceremony: 'Public ceremony', server: 'Server random source' },
    drawnAt: 'Drawn at',
    download: 'Download the draw record (JSON)',
  },
  auditHead: {
    title: 'Audit log chain head',
    intro:
      'When this round was published, the newest entry of the audit log (every action recorded, chained by hashes) was the one below. Anyone may keep it: every later verification of the audit log requires the chain to still contain this entry with this hash, so a log emptied, cut short or rewritten is found out.',
    entry: 'Entry no.',
    at: 'Recorded at',
    hash: 'Hash',
  },
};
export default pub;
