import type { ExportRow, ExportTable } from '@federacycle/platform-database';

/** One table of the export: its columns, read for the coop in a stable order. */
function table(name: string, columns: readonly string[], order: string): ExportTable {
  const sql = `select ${columns.join(', ')} from ${name} where coop_id = $1 order by ${order}`;
  return { name, columns, read: (manager, coopId) => manager.query(sql, [coopId]) as Promise<ExportRow[]> };
}

/** Dispatch's tables of a coop's data export (registered in the CoopExportRegistry by DispatchModule). */
export const DISPATCH_EXPORT_TABLES: readonly ExportTable[] = [
  table(
    'deliveries',
    [
      'id',
      'reference',
      'state',
      'merchant_id',
      'tracking_token',
      'handover_code',
      'created_by',
      'source',
      'created_at',
      'updated_at',
    ],
    'created_at, id',
  ),
  table(
    'delivery_tasks',
    [
      'id',
      'delivery_id',
      'kind',
      'seq',
      'state',
      'attempt',
      'previous_task_id',
      'superseded_by',
      'address',
      'lat',
      'lng',
      'window_after',
      'window_before',
      'service_minutes',
      'contact_name',
      'contact_phone',
      'contact_email',
      'contact_language',
      'mailed_on_way_at',
      'mailed_delivered_at',
      'comments',
      'packages',
      'weight_grams',
      'failure_reason',
      'created_at',
      'updated_at',
    ],
    'delivery_id, seq, attempt',
  ),
  table(
    'task_assignments',
    ['id', 'task_id', 'courier_id', 'position', 'pinned', 'assigned_by', 'assigned_at', 'ended_at'],
    'assigned_at, id',
  ),
  table(
    'task_events',
    [
      'id',
      'task_id',
      'delivery_id',
      'type',
      'from_state',
      'to_state',
      'actor_id',
      'request_id',
      'source',
      'data',
      'at',
    ],
    'at, id',
  ),
  table(
    'plan_proposals',
    ['id', 'created_at', 'couriers', 'deliveries', 'unassigned_task_ids', 'distance_km', 'late_tasks'],
    'created_at, id',
  ),
  table(
    'task_proofs',
    ['id', 'task_id', 'courier_id', 'kind', 'file_id', 'content_type', 'size', 'sha256', 'created_at'],
    'created_at, id',
  ),
  table(
    'courier_actions',
    ['client_action_id', 'courier_id', 'task_id', 'step', 'body_sha256', 'result', 'applied_at'],
    'applied_at, client_action_id',
  ),
];
