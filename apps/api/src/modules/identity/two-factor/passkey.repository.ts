import { Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { authChallenges, webauthnCredentials, type Database } from '@csp/db';
import { InjectDb } from '../../../database/database.module';

/** A customer user's WebAuthn credentials (passkeys used as a second factor). */
@Injectable()
export class PasskeyRepository {
  constructor(@InjectDb() private readonly db: Database) {}

  listForUser(userId: string) {
    return this.db
      .select()
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, userId))
      .orderBy(asc(webauthnCredentials.createdAt));
  }

  async countForUser(userId: string) {
    const [row] = await this.db
      .select({ n: count() })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, userId));
    return row?.n ?? 0;
  }

  async findForUser(userId: string, credentialId: string) {
    const [row] = await this.db
      .select()
      .from(webauthnCredentials)
      .where(and(eq(webauthnCredentials.userId, userId), eq(webauthnCredentials.credentialId, credentialId)));
    return row ?? null;
  }

  /** Null when the credential id is already registered (to anyone). */
  async insert(values: typeof webauthnCredentials.$inferInsert) {
    const [row] = await this.db.insert(webauthnCredentials).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async findByIdForUser(userId: string, id: string) {
    const [row] = await this.db
      .select()
      .from(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, userId)));
    return row ?? null;
  }

  async deleteForUser(userId: string, id: string) {
    const [row] = await this.db
      .delete(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, id), eq(webauthnCredentials.userId, userId)))
      .returning();
    return row ?? null;
  }

  /**
   * Stores the authenticator's new signature counter; refused (false) when the counter did not
   * increase, unless the authenticator does not count at all (both zero).
   */
  async advanceCounter(id: string, counter: number) {
    const rows = await this.db
      .update(webauthnCredentials)
      .set({ counter, lastUsedAt: new Date() })
      .where(
        and(
          eq(webauthnCredentials.id, id),
          counter === 0 ? eq(webauthnCredentials.counter, 0) : lt(webauthnCredentials.counter, counter),
        ),
      )
      .returning({ id: webauthnCredentials.id });
    return rows.length === 1;
  }

  /**
   * Marks the user's live challenge of this kind (registration, or re-authentication before a
   * removal) carrying this WebAuthn challenge used; null if none.
   */
  async consumeRegistrationChallenge(
    userId: string,
    challenge: string,
    kind: 'webauthn_register' | 'webauthn_reauth' = 'webauthn_register',
  ) {
    const [row] = await this.db
      .update(authChallenges)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(authChallenges.kind, kind),
          eq(authChallenges.userId, userId),
          sql`${authChallenges.data}->>'challenge' = ${challenge}`,
          isNull(authChallenges.usedAt),
          gt(authChallenges.expiresAt, new Date()),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** The live login challenge (not counted as a try); null when unknown, expired or used. */
  async findLiveLoginChallenge(tokenHash: string, kind: string, maxAttempts: number) {
    const [row] = await this.db
      .select()
      .from(authChallenges)
      .where(
        and(
          eq(authChallenges.tokenHash, tokenHash),
          eq(authChallenges.kind, kind),
          isNull(authChallenges.usedAt),
          gt(authChallenges.expiresAt, new Date()),
          sql`${authChallenges.attempts} < ${maxAttempts}`,
        ),
      );
    return row ?? null;
  }

  async setLoginChallengeWebauthn(id: string, webauthnChallenge: string) {
    await this.db
      .update(authChallenges)
      .set({ data: sql`${authChallenges.data} || ${JSON.stringify({ webauthnChallenge })}::jsonb` })
      .where(eq(authChallenges.id, id));
  }
}
