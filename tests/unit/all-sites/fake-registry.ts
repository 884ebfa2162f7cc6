import type { PageScriptRegistration, ScriptRegistry } from '../../../lib/all-sites/registration';

/** An in-memory `ScriptRegistry` that records what was asked of it. */
export function fakeRegistry(): ScriptRegistry & { current?: PageScriptRegistration; calls: string[] } {
  const registry: ScriptRegistry & { current?: PageScriptRegistration; calls: string[] } = {
    calls: [],
    async registered() {
      return registry.current;
    },
    async register(registration) {
      if (registry.current) throw new Error(`Duplicate script ID '${registration.id}'`);
      registry.calls.push('register');
      registry.current = registration;
    },
    async unregister() {
      registry.calls.push('unregister');
      registry.current = undefined;
    },
  };
  return registry;
}
