import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { users } from '../db/schema.ts';

export const findUserByUsername = async (tx: Tx, username: string) =>
  (await tx.select().from(users).where(eq(users.username, username)))[0];

export const findUserById = async (tx: Tx, id: number) => (await tx.select().from(users).where(eq(users.id, id)))[0];

export type NewUser = typeof users.$inferInsert;
export const insertUser = async (tx: Tx, user: NewUser) => (await tx.insert(users).values(user).returning())[0]!;
