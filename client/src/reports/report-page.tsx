import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Meta } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { ViewState } from '../url/view-state.js';
import { ReportCharts } from './report-charts.js';
import { ReportDefinitions } from './report-definitions.js';
import { ReportHamletList } from './report-hamlet-list.js';
import { boundarySetText, levelPlural, placeDateText } from './report-labels.js';
import { ReportMap } from './report-map.js';
import { ReportSummaryTable } from './report-summary-table.js';
import { ReportUnitTable } from './report-unit-table.js';
import { useReportData, type ReportData } from './use-report-data.js';
import '../styles/report.css';

interface ReportPageProps {
  meta: Meta;
  state: ViewState;
  update: (fn: (prev: ViewState) => ViewState) => void;
}

/**
 * "Báo cáo chỉ tiêu hạ tầng số": the printable A4 report of the view's
 * boundary set, unit, scenario and period, instead of the map (no header, no
 * panels). The toolbar (print, back to the map) is not printed. When every
 * answer is in and the map has drawn, body[data-report-ready] says so, for the
 * browser test and for anyone printing from a script.
 */
export function ReportPage({ meta, state, update }: ReportPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [attempt, setAttempt] = useState(0);
  const load = useReportData(meta, state.report, state.scenario, state.lang, attempt);
  const [mapDrawn, setMapDrawn] = useState(false);
  const onMapDrawn = useCallback(() => setMapDrawn(true), []);
  const backToMap = useCallback(() => update((prev) => ({ ...prev, screen: null })), [update]);

  useEffect(() => setMapDrawn(false), [load]);
  useEffect(() => {
    const ready = load.status === 'ready' && mapDrawn;
    document.body.dataset.reportReady = ready ? 'true' : 'false';
    if (load.status === 'error') document.body.dataset.reportError = load.error;
    else delete document.body.dataset.reportError;
  }, [load, mapDrawn]);
  useEffect(
    () => () => {
      delete document.body.dataset.reportReady;
      delete document.body.dataset.reportError;
    },
    [],
  );
  // The title names the PDF the browser saves: report, unit, day.
  useEffect(() => {
    if (load.status === 'ready') document.title = `${t('report.documentTitle')} – ${load.data.indicators.unit.name}`;
  }, [load, t]);

  return (
    <div className="report-page" data-testid="report-page">
      <div className="report-toolbar" role="toolbar">
        <button type="button" className="button" onClick={backToMap} data-testid="report-back">
          {t('report.backToMap')}
        </button>
        <button type="button" className="button button--primary" onClick={() => window.print()} disabled={load.status !== 'ready'} data-testid="report-print">
          {t('report.print')}
        </button>
        <span className="report-toolbar__hint">{t('report.printHint')}</span>
      </div>
      {load.status === 'loading' ? (
        <p className="report-page__status">{t('report.loading')}</p>
      ) : load.status === 'error' ? (
        <div className="report-page__status" role="alert">
          <p>
            {t('report.loadFailed')}: {load.error}
          </p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.retry')}
          </button>
        </div>
      ) : (
        <ReportDocument data={load.data} meta={meta} scenario={state.scenario} period={state.report.period} onMapDrawn={onMapDrawn} />
      )}
    </div>
  );
}

interface ReportDocumentProps {
  data: ReportData;
  meta: Meta;
  scenario: ViewState['scenario'];
  period: string | null;
  onMapDrawn: () => void;
}

