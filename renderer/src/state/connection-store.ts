/**
 * Whether the venue database answers. Every call reports here (state/api.ts): a STORE_UNREACHABLE
 * answer raises the banner, any other answer lowers it. Core reconnects by itself; the banner only
 * says so, and checks every few seconds so it goes away without a click.
 */
import { create } from 'zustand';

interface ConnectionState {
  unreachable: boolean;
  message: string;
  report(code: string | null, message?: string): void;
}

export const useConnection = create<ConnectionState>((set, get) => ({
  unreachable: false,
  message: '',
  report(code, message = '') {
    const unreachable = code === 'STORE_UNREACHABLE';
    if (unreachable !== get().unreachable || (unreachable && message !== get().message)) set({ unreachable, message });
  },
}));
