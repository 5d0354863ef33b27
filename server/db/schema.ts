// The one place the database is described; drizzle-kit generates migrations/ from it.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, date, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const roleEnum = pgEnum('role', ['admin', 'leader', 'supervisor', 'dept_head']);
export const sizeClassEnum = pgEnum('size_class', ['large', 'medium', 'small', 'micro']);

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  category: text('category').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Head tenure history: escalations apply to the head in office at publication. */
export const departmentHeads = pgTable(
  'department_heads',
  {
    id: serial('id').primaryKey(),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    name: text('name').notNull(),
    title: text('title').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
  },
  (t) => [
    index('department_heads_department_idx').on(t.departmentId),
    // At most one head in office per department.
    uniqueIndex('department_heads_current_uq').on(t.departmentId).where(sql`${t.until} is null`),
  ],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: roleEnum('role').notNull(),
  departmentId: integer('department_id').references(() => departments.id),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    industry: text('industry').notNull(),
    sizeClass: sizeClassEnum('size_class').notNull(),
    township: text('township').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('enterprises_township_idx').on(t.township), index('enterprises_industry_idx').on(t.industry)],
);

/** Append-only; each row carries the hash of the previous one so tampering is detectable. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  summary: jsonb('summary').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** The chain's tip, updated with every append, so that deleting the newest rows is detected too. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: integer('last_id').notNull(),
  lastHash: text('last_hash').notNull(),
});
