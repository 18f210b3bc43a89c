// The one door through which the client sees the wire contracts. Type-only, so
// zod and the server code never enter the browser bundle.
export type {
  Health,
  Meta,
  Operator,
  Problem,
  SearchResponse,
  SearchResult,
  SiteDetail,
} from '../../../server/src/contracts/api-contracts.js';
export type {
  FiberKind,
  FiberLaying,
  HamletKind,
  LifecycleStatus,
  StructureType,
  Technology,
  UnitLevel,
  UnitType,
} from '../../../server/src/contracts/domain-enums.js';
export type {
  AdminUnitProperties,
  BtsProperties,
  CoverageProperties,
  Feature,
  FeatureCollection,
  FiberProperties,
  GapProperties,
  HamletProperties,
  LayerName,
  LayerPropertiesByName,
  ConsolidationProperties,
  PhysicalSiteProperties,
  Sector,
  SiteProperties,
  TechnologyGroup,
} from '../../../server/src/contracts/layer-contracts.js';
export type {
  CoverageModel,
  HamletCoverageResponse,
  HamletCoverageRow,
  HamletDetail,
  HamletMeasurementSummary,
  MeasurementContradiction,
  MeasurementImportResult,
  MeasurementProperties,
  RangeResponse,
  Verdict,
  WhatIfBts,
  WhatIfRequest,
  WhatIfResponse,
} from '../../../server/src/contracts/coverage-contracts.js';
export type {
  ApiToken,
  ApiTokenCreated,
  AuditAction,
  AuditEntity,
  AuditEntry,
  AuditPage,
  Role,
  SessionInfo,
  User,
  UserCreateRequest,
  UserUpdateRequest,
} from '../../../server/src/contracts/auth-contracts.js';
export type {
  BtsRecord,
  BtsUpdate,
  FiberRecord,
  FiberUpdate,
  RegisterEntity,
  SiteRecord,
  SiteUpdate,
} from '../../../server/src/contracts/record-contracts.js';
export type { Permission } from '../../../server/src/auth/roles.js';
export type { Inspection, InspectionCreate, InspectionUpdate } from '../../../server/src/contracts/inspection-contracts.js';
export type {
  ConsolidationGroup,
  OperatorSharing,
  Ratio,
  Scenario,
  SharingResponse,
  SharingSummary,
  SharingUnit,
  SiteConflict,
} from '../../../server/src/contracts/sharing-contracts.js';
import type { z } from 'zod';
import type { consolidationResponseSchema, siteConflictsResponseSchema } from '../../../server/src/contracts/sharing-contracts.js';
/** GET /api/sharing/conflicts (the contract names only its schema). */
export type SiteConflictsResponse = z.infer<typeof siteConflictsResponseSchema>;
/** GET /api/sharing/consolidation (the contract names only its schema). */
export type ConsolidationResponse = z.infer<typeof consolidationResponseSchema>;
export type {
  CandidateWarning,
  ColocationCandidate,
  ColocationRequest,
  ColocationResponse,
  PlannedRadio,
  SitePlannerPick,
  SitePlannerRequest,
  SitePlannerResponse,
} from '../../../server/src/contracts/colocation-contracts.js';
export type {
  Proposal,
  ProposalDecision,
  ProposalImpact,
  ProposalKind,
  ProposalList,
  ProposalStatus,
  ProposalSubmit,
} from '../../../server/src/contracts/proposal-contracts.js';
export type {
  AppliedTarget,
  Bilingual,
  Indicator,
  IndicatorDefinition,
  IndicatorMeasure,
  IndicatorSource,
  IndicatorStatus,
  IndicatorScope,
  IndicatorsResponse,
  IndicatorUnitRef,
  IndicatorUnitRow,
  IndicatorUnitsResponse,
  ReportedFigure,
  TrendPoint,
  UnitIndicatorValue,
} from '../../../server/src/contracts/indicator-contracts.js';
export type {
  BoundarySet,
  IndicatorRegistry,
  IndicatorSnapshot,
  IndicatorSnapshotCreate,
  IndicatorTarget,
  IndicatorTargetCreate,
  IndicatorTargetUpdate,
  ReportedValue,
  ReportedValueCreate,
  ReportedValueUpdate,
  ReportingPeriod,
} from '../../../server/src/contracts/indicator-registry-contracts.js';
