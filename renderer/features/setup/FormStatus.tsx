import type { SetupStatus, TestOutcome } from '../../store/types';

/** The result of "Test connection" in plain words; always present so it is announced when it changes. */
export function TestConnectionStatus({ status, test }: { status: SetupStatus; test: TestOutcome | null }) {
  const tone = status === 'testing' || !test ? '' : test.ok ? ' test-ok' : ' test-failed';
  return (
    <p role="status" className={`test-status${tone}`}>
      {status === 'testing' ? 'Testing the connection…' : (test?.message ?? '')}
    </p>
  );
}

/** A problem with the whole form (main refused it, or named a field the form does not show). */
export function FormProblem({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="form-problem">
      {message}
    </p>
  ) : null;
}
