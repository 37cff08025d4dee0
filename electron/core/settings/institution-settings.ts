/** Typed institution settings with their defaults; stored as JSON in the settings table. */
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../../shared/password-rules';
import type { SettingsRepo } from '../store/settings-repo';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from '../auth/sessions';

export interface Institution {
  name: string;
  passwordPolicy: PasswordPolicy;
  sessionLimits: SessionLimits;
}

const DEFAULTS: Institution = {
  name: 'Box Office',
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  sessionLimits: DEFAULT_SESSION_LIMITS,
};

export class InstitutionSettings {
  constructor(private readonly repo: SettingsRepo) {}

  get<K extends keyof Institution>(key: K): Institution[K] {
    return this.repo.get<Institution[K]>(`institution.${key}`) ?? DEFAULTS[key];
  }

  set<K extends keyof Institution>(key: K, value: Institution[K]): void {
    this.repo.set(`institution.${key}`, value);
  }
}
