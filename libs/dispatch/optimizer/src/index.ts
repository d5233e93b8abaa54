export type {
  CarriedLoad,
  Courier,
  CourierRoute,
  DeliveryRequest,
  DispatchPlan,
  DispatchProblem,
  Location,
  ObjectiveLevel,
  ObjectiveSpec,
  PinnedAssignment,
  PlannedStop,
  PlanStats,
  PlanSummary,
  StopKind,
  StopSpec,
  TimeWindow,
  UnassignedReason,
  UnassignedRequest,
} from './lib/model/optimizer-model';
export { DEFAULT_OBJECTIVE } from './lib/model/optimizer-model';
export { OptimizerInputError, type OptimizerInputErrorCode } from './lib/model/optimizer-input-error';
export { validateProblem } from './lib/model/input-validator';
export {
  euclideanMetric,
  haversineMetric,
  matrixMetric,
  type MetricKind,
  type TravelMetric,
} from './lib/distance/travel-metric';
export {
  DEFAULT_SLICE_MS,
  DEFAULT_STALL_ITERATIONS,
  solveDispatch,
  solveDispatchAsync,
  type AsyncSolveOptions,
  type RouteSeed,
  type SolveOptions,
} from './lib/dispatch-solver';
export { checkLilimRoutes, checkPlan, type CheckResult } from './lib/checker/solution-checker';
export {
  lilimToProblem,
  parseLilimInstance,
  parseSintefRoutes,
  planToLilimRoutes,
  type LilimInstance,
  type LilimNode,
} from './lib/lilim/lilim-format';
export { generateLunchRush, type LunchRushOptions } from './lib/city/lunch-rush-generator';
export {
  DEFAULT_REPLAN_BUDGET_MS,
  replanDispatch,
  type PlanChange,
  type ReplanResult,
} from './lib/replan/replan-dispatch';
