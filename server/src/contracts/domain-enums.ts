import { z } from 'zod';

// Enumerations of the register, shared by server, client and tests. Values are
// stable identifiers; their Vietnamese and English labels live in the client's
// message catalogue.

export const technologies = ['2G', '3G', '4G', '5G'] as const;
export const technologySchema = z.enum(technologies);
export type Technology = z.infer<typeof technologySchema>;

export const lifecycleStatuses = ['planned', 'approved', 'on_air', 'decommissioned'] as const;
export const lifecycleStatusSchema = z.enum(lifecycleStatuses);
export type LifecycleStatus = z.infer<typeof lifecycleStatusSchema>;

export const structureTypes = ['self_supporting', 'guyed', 'monopole', 'rooftop', 'camouflaged'] as const;
export const structureTypeSchema = z.enum(structureTypes);
export type StructureType = z.infer<typeof structureTypeSchema>;

export const fiberKinds = ['backbone', 'distribution', 'access'] as const;
export const fiberKindSchema = z.enum(fiberKinds);
export type FiberKind = z.infer<typeof fiberKindSchema>;

export const fiberLayings = ['aerial', 'underground'] as const;
export const fiberLayingSchema = z.enum(fiberLayings);
export type FiberLaying = z.infer<typeof fiberLayingSchema>;

export const unitLevels = ['province', 'district', 'commune'] as const;
export const unitLevelSchema = z.enum(unitLevels);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

export const unitTypes = ['tinh', 'thanh_pho_tw', 'thanh_pho', 'thi_xa', 'quan', 'huyen', 'phuong', 'xa', 'thi_tran', 'dac_khu'] as const;
export const unitTypeSchema = z.enum(unitTypes);
export type UnitType = z.infer<typeof unitTypeSchema>;

export const hamletKinds = ['ap', 'khu_pho', 'to_dan_pho', 'thon'] as const;
export const hamletKindSchema = z.enum(hamletKinds);
export type HamletKind = z.infer<typeof hamletKindSchema>;

export const operatorKinds = ['mno', 'towerco'] as const;
export type OperatorKind = (typeof operatorKinds)[number];
