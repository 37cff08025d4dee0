// Electron fuses flipped in the packaged binary: what the code promises (no Node from the outside,
// the app only from its asar) is then also true of the shipped executable.
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** Asar integrity validation is enforced by Electron on macOS and Windows only. */
export const fuseConfig = (platform) => ({
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // macOS arm64 binaries must be re-signed ad hoc after their bytes change.
  resetAdHocDarwinSignature: platform === 'darwin',
});

export async function applyFuses(executable, platform) {
  await flipFuses(executable, fuseConfig(platform));
  return getCurrentFuseWire(executable);
}
