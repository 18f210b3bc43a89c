import type { Config } from '../config.js';
import type { AuthSettings } from './authenticate.js';
import type { ThrottleSettings } from './login-throttle.js';

export function authSettingsFrom(config: Config): { auth: AuthSettings; loginThrottle: ThrottleSettings } {
  return {
    auth: {
      anonymousRead: config.anonymousRead,
      lifetime: { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
      cookieSecure: config.cookieSecure,
    },
    loginThrottle: { maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes },
  };
}
