// The admin side of invitations: the list with links, replacement by the draw's backups, regeneration, export.
import { chooseReplacement, type Backup } from '#shared/draw/draw.ts';
import type { Invitation } from '#shared/schemas/rounds.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { backupEntries, replacementsIn } from '../draw/draw.queries.ts';
import { Conflict, NotFound } from '../errors.ts';
import { lockRoundFor } from '../rounds/rounds.service.ts';
import { workbookBuffer } from '../exports/workbook.ts';
import * as q from './invitations.queries.ts';
import { hashToken, type LinkMaker } from './tokens.ts';

/** `links` signs each enterprise's link (made once per app from the JWT secret and the public URL). */
interface Links {
  links: LinkMaker;
}

export async function listInvitations({ tx }: ServiceContext, { roundId, links }: { roundId: string } & Links): Promise<Invitation[]> {
  const [rows, repl] = await Promise.all([q.invitationsWithEnterprises(tx, roundId), q.replacementsOf(tx, roundId)]);
  const replacedBy = new Map(repl.map((r) => [r.outUscc, r.inUscc]));
  const replaces = new Map(repl.map((r) => [r.inUscc, r.outUscc]));
  return rows.map(({ inv, e }) => ({
    uscc: inv.uscc,
    name: e.name,
    stratum: inv.stratum,
    township: e.township,
    industry: e.industry,
    // The reported state, never the true one: it moves only in batches (./reported.ts).
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    status: inv.reportedStatus,
    openedAt: inv.reportedOpenedOn ?? null,
    submittedAt: inv.reportedSubmittedOn ?? null,
    link: inv.reportedStatus === 'replaced' ? null : links.link(links.token(roundId, inv.uscc, inv.generation)),
    generation: inv.generation,
    replacedBy: replacedBy.get(inv.uscc) ?? null,
    replaces: replaces.get(inv.uscc) ?? null,
  }));
}

/**
 * Refuses by the reported state only, so the answer never tells a submission the lists do not show yet.
 * A link submitted since the last batch can therefore still be regenerated (harmless: the new link opens on
 * "already submitted") or replaced (its answer stays counted and the backup is invited too; README, Limits).
 */
export async function lockInvitation(tx: Tx, roundId: string, uscc: string) {
  const inv = await q.lockedInvitation(tx, roundId, uscc);
  if (!inv) throw new NotFound(`${uscc} is not invited in round ${roundId}`);
  if (inv.reportedStatus === 'replaced') throw new Conflict(`${uscc} has already been replaced`, undefined, 'already_replaced');
  if (inv.reportedStatus === 'submitted') throw new Conflict(`${uscc} has already submitted its response`, undefined, 'already_submitted');
  return inv;
}

/** Marks an invited enterprise as unable to take part; the draw's replacement rule picks who comes in. */
export async function replaceInvitation(
  ctx: ServiceContext,
  { roundId, uscc, reason, links }: { roundId: string; uscc: string; reason: string } & Links,
) {
  const { tx: db, actor, now } = ctx;
  const inUscc = await db.transaction(async (tx) => {
    await lockRoundFor(tx, roundId, 'replace', now);
    const out = await lockInvitation(tx, roundId, uscc);
    const backupRows = await backupEntries(tx, roundId);
    const used = await replacementsIn(tx, roundId);
    const backups: Backup[] = backupRows.map((b) => ({ uscc: b.uscc, stratum: b.stratum, ticket: b.ticket, order: b.backupOrder! }));
    const chosen = chooseReplacement({ out: uscc, stratum: out.stratum, backups, used: new Set(used.map((u) => u.uscc)) });
    if (!chosen) throw new Conflict('No backup is left in the draw to replace this enterprise', undefined, 'no_backup_left');
    const poolRow = await q.poolEntry(tx, roundId, chosen.uscc);
    await q.insertReplacement(tx, { roundId, outUscc: uscc, inUscc: chosen.uscc, reason, at: now });
    // The admin's own act: reported at once.
    await q.markReplaced(tx, out.id, now);
    await q.insertInvitation(tx, {
      roundId,
      enterpriseId: poolRow!.enterpriseId,
      uscc: chosen.uscc,
      stratum: chosen.stratum,
      tokenHash: hashToken(links.token(roundId, chosen.uscc, 1)),
      generation: 1,
      createdAt: now,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'invitation.replace',
        entityType: 'round',
        entityId: roundId,
        summary: { out: uscc, in: chosen.uscc, stratum: chosen.stratum, backupOrder: chosen.order, reason },
      },
      now,
    );
    return chosen.uscc;
  });
  const list = await listInvitations(ctx, { roundId, links });
  return { out: uscc, in: inUscc, reason, invitation: list.find((i) => i.uscc === inUscc)! };
}

/** A new link for one enterprise; the old one stops working (and says "revoked" when opened). */
export async function regenerateInvitation(ctx: ServiceContext, { roundId, uscc, links }: { roundId: string; uscc: string } & Links) {
  const { tx: db, actor, now } = ctx;
  await db.transaction(async (tx) => {
    await lockRoundFor(tx, roundId, 'regenerate', now);
    const inv = await lockInvitation(tx, roundId, uscc);
    const generation = inv.generation + 1;
    await q.revokeToken(tx, { tokenHash: inv.tokenHash, roundId, revokedAt: now });
    await q.setInvitationToken(tx, inv.id, generation, hashToken(links.token(roundId, uscc, generation)));
    await appendAudit(
      tx,
      actor,
      { action: 'invitation.regenerate', entityType: 'round', entityId: roundId, summary: { uscc, generation } },
      now,
    );
  });
  return (await listInvitations(ctx, { roundId, links })).find((i) => i.uscc === uscc)!;
}

const STATUS_ZH: Record<Invitation['status'], string> = {
  not_opened: '未打开',
  opened: '已打开',
  drafted: '填写中',
  submitted: '已提交',
  replaced: '已替换',
};

export async function invitationsWorkbook(ctx: ServiceContext, { roundId, links }: { roundId: string } & Links) {
  const list = (await listInvitations(ctx, { roundId, links })).filter((i) => i.status !== 'replaced');
  // Township and industry for whoever phones or visits; 分层 only when the round drew by stratum.
  const stratified = list.some((i) => i.stratum !== '');
  return workbookBuffer([
    {
      name: `${roundId} 问卷链接`,
      columns: [
        { header: '企业名称', key: 'name', width: 36 },
        { header: '统一社会信用代码', key: 'uscc', width: 22 },
        { header: '镇街', key: 'township', width: 14 },
        { header: '行业', key: 'industry', width: 18 },
        ...(stratified ? [{ header: '分层', key: 'stratum' }] : []),
        { header: '联系人', key: 'contactName' },
        { header: '联系电话', key: 'contactPhone' },
        { header: '问卷链接', key: 'link', width: 60 },
        { header: '状态', key: 'status' },
      ],
      rows: list.map((i) => ({ ...i, status: STATUS_ZH[i.status] })),
    },
  ]);
}
