import type { Messages } from '../types.ts';
import type zh from '../zh/verify.ts';

const verify: Messages<typeof zh> = {
  button: 'Verify the draw',
  checkFile: 'Verify a file',
  running: 'Downloading the draw record and recomputing…',
  intro:
    'Your browser downloads the draw record and recomputes, with the published draw algorithm, the pool hash, every enterprise’s ticket, the quotas, the sample and the backups, and checks the replacements.',
  fileIntro: 'You can also check a draw record file (JSON) someone gave you, on this computer.',
  ok: 'Reproduces',
  okLine:
    'The draw record reproduces: pool of {{poolSize}}, hash {{poolHash}}; {{sampled}} sampled, {{backups}} backups, and {{replacements}} replacements all follow the rule.',
  differs: 'Differs',
  differsLine: 'The draw record differs from the recomputation in {{count}} places:',
  more: '{{count}} more differences not listed.',
  malformed: 'Not a valid draw record',
  malformedLine: 'The file cannot be read as a draw record (version 1):',
  failed: 'Could not download the draw record: {{message}}',
  notJson: 'The file is not valid JSON: {{message}}',
  nothing: 'nothing',
  list: { sample: 'Sample', backups: 'Backups' },
  entry: '{{uscc}} (stratum “{{stratum}}”, ticket {{ticket}})',
  entryOrder: '{{uscc}} (stratum “{{stratum}}”, backup {{order}}, ticket {{ticket}})',
  diff: {
    seedNotNormalised: 'Seed: the record has {{recorded}}, normalised it is {{normalised}}',
    seedEmpty: 'Seed: empty after normalisation',
    duplicateUscc: 'Pool: credit code {{uscc}} appears {{count}} times',
    stratumWithoutStratification: 'Pool entry {{position}}, {{uscc}}, has stratum “{{stratum}}” but the round is not stratified',
    frozenAfterDrawn: 'The pool was frozen at {{frozenAt}}, after the draw at {{drawnAt}}: it must be frozen first',
    poolHash: 'Pool hash: the record has {{recorded}}, recomputed {{recomputed}}',
    quota: 'Quota of stratum “{{stratum}}”: the record has {{recorded}}, recomputed {{recomputed}}',
    listLength: '{{list}}: the record has {{recorded}} entries, recomputed {{recomputed}}',
    listEntry: '{{list}}, position {{position}}: the record has {{recorded}}, recomputed {{recomputed}}',
    replacementOutNotInPool: 'Replacement {{position}} ({{out}} → {{in}}): {{out}} is not in the pool',
    replacementOutNotTakingPart:
      'Replacement {{position}} ({{out}} → {{in}}): {{out}} was not taking part then (not sampled, or already replaced)',
    replacementInNotBackup: 'Replacement {{position}} ({{out}} → {{in}}): {{in}} is not a backup of this draw',
    replacementInReused: 'Replacement {{position}} ({{out}} → {{in}}): {{in}} was already brought in earlier',
    replacementAgainstRule: 'Replacement {{position}} ({{out}} → {{in}}): the rule gives {{expected}}',
  },
};
export default verify;
