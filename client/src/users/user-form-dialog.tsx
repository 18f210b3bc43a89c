import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import { patchUser, postUser } from '../api/user-api.js';
import { minPasswordLength } from '../auth/password-change-dialog.js';
import type { Operator, Role, User, UserUpdateRequest } from '../domain/contract-types.js';
import { isOneOf, roleValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ConflictDialog } from '../records/conflict-dialog.js';
import { fieldErrorsOf, versionConflictOf, type VersionConflict } from '../records/version-conflict.js';
import { FormField } from '../ui/form-field.js';
import { ModalDialog } from '../ui/modal-dialog.js';

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,39}$/;

interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  operator: string;
  active: boolean;
  password: string;
}

function draftOf(user: User | null): UserDraft {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'planner',
    operator: user?.operator ?? '',
    active: user?.active ?? true,
    password: '',
  };
}

/** The fields an edit changes (password only when a new one was typed); the operator goes with the role. */
function changesOf(draft: UserDraft, user: User): Omit<UserUpdateRequest, 'version'> {
  const changes: Omit<UserUpdateRequest, 'version'> = {};
  const operator = draft.role === 'operator' ? draft.operator || null : null;
  if (draft.displayName.trim() !== user.displayName) changes.displayName = draft.displayName.trim();
  if (draft.role !== user.role) changes.role = draft.role;
  if (operator !== user.operator) changes.operator = operator;
  if (draft.active !== user.active) changes.active = draft.active;
  if (draft.password) changes.password = draft.password;
  return changes;
}

const conflictFields = ['displayName', 'role', 'operator', 'active'];

interface UserFormDialogProps {
  /** The account to edit; null creates one. */
  user: User | null;
  operators: readonly Operator[];
  /** The admin's own account: its role and active flag stay (the server refuses self-demotion). */
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: User, created: boolean) => void;
}

