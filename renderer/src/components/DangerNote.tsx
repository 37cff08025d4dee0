import type { ReactNode } from 'react';

/** The consequence of a dangerous action, in words, marked as a warning (the icon is decoration: the words say it). */
export function DangerNote({ children }: { children: ReactNode }) {
  return (
    <div className="danger-note">
      <svg className="danger-note__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path d="M12 2.5 1.5 21h21L12 2.5Z" fill="currentColor" />
        <path d="M12 9v5.5M12 17.2v.3" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      </svg>
      <div>{children}</div>
    </div>
  );
}
