import { useMemo, useState } from 'react';
import type { AccountSummary } from '../../../common/schemas/account';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { fieldProblemText } from './field-problem-text';
import {
  fieldKey,
  formValuesFrom,
  iceKey,
  ICE_LIST_KEY,
  newIceRow,
  toAccountInput,
  validateAccountForm,
  type AccountFormValues,
  type FormAction,
  type IcePart,
  type TextFieldName,
} from './account-form';

/**
 * The setup form's local state. Values live here, not in the store, so a
 * pushed snapshot or an error never replaces what the agent typed. A field
 * shows its own error once blurred or after a submit (or test); main's error
 * for a field shows until the agent edits that field. A blank password keeps
 * the saved one on save, but a test needs it typed.
 */
export function useAccountForm(account: AccountSummary | null) {
  const [values, setValues] = useState<AccountFormValues>(() => formValuesFrom(account));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  /** The last action the agent tried (save or test), once they have tried one. */
  const [checkedFor, setCheckedFor] = useState<FormAction | null>(null);
  const serverErrors = useRingdesk((s) => s.setup.fieldErrors);
  const clearServerErrors = useRingdesk((s) => s.clearServerFieldErrors);
  const passwordRequired = account === null || !account.hasPassword;
  const clientErrors = useMemo(
    () => validateAccountForm(values, { passwordRequired, action: checkedFor ?? undefined }),
    [values, passwordRequired, checkedFor],
  );

  const problemAt = (key: string) => ((checkedFor !== null || touched.has(key)) && clientErrors[key]) || serverErrors[key];
  const errorFor = (key: string): string | undefined => {
    const problem = problemAt(key);
    return problem ? fieldProblemText(problem) : undefined;
  };
  // Leaving a field blank says nothing until Save or Test: the first field has focus on open,
  // and "Enter the name" on the first click elsewhere would scold before anything was asked.
  // Once a field was left with something in it, its problems show from then on.
  const touch = (key: string, value: string) => {
    if (value === '') return;
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  };

  const setIceRows = (change: (rows: AccountFormValues['iceServers']) => AccountFormValues['iceServers']) =>
    setValues((v) => ({ ...v, iceServers: change(v.iceServers) }));

  return {
    values,
    passwordRequired,
    serverErrors,
    errorFor,
    /** Whether any field whose key passes `where` shows a problem now. */
    showsProblem: (where: (key: string) => boolean) =>
      [...Object.keys(clientErrors), ...Object.keys(serverErrors)].some((key) => where(key) && Boolean(problemAt(key))),
    /** Props for one text field. */
    bind: (name: TextFieldName) => ({
      value: values[name],
      error: errorFor(fieldKey(name)),
      onChange: (value: string) => {
        setValues((v) => ({ ...v, [name]: value }));
        clearServerErrors(fieldKey(name));
      },
      onBlur: () => touch(fieldKey(name), values[name]),
    }),
    ice: {
      add: () => setIceRows((rows) => [...rows, newIceRow()]),
      remove: (index: number) => {
        setIceRows((rows) => rows.filter((_, i) => i !== index));
        // Errors are keyed by position, which has just shifted.
        clearServerErrors(ICE_LIST_KEY);
      },
      change: (index: number, part: IcePart, value: string) => {
        setIceRows((rows) => rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)));
        clearServerErrors(iceKey(index, part));
      },
      blur: (index: number, part: IcePart) => touch(iceKey(index, part), values.iceServers[index]?.[part] ?? ''),
    },
    /** Marks every field as checked for `action`; true when there is nothing to fix. */
    checkAll: (action: FormAction) => {
      setCheckedFor(action);
      return Object.keys(validateAccountForm(values, { passwordRequired, action })).length === 0;
    },
    toInput: () => toAccountInput(values),
  };
}
