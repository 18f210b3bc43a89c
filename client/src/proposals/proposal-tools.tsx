import { useState } from 'react';
import { ColocationPanel } from '../colocation/colocation-panel.js';
import type { Colocation } from '../colocation/use-colocation.js';
import type { Meta, Proposal, Scenario } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { HatangMap } from '../map/hatang-map.js';
import { SitePlannerPanel } from '../planner/site-planner-panel.js';
import type { ProposalTool } from '../url/view-state.js';
import { ProposalsPanel } from './proposals-panel.js';
import '../styles/proposal-tools.css';

interface Props {
  meta: Meta;
  tool: ProposalTool | null;
  proposal: string | null;
  map: HatangMap | null;
  colocation: Colocation;
  /** The unit the map is limited to (the site planner's default). */
  unit: string | null;
  units: readonly { code: string; name: string }[];
  onToolChange: (tool: ProposalTool | null, proposal?: string | null) => void;
  onFlyTo: (lon: number, lat: number, zoom?: number) => void;
  /** A proposal decided or withdrawn: an approval adds planned records to the register. */
  onDecided: (proposal: Proposal) => void;
  onShowPlanned?: (() => void) | undefined;
  /** The scenario the map shows: the site planner counts gains against it. */
  scenario: Scenario;
}

const toolIcons: Record<ProposalTool, string> = { colocation: '⌖', proposals: '☰', 'site-planner': '◎' };
const toolLabels = { colocation: 'tools.colocation', proposals: 'tools.proposals', 'site-planner': 'tools.sitePlanner' } as const;

/** The launcher of the proposal tools over the map, and the one tool open. */
export function ProposalTools({ meta, tool, proposal, map, colocation, unit, units, onToolChange, onFlyTo, onDecided, onShowPlanned, scenario }: Props) {
  const { t } = useI18n();
  // Bumped by a submission from the search or the planner: the proposals list is read again when it opens.
  const [submissions, setSubmissions] = useState(0);
  const onSubmitted = (submitted: Proposal) => {
    setSubmissions((n) => n + 1);
    // The new proposal, as the server stored it, with its status and impact.
    onToolChange('proposals', submitted.code);
  };
  return (
    <>
      <div className="map-tools" role="toolbar" aria-label={t('tools.proposalTools')}>
        {(Object.keys(toolLabels) as ProposalTool[]).map((key) => (
          <button
            key={key}
            type="button"
            className="map-tools__button"
            aria-pressed={tool === key}
            onClick={() => onToolChange(tool === key ? null : key)}
            data-testid={`open-${key}`}
          >
            <span aria-hidden="true">{toolIcons[key]}</span> {t(toolLabels[key])}
          </button>
        ))}
      </div>
      {tool === 'colocation' ? <ColocationPanel meta={meta} colocation={colocation} map={map} onClose={() => onToolChange(null)} onSubmitted={onSubmitted} /> : null}
      {tool === 'proposals' ? (
        <ProposalsPanel
          meta={meta}
          selected={proposal}
          map={map}
          revision={submissions}
          onSelect={(code) => onToolChange('proposals', code)}
          onClose={() => onToolChange(null)}
          onFlyTo={onFlyTo}
          onDecided={onDecided}
          onShowPlanned={onShowPlanned}
        />
      ) : null}
      {tool === 'site-planner' ? (
        <SitePlannerPanel meta={meta} map={map} unit={unit} units={units} scenario={scenario} onClose={() => onToolChange(null)} onFlyTo={onFlyTo} onSubmitted={onSubmitted} />
      ) : null}
    </>
  );
}
