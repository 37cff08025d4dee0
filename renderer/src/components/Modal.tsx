import { useEffect, useRef, type ReactNode } from 'react';

/** A native modal dialog: focus is trapped by the browser, Escape closes it. */
export function Modal({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={`modal${wide ? ' modal--wide' : ''}`} aria-label={title} onClose={onClose} onCancel={onClose}>
      <div className="modal__head">
        <h2>{title}</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
