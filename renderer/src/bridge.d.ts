import type { BoxOfficeApi } from '../../shared/api';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the web shell's bridge script; the only way out of the page. */
    readonly boxOffice: BoxOfficeApi | undefined;
  }
}
