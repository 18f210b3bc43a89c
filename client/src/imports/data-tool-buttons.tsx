import { useSession } from '../auth/use-session.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { DataTool } from '../url/view-state.js';
import { importLayersFor } from './import-layers.js';

interface Props {
  tool: DataTool | null;
  onToolChange: (tool: DataTool | null) => void;
}

const icons: Record<DataTool, string> = { import: '⇪', export: '⇩' };

/**
 * Nhập dữ liệu (only for accounts that may import something) and Xuất dữ liệu
 * (anyone who reads the map): a small bar of their own under the zoom buttons,
 * clear of the proposal tools' bar and of the panels that open on the left.
 */
export function DataToolButtons({ tool, onToolChange }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const shown: DataTool[] = importLayersFor(session.info).length > 0 ? ['import', 'export'] : ['export'];
  return (
    <div className="map-data-tools" role="toolbar" aria-label={t('tools.dataTools')}>
      {shown.map((key) => (
        <button
          key={key}
          type="button"
          className="map-data-tools__button"
          aria-pressed={tool === key}
          onClick={() => onToolChange(tool === key ? null : key)}
          title={t(`tools.${key}`)}
          data-testid={`open-${key}`}
        >
          <span className="map-data-tools__icon" aria-hidden="true">
            {icons[key]}
          </span>
          <span className="map-data-tools__label">{t(`tools.${key}`)}</span>
        </button>
      ))}
    </div>
  );
}