/** Create an account, or edit one (display name, role, operator, active, password reset) based on its version. */
export function UserFormDialog({ user, operators, isSelf, onClose, onSaved }: UserFormDialogProps) {
  const { t, lang } = useI18n();
  const [base, setBase] = useState<User | null>(user);
  const [draft, setDraft] = useState<UserDraft>(() => draftOf(user));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<(VersionConflict & { changes: Omit<UserUpdateRequest, 'version'>; baseVersion: number }) | null>(null);
  const creating = base === null;
  const mobileOperators = operators.filter((o) => o.kind === 'mno');
  const operatorChoices = mobileOperators.length > 0 ? [...mobileOperators, ...operators.filter((o) => o.kind !== 'mno')] : operators;
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (creating && !usernamePattern.test(draft.username)) found.username = t('users.usernameInvalid');
    if (!draft.displayName.trim()) found.displayName = t('edit.required');
    if (draft.role === 'operator' && !draft.operator) found.operator = t('users.operatorRequired');
    if (creating ? draft.password.length < minPasswordLength : draft.password !== '' && draft.password.length < minPasswordLength) {
      found.password = t('password.tooShort');
    }
    return found;
  };

  const fail = (e: unknown) => {
    const fields = fieldErrorsOf(e);
    const kind = e instanceof ApiError ? e.kind : null;
    if (kind === 'username-taken') fields.username = describeError(e);
    setErrors(fields);
    setFormError(Object.keys(fields).length > 0 ? null : describeError(e));
  };

  const send = (changes: Omit<UserUpdateRequest, 'version'>, version: number, current: User) => {
    setBusy(true);
    setFormError(null);
    patchUser(current.username, changes, version, lang)
      .then((saved) => onSaved(saved, false))
      .catch((e: unknown) => {
        const found = versionConflictOf(e);
        if (found) setConflict({ ...found, changes, baseVersion: version });
        else {
          setConflict(null);
          fail(e);
        }
      })
      .finally(() => setBusy(false));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (creating) {
      setBusy(true);
      setFormError(null);
      postUser(
        {
          username: draft.username,
          displayName: draft.displayName.trim(),
          role: draft.role,
          operator: draft.role === 'operator' ? draft.operator : null,
          password: draft.password,
        },
        lang,
      )
        .then((created) => onSaved(created, true))
        .catch(fail)
        .finally(() => setBusy(false));
      return;
    }
    const changes = changesOf(draft, base);
    if (Object.keys(changes).length === 0) {
      setFormError(t('users.noChanges'));
      return;
    }
    send(changes, base.version, base);
  };

  const title = creating ? t('users.createTitle') : t('users.editTitle', { username: base.username });
  return (
    <ModalDialog title={title} onClose={onClose} testId="user-form-dialog" busy={busy}>
      <form className="stacked-form" onSubmit={submit} noValidate>
        {creating ? (
          <FormField label={t('users.username')} hint={t('users.usernameRule')} error={errors.username}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="text-input"
                value={draft.username}
                autoCapitalize="none"
                spellCheck={false}
                maxLength={40}
                onChange={(e) => set('username', e.target.value.toLowerCase())}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-autofocus
                data-testid="user-form-username"
              />
            )}
          </FormField>
        ) : null}
        <FormField label={t('users.displayName')} error={errors.displayName}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="text-input"
              value={draft.displayName}
              maxLength={100}
              onChange={(e) => set('displayName', e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-autofocus={creating ? undefined : true}
              data-testid="user-form-display-name"
            />
          )}
        </FormField>
        <div className="form-row">
          <FormField label={t('users.role')} error={errors.role} hint={isSelf ? t('users.selfLocked') : undefined}>
            {({ id, describedBy }) => (
              <select
                id={id}
                className="select-input"
                value={draft.role}
                disabled={isSelf}
                onChange={(e) => isOneOf(roleValues, e.target.value) && set('role', e.target.value)}
                aria-describedby={describedBy}
                data-testid="user-form-role"
              >
                {roleValues.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {draft.role === 'operator' ? (
            <FormField label={t('users.operator')} error={errors.operator}>
              {({ id, describedBy, invalid }) => (
                <select
                  id={id}
                  className="select-input"
                  value={draft.operator}
                  onChange={(e) => set('operator', e.target.value)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  data-testid="user-form-operator"
                >
                  <option value="">{t('users.chooseOperator')}</option>
                  {operatorChoices.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.shortName}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
        </div>
        {!creating ? (
          <label className="checkbox-field">
            <input type="checkbox" checked={draft.active} disabled={isSelf} onChange={(e) => set('active', e.target.checked)} data-testid="user-form-active" />
            {t('users.activeLabel')}
          </label>
        ) : null}
        <FormField
          label={creating ? t('users.initialPassword') : t('users.resetPassword')}
          hint={creating ? t('password.rule') : t('users.resetPasswordHint')}
          error={errors.password}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="text-input"
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => set('password', e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid="user-form-password"
            />
          )}
        </FormField>
        {!creating ? <p className="modal__note">{t('users.accessEnds')}</p> : null}
        {formError ? (
          <p className="form-message form-message--error" role="alert" data-testid="user-form-error">
            {formError}
          </p>
        ) : null}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('auth.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="user-form-submit">
            {busy ? t('users.saving') : creating ? t('users.createTitle') : t('users.save')}
          </button>
        </div>
      </form>
      {conflict && base ? (
        <ConflictDialog
          base={base as unknown as Record<string, unknown>}
          changes={conflict.changes.password ? { ...conflict.changes, passwordReset: true } : conflict.changes}
          current={conflict.current}
          baseVersion={conflict.baseVersion}
          currentVersion={conflict.currentVersion}
          fields={conflict.changes.password ? [...conflictFields, 'passwordReset'] : conflictFields}
          operators={operators}
          busy={busy}
          error={null}
          onUseCurrent={() => {
            const current = conflict.current as unknown as User;
            setConflict(null);
            setBase(current);
            setDraft(draftOf(current));
          }}
          onOverwrite={() => send(conflict.changes, conflict.currentVersion, base)}
        />
      ) : null}
    </ModalDialog>
  );
}
