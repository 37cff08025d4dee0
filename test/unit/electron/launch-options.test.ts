import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchOptions, PASSWORD_ON_COMMAND_LINE } from '../../../electron/window/launch-options';
import { defaultDataDir } from '../../../electron/web/default-data-dir';

describe('launch options', () => {
  it('takes the data folder from --data-dir, then BOX_OFFICE_DATA_DIR, then the default', () => {
    expect(launchOptions(['electron', '.'], {}, '/home/u/.config/Box Office').dataDir).toBe('/home/u/.config/Box Office');
    expect(launchOptions(['electron', '.'], { BOX_OFFICE_DATA_DIR: '/srv/bo' }, '/d').dataDir).toBe('/srv/bo');
    expect(launchOptions(['electron', '.', '--data-dir=/kiosk'], { BOX_OFFICE_DATA_DIR: '/srv/bo' }, '/d').dataDir).toBe('/kiosk');
    expect(launchOptions(['electron', '.', '--data-dir', '/kiosk2'], {}, '/d').dataDir).toBe('/kiosk2');
    expect(launchOptions(['x', '--data-dir=/first', '--data-dir=/second'], {}, '/d').dataDir).toBe('/second');
  });

  it('ignores a --data-dir that names no folder, and makes a relative one absolute', () => {
    expect(launchOptions(['x', '--data-dir='], { BOX_OFFICE_DATA_DIR: '/srv/bo' }, '/d').dataDir).toBe('/srv/bo');
    expect(launchOptions(['x', '--data-dir'], {}, '/d').dataDir).toBe('/d');
    expect(launchOptions(['x'], { BOX_OFFICE_DATA_DIR: '' }, '/d').dataDir).toBe('/d');
    const swallowed = launchOptions(['x', '--data-dir', '--kiosk'], {}, '/d');
    expect(swallowed).toEqual({ dataDir: '/d', kiosk: true });
    expect(launchOptions(['x', '--data-dir=rel/data'], {}, '/d').dataDir).toBe(path.resolve('rel/data'));
  });

  it('turns kiosk mode on with --kiosk or BOX_OFFICE_KIOSK=1 only', () => {
    expect(launchOptions(['x', '--kiosk'], {}, '/d').kiosk).toBe(true);
    expect(launchOptions(['x'], { BOX_OFFICE_KIOSK: '1' }, '/d').kiosk).toBe(true);
    expect(launchOptions(['x'], { BOX_OFFICE_KIOSK: '0' }, '/d').kiosk).toBe(false);
    expect(launchOptions(['x', '--kiosk-ish'], { BOX_OFFICE_KIOSK: 'true' }, '/d').kiosk).toBe(false);
  });

  it('uses the folder Electron would use as userData', () => {
    expect(defaultDataDir('Box Office', 'linux', { XDG_CONFIG_HOME: '/x' })).toBe('/x/Box Office');
    expect(defaultDataDir('Box Office', 'win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toMatch(/Roaming.Box Office$/);
    expect(defaultDataDir('Box Office', 'darwin', {})).toMatch(/Library\/Application Support\/Box Office$/);
  });

  it('takes the venue database from --database-url or BOX_OFFICE_DATABASE_URL, and a password only from the environment', () => {
    expect(launchOptions(['x'], {}, '/d').databaseUrl).toBeUndefined();
    expect(launchOptions(['x', '--database-url=postgres://desk1@db.venue/boxoffice'], {}, '/d').databaseUrl).toBe('postgres://desk1@db.venue/boxoffice');
    expect(launchOptions(['x', '--database-url', 'postgres://desk2@db/bo', '--kiosk'], {}, '/d')).toMatchObject({ databaseUrl: 'postgres://desk2@db/bo', kiosk: true });
    expect(launchOptions(['x'], { BOX_OFFICE_DATABASE_URL: 'postgres://ci:pw@/bo?host=/tmp' }, '/d').databaseUrl).toBe('postgres://ci:pw@/bo?host=/tmp');
    // The command line is readable by every user of the computer: a password there is refused, not used.
    const refused = launchOptions(['x', '--database-url=postgres://desk1:s3cret@db.venue/boxoffice'], {}, '/d');
    expect(refused.databaseUrl).toBeUndefined();
    expect(refused.databaseUrlRefused).toBe(PASSWORD_ON_COMMAND_LINE);
    expect(launchOptions(['x', '--database-url=postgres://desk1:@db/bo'], {}, '/d').databaseUrlRefused).toBe(PASSWORD_ON_COMMAND_LINE);
  });
});
