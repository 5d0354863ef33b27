// The audit log in the inspector's words: every field and code value of an entry's summary as a label
// in the reader's language, departments and rounds by name, instants in the city's time. Pure: the
// dictionary (the audit locale) and the look-ups come in, so it is tested without React.
import { REASON_WORDS, type ReasonEntry } from '#shared/reasons.ts';
import { namedEntry } from '#shared/vocabulary/named.ts';
import { HIDDEN_UNTIL_CLOSE } from '#shared/audit-chain.ts';
import type zhAudit from '../../../locales/zh/audit.ts';
import type { SummaryWords } from './summary.ts';

export type AuditDictionary = typeof zhAudit;

export interface AuditLookups {
  departmentById: ReadonlyMap<number, string>;
  departmentByCode: ReadonlyMap<string, string>;
  /** People by login (from the log's own actors), so that a summary names the person, not the login. */
  personByLogin?: ReadonlyMap<string, string>;
  quarter(roundId: string): string;
  dateTime(iso: string): string;
  /** Interpolates {{id}} in the dictionary's few templates. */
  format(template: string, vars: Record<string, string | number>): string;
  /** A round's own reasons for 不满意 as it words them; undefined while the rounds are not loaded. */
  reasonsOf?(roundId: string): readonly ReasonEntry[] | undefined;
}

