import { useEffect, useState } from 'react';
import { describeError, fetchMeasurements, isAbort, measurementsUrl, type MeasurementQuery } from '../api/api-client.js';
import type { FeatureCollection, MeasurementProperties, Technology } from '../domain/contract-types.js';
import { anyOperator } from '../domain/enum-values.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { CoverageChoice } from '../url/view-state.js';

export type MeasurementCollection = FeatureCollection<MeasurementProperties>;

export interface MeasurementLoad {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The measurements of the coverage choice; the last answer is kept while a new one loads. */
  data: MeasurementCollection | null;
  error: string | null;
}

const broadbandTechnologies: readonly Technology[] = ['3G', '4G', '5G'];

/** The technologies whose measurements a coverage choice shows: its own, or 3G/4G/5G for broadband. */
export function measuredTechnologies(coverage: CoverageChoice): readonly Technology[] {
  return coverage.group === 'broadband' ? broadbandTechnologies : [coverage.group];
}

/**
 * The request for a coverage choice. For broadband no technology is sent and
 * 2G is dropped here, so the answer does not depend on how the server reads a list.
 */
export function measurementQuery(coverage: CoverageChoice): MeasurementQuery {
  return {
    operator: coverage.operator === anyOperator ? null : coverage.operator,
    technology: coverage.group === 'broadband' ? null : coverage.group,
  };
}

function forChoice(data: MeasurementCollection, coverage: CoverageChoice): MeasurementCollection {
  const technologies = measuredTechnologies(coverage);
  const features = data.features.filter(
    (f) => technologies.includes(f.properties.technology) && (coverage.operator === anyOperator || f.properties.operator === coverage.operator),
  );
  return features.length === data.features.length ? data : { ...data, features, numberReturned: features.length };
}

/**
 * GET /api/layers/measurements for the coverage choice, while the layer is on.
 * `version` changes after an import: the layer is then loaded again.
 */
export function useMeasurements(enabled: boolean, coverage: CoverageChoice, lang: Lang, version: number): MeasurementLoad {
  const [load, setLoad] = useState<MeasurementLoad>({ status: 'idle', data: null, error: null });
  const url = measurementsUrl(measurementQuery(coverage));
  const { operator, group } = coverage;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const choice: CoverageChoice = { operator, group };
    setLoad((prev) => ({ status: 'loading', data: prev.data, error: null }));
    fetchMeasurements(measurementQuery(choice), lang, controller.signal)
      .then((data) => setLoad({ status: 'ready', data: forChoice(data, choice), error: null }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad((prev) => ({ status: 'error', data: prev.data, error: describeError(error) }));
      });
    return () => controller.abort();
    // url stands for operator and group.
  }, [enabled, url, lang, version]);

  return load;
}
