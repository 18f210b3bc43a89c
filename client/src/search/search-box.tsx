import { useId, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useDebouncedValue } from './use-debounced-value.js';
import { minimumQueryLength, useSearchResults } from './use-search-results.js';

const debounceMs = 250;

/** Diacritic-insensitive search over sites, hamlets, communes and districts. */
export function SearchBox({ onChoose }: { onChoose: (result: SearchResult) => void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const query = useDebouncedValue(text, debounceMs);
  const search = useSearchResults(query, lang);
  const results = search.status === 'done' ? search.results : [];
  const showList = open && text.trim().length >= minimumQueryLength && search.status !== 'idle';

  const choose = (result: SearchResult) => {
    setOpen(false);
    setText(result.name);
    onChoose(result);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      const result = results[active];
      if (result) choose(result);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="search" role="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        className="search__input"
        data-testid="search-input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        value={text}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList ? (
        <div className="search__popup">
          {search.status === 'searching' ? <p className="search__note">{t('search.searching')}</p> : null}
          {search.status === 'error' ? <p className="search__note search__note--error">{t('search.failed', { detail: search.error })}</p> : null}
          {search.status === 'done' && results.length === 0 ? <p className="search__note">{t('search.noResults', { query: search.query })}</p> : null}
          {results.length > 0 ? (
            <ul className="search__results" id={listId} role="listbox">
              {results.map((result, index) => (
                <li key={`${result.kind}:${result.code}`} role="option" aria-selected={index === active}>
                  <button
                    type="button"
                    className={index === active ? 'search__result search__result--active' : 'search__result'}
                    data-testid="search-result"
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(result)}
                  >
                    <span className={`kind-badge kind-badge--${result.kind}`}>{t(`searchKind.${result.kind}`)}</span>
                    <span className="search__result-text">
                      <span className="search__result-name">{result.name}</span>
                      {result.context ? <span className="search__result-context">{result.context}</span> : null}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
