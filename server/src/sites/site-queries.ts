import type { Knex } from 'knex';
import type { SiteDetail } from '../contracts/api-contracts.js';
import type { BtsProperties } from '../contracts/layer-contracts.js';

interface SiteDetailRow {
  id: number;
  code: string;
  name: string | null;
  structure_type: SiteDetail['site']['structureType'];
  height_m: number;
  owner_code: string;
  owner_name: string;
  status: SiteDetail['site']['status'];
  address: string | null;
  operators: string[];
  technologies: SiteDetail['site']['technologies'];
  bts_count: number;
  lon: number;
  lat: number;
  commune_code: string | null;
  commune_name: string | null;
  district_name: string | null;
  source: string;
  source_date: string;
  updated_at: string;
  version: number;
}

/** The site and every BTS on it (its coded ones of every status, and those inference joined to it; decommissioned last), or null. */
export async function findSiteDetail(knex: Knex, code: string): Promise<SiteDetail | null> {
  const row = (await knex.raw('SELECT * FROM hatang_site_detail(?)', [code])).rows[0] as SiteDetailRow | undefined;
  if (!row) return null;
  const bts = (
    await knex.raw(
      `SELECT json_build_object(
                'code', b.code, 'siteCode', CASE WHEN b.site_id = ? THEN ?::text END, 'operator', o.code, 'technology', b.technology,
                'bandMHz', b.band_mhz, 'antennaHeightM', b.antenna_height_m::float8, 'eirpDbm', b.eirp_dbm::float8,
                'status', b.status,
                'sectors', coalesce((SELECT json_agg(json_build_object('azimuthDeg', sc.azimuth_deg::float8,
                                       'beamwidthDeg', sc.beamwidth_deg::float8, 'tiltDeg', sc.tilt_deg::float8)
                                     ORDER BY sc.sector_no) FROM bts_sectors sc WHERE sc.bts_id = b.id), '[]'::json)
              ) AS bts
         FROM bts b JOIN operators o ON o.id = b.operator_id
        -- Its coded BTS (every status), and those without a code site inference joined to it (siteCode null).
        WHERE b.site_id = ?
           OR b.id IN (SELECT bp.bts_id FROM bts_physical_sites bp JOIN physical_sites ps ON ps.id = bp.physical_site_id
                        WHERE ps.site_id = ? AND bp.assignment = 'joined')
        ORDER BY b.status = 'decommissioned', o.code, b.technology, b.code`,
      [row.id, row.code, row.id, row.id],
    )
  ).rows.map((r: { bts: BtsProperties | string }) => (typeof r.bts === 'string' ? JSON.parse(r.bts) : r.bts) as BtsProperties);
  return {
    site: {
      code: row.code,
      name: row.name,
      structureType: row.structure_type,
      heightM: row.height_m,
      owner: row.owner_code,
      ownerName: row.owner_name,
      status: row.status,
      address: row.address,
      operators: row.operators,
      operatorCount: row.operators.length,
      technologies: row.technologies,
      btsCount: row.bts_count,
      shared: row.operators.length >= 2,
      siteKey: row.code,
      inferred: false,
      lon: row.lon,
      lat: row.lat,
      communeCode: row.commune_code,
      communeName: row.commune_name,
      districtName: row.district_name,
      source: row.source,
      sourceDate: row.source_date,
      updatedAt: row.updated_at,
      version: row.version,
    },
    bts,
  };
}
