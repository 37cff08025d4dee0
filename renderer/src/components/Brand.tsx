/** The product mark used on the sign-in card and in the header. */
export function Brand({ institution }: { institution?: string | undefined }) {
  return (
    <div className="brand">
      <span className="brand__mark" aria-hidden="true">
        {/* A ticket with a perforation: drawn, not an emoji, so it renders without emoji fonts. */}
        <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path d="M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2.2a2.8 2.8 0 0 0 0 5.6V17a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2.2a2.8 2.8 0 0 0 0-5.6z" fill="#14213d" />
          <path d="M15 6.5v11" stroke="#f2a900" strokeWidth="1.6" strokeDasharray="1.6 1.6" />
        </svg>
      </span>
      <span className="brand__name" translate="no">
        Box Office
      </span>
      {institution && institution !== 'Box Office' ? <span className="brand__institution" translate="no">
          {institution}
        </span> : null}
    </div>
  );
}
