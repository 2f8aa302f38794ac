import { Injectable } from '@nestjs/common';
import { asc, eq } from 'drizzle-orm';
import { staffMembers, type Database } from '@csp/db';
import { InjectDb } from '../../../database/db.token';

export type StaffMemberRow = typeof staffMembers.$inferSelect;

@Injectable()
export class StaffMembersRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  list(): Promise<StaffMemberRow[]> {
    return this.db.select().from(staffMembers).orderBy(asc(staffMembers.fullName));
  }

  /** Null when the e-mail is already a staff member's. */
  async insert(values: typeof staffMembers.$inferInsert): Promise<StaffMemberRow | null> {
    const [row] = await this.db.insert(staffMembers).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async find(id: string): Promise<StaffMemberRow | null> {
    const [row] = await this.db.select().from(staffMembers).where(eq(staffMembers.id, id));
    return row ?? null;
  }

  async update(
    id: string,
    values: Partial<Pick<StaffMemberRow, 'role' | 'status'>>,
  ): Promise<StaffMemberRow | null> {
    const [row] = await this.db.update(staffMembers).set(values).where(eq(staffMembers.id, id)).returning();
    return row ?? null;
  }
}
