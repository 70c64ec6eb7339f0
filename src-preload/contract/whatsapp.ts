import type { ConversationDetail } from './conversations';

/** What an import of a WhatsApp chat export put on the record. */
export interface WhatsappImportView {
  conversation: ConversationDetail;
  /** Messages stored now; a re-import of the same chat stores none. */
  added: number;
  /** Messages already on the record from an earlier import. */
  alreadyThere: number;
  /** Files the chat names that the export did not carry. */
  missingFiles: string[];
  /** The requester's number (+62…). */
  requesterNumber: string;
}

export interface WhatsappMethods {
  /**
   * A chat exported from the office's WhatsApp phone ("Ekspor chat": a .txt, or a .zip with the
   * media), into a chosen WhatsApp consultation or a new one. Importing the same or a longer
   * export again adds only the new messages.
   */
  'whatsapp.importChat': {
    /** `timeZone`: the exporting phone's clock, WITA (Asia/Makassar) unless said otherwise. */
    input: {
      fileName: string;
      contentBase64: string;
      conversationId?: number;
      requesterNumber?: string;
      timeZone?: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
    };
    output: WhatsappImportView;
  };
}
