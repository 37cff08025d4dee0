/** The per-user app data folder Electron would use as userData, so both shells share one store. */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(product = 'Box Office', platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', product);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), product);
}
