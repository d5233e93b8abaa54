import { CourierAction } from './courier/courier-action.entity';
import { TaskProof } from './courier/task-proof.entity';
import { TaskAssignment } from './assignments/task-assignment.entity';
import { Delivery } from './deliveries/delivery.entity';
import { DeliveryTask } from './deliveries/delivery-task.entity';
import { TaskEvent } from './deliveries/task-event.entity';
import { TimeSlot } from './time-slots/time-slot.entity';
import { PlanProposal } from './planning/plan-proposal.entity';

/** dispatch's tables, one entity each (registered by the module; composed by tools and tests). */
export const DISPATCH_ENTITIES = [
  Delivery,
  DeliveryTask,
  TaskAssignment,
  TaskEvent,
  PlanProposal,
  TaskProof,
  CourierAction,
  TimeSlot,
];
