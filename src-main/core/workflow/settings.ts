import { SKM_QUESTIONS } from '../domain/ikm';
import type { Db } from '../store/db';
import { settingsQueries } from '../store/queries/settings';

/** The statistical subjects of the closing form and the weekly report (editable by the admin). */
export const DEFAULT_TOPICS = [
  'Kependudukan',
  'Ketenagakerjaan',
  'Kemiskinan',
  'PDRB/Ekonomi',
  'Pertanian',
  'Pariwisata',
  'IPM',
  'Harga/Inflasi',
  'Lainnya',
] as const;

export interface WorkflowSettings {
  /** Completion time promised by the service standard, in working days (DESIGN §1: 3). */
  slaWorkingDays: number;
  /** Ask the 9 SKM unsur (PermenPANRB 14/2017) after the star rating. */
  surveyEnabled: boolean;
  /** The SKM questions in unsur order U1…U9, as the requester reads them (editable by the admin). */
  surveyQuestions: string[];
  topics: string[];
  /** The office phone's WhatsApp profile name, as its own messages appear in a chat export. */
  whatsappOfficeName: string;
  /** The office phone's WhatsApp number (+62…), as its messages appear when the name is not shown. */
  whatsappOfficeNumber: string;
}

export const WORKFLOW_DEFAULTS: WorkflowSettings = {
  slaWorkingDays: 3,
  surveyEnabled: false,
  surveyQuestions: [...SKM_QUESTIONS],
  topics: [...DEFAULT_TOPICS],
  whatsappOfficeName: '',
  whatsappOfficeNumber: '',
};

const KEYS = {
  slaWorkingDays: 'slaWorkingDays',
  surveyEnabled: 'surveyEnabled',
  surveyQuestions: 'surveyQuestions',
  topics: 'topics',
  whatsappOfficeName: 'whatsappOfficeName',
  whatsappOfficeNumber: 'whatsappOfficeNumber',
} as const;

export function readWorkflowSettings(db: Db): WorkflowSettings {
  const s = settingsQueries(db);
  return {
    slaWorkingDays: s.get(KEYS.slaWorkingDays, WORKFLOW_DEFAULTS.slaWorkingDays),
    surveyEnabled: s.get(KEYS.surveyEnabled, WORKFLOW_DEFAULTS.surveyEnabled),
    surveyQuestions: s.get(KEYS.surveyQuestions, WORKFLOW_DEFAULTS.surveyQuestions),
    topics: s.get(KEYS.topics, WORKFLOW_DEFAULTS.topics),
    whatsappOfficeName: s.get(KEYS.whatsappOfficeName, WORKFLOW_DEFAULTS.whatsappOfficeName),
    whatsappOfficeNumber: s.get(KEYS.whatsappOfficeNumber, WORKFLOW_DEFAULTS.whatsappOfficeNumber),
  };
}

export function writeWorkflowSettings(db: Db, patch: Partial<WorkflowSettings>, now: number): WorkflowSettings {
  const s = settingsQueries(db);
  for (const key of Object.keys(KEYS) as (keyof WorkflowSettings)[]) {
    if (patch[key] !== undefined) s.set(KEYS[key], patch[key], now);
  }
  return readWorkflowSettings(db);
}
