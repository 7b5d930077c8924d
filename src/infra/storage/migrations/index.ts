import type { Migration, MigrationProvider } from 'kysely';
import * as core from './0001-core';
import * as uploads from './0002-uploads';
import * as botState from './0003-bot-state';
import * as rollout from './0004-rollout';
import * as identityDelivery from './0005-identity-delivery';
import * as provisioning from './0006-provisioning';
import * as memberSync from './0007-member-sync';
import * as teamUrl from './0008-team-url';
import * as membershipStates from './0009-membership-states';
import * as orgAdminSources from './0010-org-admin-sources';
import * as joinRequests from './0011-join-requests';
import * as personIdentifiers from './0012-person-identifiers';
import * as peoplePhoneRegion from './0013-people-phone-region';
import * as accountCreation from './0014-account-creation';
import * as groupMemberCounts from './0016-group-member-counts';
import * as announcements from './0017-announcements';
import * as groupPhotos from './0019-group-photos';
import * as uploadOutcomes from './0021-upload-outcomes';
import * as organisationLanguage from './0022-organisation-language';
import * as peopleLocale from './0023-people-locale';
import * as announcementImages from './0024-announcement-images';
import * as announcementChannelPosts from './0025-announcement-channel-posts';

/** Migrations ship inside the build (no file-system scan), named so they sort in order. */
const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-uploads': uploads,
  '0003-bot-state': botState,
  '0004-rollout': rollout,
  '0005-identity-delivery': identityDelivery,
  '0006-provisioning': provisioning,
  '0007-member-sync': memberSync,
  '0008-team-url': teamUrl,
  '0009-membership-states': membershipStates,
  '0010-org-admin-sources': orgAdminSources,
  '0011-join-requests': joinRequests,
  '0012-person-identifiers': personIdentifiers,
  '0013-people-phone-region': peoplePhoneRegion,
  '0014-account-creation': accountCreation,
  '0016-group-member-counts': groupMemberCounts,
  '0017-announcements': announcements,
  '0019-group-photos': groupPhotos,
  '0021-upload-outcomes': uploadOutcomes,
  '0022-organisation-language': organisationLanguage,
  '0023-people-locale': peopleLocale,
  '0024-announcement-images': announcementImages,
  '0025-announcement-channel-posts': announcementChannelPosts,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
