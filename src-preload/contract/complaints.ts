/**
 * Complaints (pengaduan) logged from every source the standard names.
 */

export type ComplaintSource = 'kotak_saran' | 'formulir_online' | 'telepon' | 'telegram' | 'email' | 'langsung';

export type ComplaintStatus = 'open' | 'in_progress' | 'resolved';

export interface ComplaintView {
  id: number;
  source: ComplaintSource;
  text: string;
  contactName: string | null;
  contact: string | null;
  requesterId: number | null;
  messageId: number | null;
  status: ComplaintStatus;
  response: string | null;
  officerId: number | null;
  officerName: string | null;
  receivedAt: number;
  resolvedAt: number | null;
  createdAt: number;
}

export interface ComplaintsMethods {
  'complaints.list': {
    input: { status?: ComplaintStatus; source?: ComplaintSource; from?: number; to?: number; offset?: number; limit?: number };
    output: { items: ComplaintView[]; total: number };
  };
  /** Logs a complaint; with messageId, promotes a channel message (source, text, contact taken from it). */
  'complaints.create': {
    input: {
      source?: ComplaintSource;
      text?: string;
      contactName?: string;
      contact?: string;
      receivedAt?: number;
      messageId?: number;
    };
    output: ComplaintView;
  };
  'complaints.update': {
    input: { id: number; status?: ComplaintStatus; response?: string | null; officerId?: number | null };
    output: ComplaintView;
  };
}
