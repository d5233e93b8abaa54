import { createHash } from 'node:crypto';
import type {
  CourierActionRequest,
  CourierStep,
  ProofKind,
  ProofRequirement,
  TaskAction,
  TaskKind,
} from '@federacycle/contracts';

/** The task action each courier step asks for. */
export const STEP_ACTION: Record<CourierStep, TaskAction> = {
  start: 'start',
  picked_up: 'complete',
  delivered: 'complete',
  failed: 'fail',
};

/** picked up is a pickup's step, delivered a dropoff's; start and failed fit both. */
export function stepFitsTask(step: CourierStep, kind: TaskKind): boolean {
  if (step === 'picked_up') return kind === 'pickup';
  if (step === 'delivered') return kind === 'dropoff';
  return true;
}

/** JSON with object keys sorted at every depth (undefined dropped): one text per meaning. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fingerprint of an action's body: a retry of the same action has the same one. */
export function actionFingerprint(body: CourierActionRequest): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** What the policy still needs, given the proofs on the task and whether a code was given. */
export function missingProofs(
  required: readonly ProofRequirement[],
  present: readonly ProofKind[],
  codeGiven: boolean,
): ProofRequirement[] {
  return required.filter((r) => (r === 'code' ? !codeGiven : !present.includes(r)));
}

/** "a photo and a signature" */
export function describeMissing(missing: readonly ProofRequirement[]): string {
  const names: Record<ProofRequirement, string> = {
    photo: 'a photo',
    signature: 'the recipient’s signature',
    code: 'the handover code the recipient gives',
  };
  const parts = missing.map((m) => names[m]);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
