import type { TaskKind, TaskState } from './dispatch';
import type { Vehicle } from './fleet';

/** One task on the dispatch board: what the map and the columns draw, nothing more (5,000 a day). */
export interface BoardTask {
  id: string;
  deliveryId: string;
  /** the delivery's reference, when it has one */
  reference: string | null;
  kind: TaskKind;
  state: TaskState;
  lat: number;
  lng: number;
  /** the address up to its first comma */
  address: string;
  after: string | null;
  before: string | null;
  /** the courier holding it (assigned or started), else null */
  courierId: string | null;
  /** its place in that courier's list, else null */
  seq: number | null;
  /** still to do and its window has closed */
  late: boolean;
}

/** The on-duty courier's state as the board shows it. */
export const BOARD_COURIER_STATUSES = ['idle', 'assigned', 'busy', 'off_duty'] as const;
export type BoardCourierStatus = (typeof BOARD_COURIER_STATUSES)[number];

/** A courier column of the board: on duty, or off duty still holding tasks of the day. */
export interface BoardCourier {
  id: string;
  name: string;
  vehicle: Vehicle;
  onDuty: boolean;
  /** last known position, with when it was recorded */
  lat: number | null;
  lng: number | null;
  locatedAt: string | null;
  status: BoardCourierStatus;
  /** live tasks (assigned or started) */
  load: number;
}

export interface BoardView {
  date: string;
  /** the server's time of the snapshot (positions' age, lateness) */
  at: string;
  tasks: BoardTask[];
  couriers: BoardCourier[];
}

/** `tasks.changed`: tasks whose state, courier or place moved (ids and the new facts). */
export interface BoardTasksChangedEvent {
  tasks: { id: string; deliveryId: string; state: TaskState; courierId: string | null; seq: number | null }[];
}

/** `delivery.created`: a new delivery's tasks (the board reads them on its next resync). */
export interface BoardDeliveryCreatedEvent {
  deliveryId: string;
  taskIds: string[];
}

/** `courier.changed`: a courier went on or off duty or moved. */
export interface BoardCourierChangedEvent {
  courierId: string;
  onDuty?: boolean;
  lat?: number;
  lng?: number;
  locatedAt?: string;
}

/** The names of the board's real-time events. */
export const BoardEventType = {
  TASKS_CHANGED: 'tasks.changed',
  DELIVERY_CREATED: 'delivery.created',
  COURIER_CHANGED: 'courier.changed',
} as const;
