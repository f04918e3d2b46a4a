import type { ReactNode } from 'react';

/** The centred card every screen before sign-in sits in. */
export function AuthFrame({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth" id="main">
      <section className="auth__card" aria-labelledby="auth-title">
        <div className="auth__brand">
          <span className="nav__logo" aria-hidden="true" />
          <span>
            PAGI <span className="muted">Twin</span>
          </span>
        </div>
        <h1 id="auth-title" className="auth__title">
          {title}
        </h1>
        {subtitle && <p className="muted auth__subtitle">{subtitle}</p>}
        {children}
      </section>
    </main>
  );
}
