import type { whatsappId } from '../id/whatsapp';

export const whatsappEn: { readonly [K in keyof typeof whatsappId]: string } = {
  'whatsapp.importButton': 'Import WhatsApp chat',
  'whatsapp.importTitle': 'Import WhatsApp chat',
  'whatsapp.importIntro':
    'On the office phone: open the chat → ⋮ / contact name → Export chat (Include media if files were sent). Choose the exported .txt or .zip.',
  'whatsapp.importInto': 'Into consultation {ticket}',
  'whatsapp.importNew': 'A new consultation is created if this chat was never imported; importing it again adds only the new messages.',
  'whatsapp.file': 'Chat export file (.txt or .zip)',
  'whatsapp.phoneZone': 'Time zone of the exporting phone',
  'whatsapp.number': "Requester's WhatsApp number",
  'whatsapp.numberHint': 'Needed when the chat shows a contact name instead of the number',
  'whatsapp.importSubmit': 'Import',
  'whatsapp.imported': '{added} new messages recorded, {already} were already there.',
  'whatsapp.missingFiles': 'Files the chat names that the export does not hold: {names}',
  'whatsapp.open': 'Open consultation',
  'whatsapp.send': 'Send via WhatsApp',
  'whatsapp.sendHint': 'Opens WhatsApp with this answer; press send in WhatsApp, then confirm here.',
  'whatsapp.noNumber': "The requester's WhatsApp number is not filled in",
  'whatsapp.confirmQuestion': 'Was it sent in WhatsApp?',
  'whatsapp.confirmSent': 'Yes, record it as sent',
  'whatsapp.notSent': 'Not yet',
  'whatsapp.composerHint': "Answers leave from the office's WhatsApp and are recorded here",
  'whatsapp.askRating': 'Ask for a rating via WhatsApp',
  'whatsapp.ratingText':
    'Dear {nama}, your consultation with ticket number {tiket} is complete. Please rate it 1–5 (5 = very satisfied) and tell us how we can improve by replying to this message. Thank you. PST BPS Kabupaten Buleleng',
  'whatsapp.ratingVia': 'WhatsApp',
  'whatsapp.settingsTitle': "Office's WhatsApp",
  'whatsapp.settingsIntro': "To recognise the office's messages in an imported chat: the profile name and WhatsApp number of the office phone.",
  'whatsapp.officeName': "Office's WhatsApp name",
  'whatsapp.officeNumber': "Office's WhatsApp number",
};
