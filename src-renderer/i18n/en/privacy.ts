import type { Translation } from '../translation';
import type { privacyId } from '../id/privacy';

export const privacyEn: Translation<typeof privacyId> = {
  'settingsTab.backup': 'Backup & privacy',
  'backup.title': 'Data backup',
  'backup.intro':
    'A copy of the database and attachments, made every day after service hours and on demand. Keep it on another disk (USB or a network folder), not only on this PC.',
  'backup.last': 'Last backup',
  'backup.none': 'Never backed up',
  'backup.ok': 'Succeeded',
  'backup.failed': 'Failed',
  'backup.next': 'Next scheduled',
  'backup.nextNone': 'Not scheduled: choose a backup folder',
  'backup.running': 'Backing up…',
  'backup.runNow': 'Back up now',
  'backup.folder': 'Backup folder',
  'backup.folderHint': 'A full path, e.g. E:\\PST Backups or \\\\server\\share\\PST. The folder must exist.',
  'backup.folderMissing': 'The backup folder cannot be reached now (USB disk unplugged or network down?).',
  'backup.noFolder': 'No backup folder yet: the console data is not backed up on a schedule.',
  'backup.time': 'Daily backup time (WITA)',
  'backup.keep': 'Backups to keep',
  'backup.list': '{n} backups in the folder',
  'backup.secretsNote': 'The Telegram bot token and email password are not backed up; enter them again after a restore.',
  'privacy.title': "Requesters' personal data (UU PDP)",
  'privacy.intro':
    'Personal data of inactive requesters is anonymised automatically: name, contacts, message texts and attachments are removed; the statistics for reports stay.',
  'privacy.months': "Keep requesters' personal data for (months)",
  'privacy.monthsHint': '0 = no limit. Default 24 months: yearly reports and their audit can still be made.',
  'privacy.lastRun': 'Last run {at}: {n} requesters anonymised',
  'privacy.runNow': 'Run now',
  'requesterData.export': 'Export data',
  'requesterData.erase': 'Erase personal data',
  'requesterData.eraseTitle': "Erase {name}'s personal data?",
  'requesterData.eraseBody':
    "This requester's name, institution, email, WhatsApp, Telegram account, every message text and attachment will be removed from the console and the search index. Tickets, topics, service times and ratings stay for the reports. This cannot be undone.",
  'requesterData.reason': 'Reason (kept in the audit log)',
  'requesterData.reasonHint': 'E.g. "Requested by the requester by email on 27-11-2026".',
  'requesterData.confirm': 'Type HAPUS to confirm',
  'requesterData.eraseButton': 'Erase permanently',
  'requesterData.erased': 'Personal data erased: {m} messages, {a} attachments.',
  'requesterData.backupsNote':
    'Older backups in the backup folder still hold this data until newer backups replace them (default: 7 backups). An admin can remove it from every backup now.',
  'requesterData.alsoBackups': 'Also remove it from every backup in the backup folder',
  'requesterData.purgeBackups': 'Remove from backups',
  'requesterData.purging': 'Rewriting the backups…',
  'requesterData.purged': 'Backups rewritten without this data: {n}; holding none of it: {same}.',
  'requesterData.purgeFailed': 'Failed (left as they were, see the log): {names}.',
};
