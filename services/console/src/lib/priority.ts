// The priority the intake service will give a new ticket, computed in the form from the
// same rules (GET /api/v1/priority-rules) with the same algorithm
// (services/intake/src/domain/priority.rs `evaluate`): the first rule whose every given
// condition holds sets the priority; none matching gives P4.
import type { components } from '../api/schema';

type Rule = components['schemas']['PriorityRule'];
type Priority = components['schemas']['Priority'];

/** What the rules look at. */
export interface PriorityInput {
  type: components['schemas']['TicketType'];
  symptom: string;
  machineDown: boolean;
  tier: components['schemas']['CustomerTier'];
}

/** The priority and the rule that set it (its position and note), `rule: null` for the P4 default. */
export function previewPriority(rules: Rule[], input: PriorityInput): { priority: Priority; rule: { index: number; note: string } | null } {
  const text = input.symptom.toLowerCase();
  const index = rules.findIndex(
    (r) =>
      (r.type == null || r.type === input.type) &&
      (r.machine_down == null || r.machine_down === input.machineDown) &&
      (r.tier == null || r.tier === input.tier) &&
      (!r.keywords || r.keywords.length === 0 || r.keywords.some((k) => text.includes(k.toLowerCase()))),
  );
  const rule = index >= 0 ? rules[index] : undefined;
  return rule ? { priority: rule.priority, rule: { index, note: rule.note ?? '' } } : { priority: 'p4', rule: null };
}
