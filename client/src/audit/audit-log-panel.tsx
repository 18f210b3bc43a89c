import { useState } from 'react';
import { WorkspacePage } from '../app/workspace-page.js';
import { useSession } from '../auth/use-session.js';
import type { AuditEntry, Operator } from '../domain/contract-types.js';
import { isOneOf, roleValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { AuditEntryDiff } from './audit-entry-diff.js';
import { AuditFilters, noAuditFilters, type AuditFilterValues } from './audit-filters.js';
import { auditSummaryText } from './audit-summary-text.js';
import { useAuditPage } from './use-audit-page.js';

const pageSize = 50;

/** The change log for planners and admins: filters, one page of entries, and the chosen entry's before/after. */
export function AuditLogPanel({ operators, initialFilters, onClose }: { operators: readonly Operator[]; initialFilters?: AuditFilterValues | null; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const permitted = session.can('audit.read');
  return (
    <WorkspacePage title={t('audit.title')} intro={t('audit.intro')} onClose={onClose} testId="audit-log">
      {permitted ? (
        <AuditLogBody operators={operators} initialFilters={initialFilters ?? noAuditFilters} />
      ) : (
        <p className="workspace__message">{session.info?.user ? t('audit.forbidden') : t('workspace.signInNeeded')}</p>
      )}
    </WorkspacePage>
  );
}

function AuditLogBody({ operators, initialFilters }: { operators: readonly Operator[]; initialFilters: AuditFilterValues }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [filters, setFilters] = useState<AuditFilterValues>(initialFilters);
  const [offset, setOffset] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState<AuditEntry | null>(null);
  const badRange = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const load = useAuditPage({ ...filters, ...(badRange ? { to: '' } : {}), limit: pageSize, offset }, lang, attempt);
  const page = load.page;
  const entries = page?.entries ?? [];
  const total = page?.total ?? 0;

  const roleText = (role: string | null) => (role && isOneOf(roleValues, role) ? t(`role.${role}`) : role);
  return (
    <div className="audit-log">
      <AuditFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setOffset(0);
          setChosen(null);
        }}
      />
      <div className="audit-log__main">
        <div className="audit-log__list">
          <div className="table-toolbar">
            <span className="table-toolbar__count" data-testid="audit-count">
              {total === 0 ? '' : t('audit.page', { from: offset + 1, to: offset + entries.length, total })}
            </span>
            {load.status === 'loading' ? <span className="table-toolbar__count">{t('audit.loading')}</span> : null}
            <span className="table-toolbar__end">
              <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))} data-testid="audit-prev">
                {t('audit.prev')}
              </button>
              <button type="button" className="button button--small" disabled={offset + pageSize >= total} onClick={() => setOffset(offset + pageSize)} data-testid="audit-next">
                {t('audit.next')}
              </button>
              <button type="button" className="icon-button icon-button--small" onClick={() => setAttempt((n) => n + 1)} title={t('app.retry')} aria-label={t('app.retry')}>
                ↻
              </button>
            </span>
          </div>
          {load.status === 'error' ? <p className="form-message form-message--error">{t('audit.failed', { detail: load.error ?? '' })}</p> : null}
          <div className="table-scroll">
            <table className="data-table data-table--plain" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.code')}</th>
                  <th scope="col">{t('audit.summary')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr
                    key={entry.id}
                    className={chosen?.id === entry.id ? 'data-table__row data-table__row--selected' : 'data-table__row'}
                    data-testid="audit-row"
                    data-action={entry.action}
                    data-entity={entry.entity}
                    data-code={entry.code ?? ''}
                    aria-selected={chosen?.id === entry.id}
                  >
                    <td className="data-table__nowrap">
                      <button type="button" className="row-link" onClick={() => setChosen(entry)} data-testid="audit-open">
                        {i18n.formatDateTime(entry.at)}
                      </button>
                    </td>
                    <td>
                      {entry.actor}
                      {entry.actorRole ? <span className="data-table__sub">{roleText(entry.actorRole)}</span> : null}
                    </td>
                    <td>
                      <span className={`action-badge action-badge--${entry.action}`}>{t(`auditAction.${entry.action}`)}</span>
                    </td>
                    <td>{t(`auditEntity.${entry.entity}`)}</td>
                    <td className="data-table__code">{entry.code ?? t('value.none')}</td>
                    <td>{auditSummaryText(i18n, entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {load.status === 'ready' && entries.length === 0 ? <p className="workspace__message">{t('audit.empty')}</p> : null}
          </div>
        </div>
        <aside className="audit-log__detail">{chosen ? <AuditEntryDiff key={chosen.id} entry={chosen} operators={operators} /> : <p className="workspace__message">{t('audit.choose')}</p>}</aside>
      </div>
    </div>
  );
}