export interface EntryRef {
  action: string;
  entityType: string;
  entityId: string;
  summary: unknown;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const has = <T extends object>(map: T, key: unknown): key is keyof T => typeof key === 'string' && Object.hasOwn(map, key);

function statusMap(dict: AuditDictionary, entry: EntryRef): Record<string, string> {
  const v = dict.values;
  if (entry.entityType === 'round') return v.roundStatus;
  if (entry.entityType === 'escalation') return v.escalationStatus;
  if (entry.entityType === 'rectification') {
    const ledger = typeof entry.summary === 'object' && entry.summary !== null && 'entryId' in entry.summary;
    return ledger ? v.ledgerStatus : v.caseStatus;
  }
  return {};
}

/** The round an entry is about: a round's own entry, or the round its summary names. */
function entryRound(entry: EntryRef): string | undefined {
  if (entry.entityType === 'round') return entry.entityId;
  const s = entry.summary as { roundId?: unknown } | null;
  return typeof s === 'object' && s !== null && typeof s.roundId === 'string' ? s.roundId : undefined;
}

export function auditWords(dict: AuditDictionary, look: AuditLookups, entry: EntryRef): SummaryWords {
  const v = dict.values;
  // A reason for 不满意 in the words the entry recorded, else its round's, else the code's default words.
  const roundId = entryRound(entry);
  const reasonWords = (code: unknown, own?: { labelZh?: string; labelEn?: string } | null) => {
    if (own?.labelZh) return look.format(v.reasonItem, { zh: own.labelZh, en: own.labelEn ?? own.labelZh });
    if (typeof code !== 'string') return undefined;
    const mine = roundId ? look.reasonsOf?.(roundId)?.find((r) => r.code === code) : undefined;
    if (mine) return look.format(v.reasonItem, { zh: mine.labelZh, en: mine.labelEn });
    const word = namedEntry(REASON_WORDS, code);
    return word ? look.format(v.reasonItem, { zh: word.zh, en: word.en }) : undefined;
  };
  const department = (id: unknown) => (typeof id === 'number' ? (look.departmentById.get(id) ?? look.format(v.departmentNo, { id })) : id);
  return {
    field: (key) => {
      if (key === '') return v.allStrata;
      // In a department's entry, "name" is always a head's name (the department's own is nameZh).
      if (entry.entityType === 'department' && key === 'name') return dict.fields.headName;
      if (entry.entityType === 'appeal' && key === 'measures') return dict.fields.accountabilityMeasures;
      // A round's settings: its reasons are the list offered with 不满意.
      if (entry.entityType === 'round' && key === 'reasons') return dict.fields.dissatisfactionReasons;
      // A held or released measure is keyed by its level: { pledge: 'pending' }.
      return has(dict.fields, key) ? dict.fields[key] : has(v.level, key) ? v.level[key] : key;
    },
    value: (key, raw) => {
      if (raw === null || raw === undefined) return raw;
      if (raw === HIDDEN_UNTIL_CLOSE) return v.hidden;
      switch (key) {
        case 'departmentId':
        case 'departmentIds':
        case 'withdrawn':
        case 'added':
          return department(raw);
        case 'code':
        case 'flagged':
        case 'flaggedBefore':
        case 'flaggedAfter':
          return typeof raw === 'string' ? (look.departmentByCode.get(raw) ?? raw) : raw;
        case 'submittedBy':
          return typeof raw === 'string' ? (look.personByLogin?.get(raw) ?? raw) : raw;
        case 'roundId':
          return typeof raw === 'string' ? look.quarter(raw) : raw;
        case 'id':
          return entry.entityType === 'round' && typeof raw === 'string' ? look.quarter(raw) : raw;
        case 'role':
          return has(v.role, raw) ? v.role[raw] : raw;
        case 'seedSource':
          return has(v.seedSource, raw) ? v.seedSource[raw] : raw;
        case 'decision':
          return has(v.decision, raw) ? v.decision[raw] : raw;
        case 'channel':
          return has(v.followUpChannel, raw) ? v.followUpChannel[raw] : raw;
        case 'outcome':
          return has(v.followUpOutcome, raw) ? v.followUpOutcome[raw] : raw;
        case 'stratifyBy':
        case 'stratifiedBy':
          return has(v.stratify, raw) ? v.stratify[raw] : raw;
        case 'officialRanking':
          return has(v.officialRanking, raw) ? v.officialRanking[raw] : raw;
        case 'kind':
          return has(v.cause, raw) ? v.cause[raw] : raw;
        // A measure's own status change inside an escalation entry: { measure, before: 'pending', after: 'done' }.
        case 'before':
        case 'after':
          return has(v.escalationStatus, raw) ? v.escalationStatus[raw] : raw;
        case 'category':
          return has(v.requestCategory, raw) ? v.requestCategory[raw] : raw;
        case 'record':
        case 'pledge':
        case 'admonishment':
        case 'reassignment':
          return has(v.escalationStatus, raw) ? v.escalationStatus[raw] : raw;
        // A round's reasons for 不满意: their labels in the page's language.
        case 'reasons': {
          if (!Array.isArray(raw)) return raw;
          const words = raw.map((r: unknown) => {
            const own = typeof r === 'object' ? (r as { code?: unknown; labelZh?: string; labelEn?: string } | null) : null;
            return reasonWords(own ? own.code : r, own) ?? String(r);
          });
          return words.join(look.format(v.listSeparator, {}));
        }
        case 'scale':
          return Array.isArray(raw)
            ? raw.map((s: { labelZh?: string; labelEn?: string; score?: number }) =>
                look.format(v.scaleItem, { label: s.labelZh ?? '', labelEn: s.labelEn ?? '', score: s.score ?? '' }),
              )
            : raw;
        // An appeal's summary says what became of the measures as a whole: on hold, or resumed.
        case 'measures':
          if (has(v.appealMeasures, raw)) return v.appealMeasures[raw];
          return has(v.level, raw) ? v.level[raw] : has(v.ratingLevel, raw) ? v.ratingLevel[raw] : raw;
        case 'level':
        case 'measure':
          return has(v.level, raw) ? v.level[raw] : has(v.ratingLevel, raw) ? v.ratingLevel[raw] : raw;
        case 'reason': {
          if (has(v.reason, raw)) return v.reason[raw];
          // A plan measure's reason for 不满意 (shared/reasons.ts).
          return reasonWords(raw) ?? raw;
        }
        case 'status': {
          const m = statusMap(dict, entry);
          return has(m, raw) ? m[raw] : raw;
        }
        default:
          return typeof raw === 'string' && ISO_INSTANT.test(raw) ? look.dateTime(raw) : raw;
      }
    },
    yesNo: (b) => (b ? dict.yes : dict.no),
  };
}

/** The record an entry is about: its kind and, where there is one, its name. */
export function entityText(dict: AuditDictionary, look: AuditLookups, entry: EntryRef): string {
  const kind = has(dict.entityTypes, entry.entityType) ? dict.entityTypes[entry.entityType] : entry.entityType;
  const id = entry.entityId;
  switch (entry.entityType) {
    case 'department':
      return `${kind} ${look.departmentById.get(Number(id)) ?? look.format(dict.values.departmentNo, { id })}`;
    case 'round':
      return `${kind} ${look.quarter(id)}`;
    case 'escalation':
    case 'rectification':
    case 'appeal':
      return `${kind} ${look.format(dict.values.entryNo, { id })}`;
    // A request's id is internal (people know it by its code, which is not stored): its kind says enough.
    case 'system':
    case 'request':
      return kind;
    default:
      return `${kind} ${id}`;
  }
}

export function actionText(dict: AuditDictionary, action: string): string {
  const key = action.replaceAll('.', '_');
  return has(dict.actions, key) ? dict.actions[key] : action;
}

/** Who did it: a person by name (never a login), the system, or an anonymous enterprise. */
export function actorText(dict: AuditDictionary, actorName: string, displayName: string | null | undefined): string {
  if (actorName === 'system') return dict.system;
  if (actorName === 'enterprise') return dict.enterprise;
  return displayName ?? actorName;
}
