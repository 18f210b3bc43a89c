import type { Knex } from 'knex';
import { writeAudit, type AuditContext } from '../audit/audit-log.js';
import { btsWrites } from '../bts/bts-writes.js';
import type { PlannedRadio } from '../contracts/colocation-contracts.js';
import type { Proposal } from '../contracts/proposal-contracts.js';
import { recomputeCoverageForBts, type CoverageParams } from '../coverage/coverage-recompute.js';
import { HttpProblem } from '../http/http-problem.js';
import { snapshotOf } from '../records/register-record-routes.js';
import { inferSites } from '../sharing/site-inference.js';
import { siteWrites } from '../sites/site-writes.js';
import { tenantsOf } from './proposal-impact.js';
import { radioEirpDbm, radioSectors } from '../colocation/default-radio.js';

export interface CreatedRecords {
  siteCode: string | null;
  btsCode: string;
}

/**
 * Approval turns a proposal into register records with status 'approved' —
 * counted by the planned scenario, not by the current one — through the same
 * inserts as the record API, with their own audit entries, and updates the
 * coverage and the site inference around them in the same transaction.
 *
 * A co-location on a site record puts the BTS on that site; on an inferred
 * site (no record) the BTS stands at the site's point without a site code and
 * inference groups it there, exactly as an operator's own list would.
 */
export async function createApprovedRecords(
  trx: Knex.Transaction,
  proposal: Proposal & { id: number },
  audit: AuditContext,
  coverage: CoverageParams,
  epsM: number,
): Promise<CreatedRecords & { siteId: number | null; btsId: number }> {
  const source = `proposal:${proposal.code}`;
  const radio: PlannedRadio = proposal.radio;
  let siteCode: string | null;
  let lon = proposal.lon;
  let lat = proposal.lat;

  if (proposal.kind === 'new_site') {
    siteCode = proposal.code;
    if (await snapshotOf(trx, 'site', siteCode)) throw new HttpProblem(409, 'code-taken', { code: siteCode });
    await siteWrites.insert(
      trx,
      { code: siteCode, lon, lat, structureType: proposal.structureType!, heightM: proposal.heightM!, owner: proposal.operator, status: 'approved' },
      source,
    );
  } else {
    const site = (
      await trx.raw(
        `SELECT ps.id, ps.site_id, s.code, ST_X(ps.geom) AS lon, ST_Y(ps.geom) AS lat
           FROM physical_sites ps LEFT JOIN site_records s ON s.id = ps.site_id
          WHERE ps.site_key = ?`,
        [proposal.siteKey],
      )
    ).rows[0] as { id: number; site_id: number | null; code: string | null; lon: number; lat: number } | undefined;
    // Since submission the structure was removed, or the inferred site dissolved.
    if (!site) throw new HttpProblem(409, 'proposal-site-gone', { site: proposal.siteKey! });
    siteCode = site.code;
    lon = Number(site.lon);
    lat = Number(site.lat);
    const carried = (await tenantsOf(trx, site.id)).all.includes(proposal.operator);
    if (carried) throw new HttpProblem(409, 'site-carries-operator', { site: proposal.siteKey!, operator: proposal.operator });
  }

  const btsCode = `${proposal.code}-${radio.technology}`;
  if (await snapshotOf(trx, 'bts', btsCode)) throw new HttpProblem(409, 'code-taken', { code: btsCode });
  await btsWrites.insert(
    trx,
    {
      code: btsCode,
      siteCode: siteCode ?? undefined,
      operator: proposal.operator,
      lon,
      lat,
      technology: radio.technology,
      bandMHz: radio.bandMHz,
      antennaHeightM: radio.antennaHeightM,
      eirpDbm: radioEirpDbm(radio),
      status: 'approved',
      sectors: radioSectors(radio),
    },
    source,
  );
  const ids = (
    await trx.raw(`SELECT (SELECT id FROM bts_records WHERE code = ?) AS bts_id, (SELECT id FROM site_records WHERE code = ?) AS site_id`, [
      btsCode,
      siteCode,
    ])
  ).rows[0] as { bts_id: number; site_id: number | null };

  await recomputeCoverageForBts(trx, coverage, [ids.bts_id]);
  await inferSites(trx, epsM, { btsIds: [ids.bts_id], siteIds: ids.site_id === null ? [] : [ids.site_id] });

  if (proposal.kind === 'new_site') {
    await writeAudit(trx, audit, { action: 'create', entity: 'site', code: siteCode, after: await snapshotOf(trx, 'site', siteCode!), summary: `approved proposal ${proposal.code}` });
  }
  await writeAudit(trx, audit, { action: 'create', entity: 'bts', code: btsCode, after: await snapshotOf(trx, 'bts', btsCode), summary: `approved proposal ${proposal.code}` });
  return { siteCode: proposal.kind === 'new_site' ? siteCode : null, btsCode, siteId: ids.site_id, btsId: ids.bts_id };
}
