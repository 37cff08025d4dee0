// electron-builder afterPack hook: flips the fuses of the packaged Electron binary before it is signed and wrapped.
import path from 'node:path';
import { applyFuses } from './fuses.mjs';

const executableOf = (context) => {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
};

export default async function afterPack(context) {
  const executable = executableOf(context);
  await applyFuses(executable, context.electronPlatformName);
  console.log(`[fuses] flipped in ${executable}`);
}
