import type { Translation } from '../translation';
import type { complaintsId } from '../id/complaints';

export const complaintsEn: Translation<typeof complaintsId> = {
  'complaints.title': 'Complaints',

  'complaints.intro':
    'Complaints from the suggestion box in the PST room, the online form, phone 0362-22145, visits, or Telegram and email messages logged by an officer.',
  'complaints.create': 'Log complaint',
  'complaints.log': 'Log',
  'complaints.promoteTitle': 'Log this message as a complaint',
  'complaints.promoteIntro': 'Source, text and contact are taken from this message:',
  'complaints.source': 'Source',
  'complaints.text': 'Complaint',
  'complaints.contactName': 'Reported by',
  'complaints.contact': 'Contact',
  'complaints.contactHint': 'Phone number or email, if any.',
  'complaints.status': 'Status',
  'complaints.all': 'All',
  'complaints.total': '{n} complaints',
  'complaints.empty': 'No matching complaints yet.',
  'complaints.received': 'Received',
  'complaints.response': 'Response',
  'complaints.handle': 'Handle',
  'complaints.receivedAt': 'Received',
  'complaints.resolvedOn': 'Resolved {date}',
  'message.promoted': 'Logged as a complaint',
  'complaints.handleTitle': 'Complaint follow-up',
  'complaintSource.kotak_saran': 'Suggestion box',
  'complaintSource.formulir_online': 'Online form',
  'complaintSource.telepon': 'Phone',
  'complaintSource.langsung': 'In person',
  'complaintSource.telegram': 'Telegram',
  'complaintSource.email': 'Email',
  'complaintStatus.open': 'New',
  'complaintStatus.in_progress': 'In progress',
  'complaintStatus.resolved': 'Resolved',
};