function ReportDocument({ data, meta, scenario, period, onMapDrawn }: ReportDocumentProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [madeAt] = useState(() => new Date());
  const { indicators, units, chartUnits, shapes, hamlets, provinceName, boundarySet, finestLevel } = data;
  const numberOf = useMemo(() => new Map(indicators.indicators.map((indicator, i) => [indicator.code, i + 1])), [indicators]);
  const finestPlural = levelPlural(i18n, finestLevel);
  const chartPlural = levelPlural(i18n, chartUnits.level);
  return (
    <article className="report-sheet" lang={i18n.lang}>
      <header className="report-heading">
        <div className="report-heading__agency">
          {/* All provinces of a national register: the Ministry's report, not one province's. */}
          <p className="report-heading__parent">{provinceName ? t('report.agencyParent', { province: provinceName }) : t('report.agencyParentAll')}</p>
          <p className="report-heading__agency-name">{provinceName ? t('report.agency') : t('report.agencyAll')}</p>
        </div>
        <div className="report-heading__nation">
          <p className="report-heading__nation-name">{t('report.nation')}</p>
          <p className="report-heading__motto">{t('report.motto')}</p>
          <p className="report-heading__date" data-testid="report-date">
            {placeDateText(i18n, provinceName || t('report.placeAll'), madeAt)}
          </p>
        </div>
      </header>
      <h1 className="report-title" data-testid="report-title">
        {t('report.title')}
      </h1>
      <p className="report-subtitle">{t('report.subtitle')}</p>
      <dl className="report-facts" data-testid="report-facts">
        <dt>{t('report.meta.unit')}</dt>
        <dd data-testid="report-unit">{indicators.unit.name}</dd>
        <dt>{t('report.meta.boundarySet')}</dt>
        <dd data-testid="report-boundary-set">{boundarySetText(i18n, boundarySet)}</dd>
        <dt>{t('report.meta.scenario')}</dt>
        <dd data-testid="report-scenario">
          {t(`scenario.${scenario}.definition`)}
        </dd>
        <dt>{t('report.meta.period')}</dt>
        <dd data-testid="report-period">{period ?? indicators.period ?? t('report.meta.periodLatest')}</dd>
        <dt>{t('report.meta.made')}</dt>
        <dd>{i18n.formatDate(madeAt.toISOString())}</dd>
      </dl>
      {meta.demoData ? (
        <p className="report-demo" role="note" data-testid="report-demo">
          {t('report.demoNotice')}
        </p>
      ) : null}

      <section className="report-section report-section--summary" data-testid="report-section-summary">
        <h2>{t('report.section.summary')}</h2>
        <ReportSummaryTable indicators={indicators.indicators} />
        <p className="report-note">{t('report.summaryNote')}</p>
      </section>

      <section className="report-section report-section--map" data-testid="report-section-map">
        <h2>{t('report.section.map', { level: finestPlural })}</h2>
        <p className="report-note">{t('report.mapNote', { level: finestPlural })}</p>
        <ReportMap units={units} shapes={shapes} onDrawn={onMapDrawn} />
      </section>

      <section className="report-section report-section--charts" data-testid="report-section-charts">
        <h2>{t('report.section.charts', { level: chartPlural })}</h2>
        <ReportCharts units={chartUnits} />
      </section>

      <section className="report-section report-section--units" data-testid="report-section-units">
        <h2>{t('report.section.units', { level: finestPlural })}</h2>
        <p className="report-note">
          {t('report.unitsNote', { level: finestPlural })} {t('report.unitsCount', { count: units.units.length })}
        </p>
        <ReportUnitTable units={units} numberOf={numberOf} />
      </section>

      <section className="report-section report-section--hamlets" data-testid="report-section-hamlets">
        <h2>{t('report.section.hamlets')}</h2>
        <ReportHamletList hamlets={hamlets} />
      </section>

      <section className="report-section report-section--definitions" data-testid="report-section-definitions">
        <h2>{t('report.section.definitions')}</h2>
        <ReportDefinitions indicators={indicators.indicators} settings={indicators.settings} />
      </section>

      <footer className="report-signatures" data-testid="report-signatures">
        <div className="report-signature">
          <p className="report-signature__role">{t('report.sign.preparer')}</p>
          <p className="report-signature__hint">{t('report.sign.preparerHint')}</p>
        </div>
        <div className="report-signature">
          <p className="report-signature__role">{t('report.sign.head')}</p>
          <p className="report-signature__hint">{t('report.sign.headHint')}</p>
        </div>
      </footer>
      <p className="report-made" data-testid="report-made">
        {t('report.footer', { time: i18n.formatDateTime(madeAt.toISOString()), url: window.location.href })}
      </p>
    </article>
  );
}
