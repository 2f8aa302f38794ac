/**
 * Loads every feature's message catalog (each registers itself through defineMessages): the
 * app and the worker import this through modules.ts. A new feature's *.messages.ts goes here;
 * modules/messages.spec.ts fails when one is missing.
 */
import './grants/grants.messages';
import './identity/security.messages';
import './reconciler/reconciler.messages';
import './storage/access-keys/access-keys.messages';
import './storage/buckets/buckets.messages';
import './storage/backup/connection-test.messages';
import './storage/objects/objects.messages';
import './storage/quota/quota.messages';
import './team/team.messages';
