/** What the service standard asks for before the SLA clock may start (DESIGN §1). */
export type Requirement = 'name' | 'institution' | 'email' | 'whatsapp' | 'occupation' | 'need';

export const REQUIREMENTS: readonly Requirement[] = ['name', 'institution', 'email', 'whatsapp', 'occupation', 'need'];

export interface RequirementFacts {
  name: string | null;
  institution: string | null;
  email: string | null;
  whatsapp: string | null;
  occupation: string | null;
  need: string | null;
}

const filled = (v: string | null) => v !== null && v.trim().length > 0;

export function missingRequirements(facts: RequirementFacts): Requirement[] {
  return REQUIREMENTS.filter((r) => !filled(facts[r]));
}
