import type { ConversationStatus, RequirementName } from '../../../src-preload/contract';
import { missingRequirements } from '../domain/requirements';
import type { Db } from '../store/db';
import { serviceCalendar } from '../calendar/cache';
import { slaView, type SlaView } from './sla';

/** The raw columns the inbox selects so that the workflow fields can be derived per row without a query. */
export const WORKFLOW_COLUMNS = `c.topic, c.need AS wfNeed, r.name AS wfName, r.email AS wfEmail, r.whatsapp AS wfWhatsapp, r.occupation AS wfOccupation,
  c.requirements_complete_at AS wfStart, c.sla_target_days AS wfTargetDays, c.sla_paused_since AS wfPausedSince,
  c.sla_remaining_ms AS wfRemaining`;

export interface WorkflowRawColumns {
  status: ConversationStatus;
  requesterName: string | null;
  institution: string | null;
  slaDueAt: number | null;
  topic: string | null;
  wfNeed: string | null;
  /** The requester's own name: the requirement, unlike the channel's display name the inbox shows until then. */
  wfName: string | null;
  wfEmail: string | null;
  wfWhatsapp: string | null;
  wfOccupation: string | null;
  wfStart: number | null;
  wfTargetDays: number | null;
  wfPausedSince: number | null;
  wfRemaining: number | null;
}

export type WithWorkflow<T> = Omit<T, keyof WorkflowRawColumns | 'wfNeed'> &
  Pick<WorkflowRawColumns, 'status' | 'requesterName' | 'institution' | 'slaDueAt' | 'topic'> &
  SlaView & { requirementsMissing: RequirementName[]; workingDayMs: number };

/**
 * Adds slaState, workingMsLeft and requirementsMissing to rows selected with WORKFLOW_COLUMNS and
 * strips the raw columns: a few cached calendar-day lookups per row.
 */
export function withWorkflow<T extends WorkflowRawColumns>(db: Db, rows: T[], now: number): WithWorkflow<T>[] {
  const calendar = serviceCalendar(db);
  return rows.map((row) => {
    const { wfNeed, wfName, wfEmail, wfWhatsapp, wfOccupation, wfStart, wfTargetDays, wfPausedSince, wfRemaining, ...rest } = row;
    const sla = slaView(
      {
        status: row.status,
        requirements_complete_at: wfStart,
        sla_target_days: wfTargetDays,
        sla_due_at: row.slaDueAt,
        sla_paused_since: wfPausedSince,
        sla_remaining_ms: wfRemaining,
      },
      calendar,
      now,
    );
    const requirementsMissing = missingRequirements({
      name: wfName,
      institution: row.institution,
      email: wfEmail,
      whatsapp: wfWhatsapp,
      occupation: wfOccupation,
      need: wfNeed,
    });
    return { ...rest, ...sla, requirementsMissing, workingDayMs: calendar.standardDayMs } as unknown as WithWorkflow<T>;
  });
}
