// The integrity checks' thresholds, in one place: printed with every report (the admin and the
// supervisor see exactly what was tested) and documented in docs/integrity.md.
//
// Every check reports a pattern in the answers, never an enterprise: answers are anonymous. A raised
// signal is a reason to look, not a verdict; the robustness check says whether it matters.

export type IntegrityThresholds = {
  straightLining: {
    /** An answer is straight-lined when it gives every department the same level, not 不了解, and the round has at least this many departments. */
    minDepartments: number;
    /** Raised when at least this many answers are straight-lined … */
    minAnswers: number;
    /** … and they are at least this share of all answers (some enterprises are happy with everyone). */
    minShare: number;
  };
  identicalAnswers: {
    /** Answers with the same level for every department (votes aside), not straight-lined: a cluster from this size. */
    minClusterSize: number;
    /**
     * … and so many copies are unlikely by chance: with each department's answers independent at the round's
     * shares, P(≥ size copies) × the number of distinct answers is below this (a few departments make repeats likely).
     */
    maxChance: number;
  };
  notApplicable: {
    /** A department's 不了解 rate is compared with the median of the other departments' rates … */
    minGap: number;
    /** … raised when it is lower by at least minGap and P(so few | the peers' rate) × departments is below this. */
    maxChance: number;
  };
  topBox: {
    /** A department's share of 满意 among applicable ratings, against the median of the others' shares … */
    minGap: number;
    /** … raised when higher by at least minGap, P(so many | the peers' share) × departments below this, … */
    maxChance: number;
    /** … and it has at least this many applicable ratings. */
    minRatings: number;
  };
  votes: {
    /**
     * A "least satisfied" vote is unexplained when the same answer rated the department 满意, 比较满意 or
     * 不了解. Careless votes land anywhere (one department in D); raised for a department with at least
     * minVotes unexplained votes where P(so many | 1/D) × departments is below maxChance.
     */
    minVotes: number;
    maxChance: number;
  };
};

export const DEFAULT_INTEGRITY_THRESHOLDS: IntegrityThresholds = {
  straightLining: { minDepartments: 5, minAnswers: 3, minShare: 0.1 },
  identicalAnswers: { minClusterSize: 3, maxChance: 0.001 },
  notApplicable: { minGap: 0.2, maxChance: 0.001 },
  topBox: { minGap: 0.25, maxChance: 0.001, minRatings: 10 },
  votes: { minVotes: 5, maxChance: 0.001 },
};
