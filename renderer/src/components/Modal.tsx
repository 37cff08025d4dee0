import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

/** A native modal dialog: focus is trapped by the browser, Escape closes it. */
export function Modal({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // The control that opened the dialog gets the focus back when it closes (React removes the dialog before
    // closing it, so the browser's own return of focus does not happen).
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      const now = document.activeElement;
      if (opener?.isConnected && (!now || now === document.body || dialog?.contains(now))) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={`modal${wide ? ' modal--wide' : ''}`} aria-label={title} onClose={onClose} onCancel={onClose}>
      <div className="modal__head">
        <h2>{title}</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
