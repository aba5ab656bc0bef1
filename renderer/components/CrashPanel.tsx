/** What the agent sees instead of a broken window: no stack trace, one way out. */
export function CrashPanel({ onReload }: { onReload: () => void }) {
  return (
    <section className="panel crash" role="alert">
      <h1>Something went wrong</h1>
      <p>Ringdesk hit an unexpected problem. Your account settings are safe; reloading the window usually fixes it.</p>
      <button type="button" className="primary" onClick={onReload}>
        Reload
      </button>
    </section>
  );
}
