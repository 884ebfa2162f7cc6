import { defineConfig } from 'wxt';

export default defineConfig({
  imports: false,
  publicDir: 'assets/public',
  // Lets parallel work build into separate folders (e.g. WXT_OUT_DIR=.output/mine); the default is .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://static.zou8944.com/*', 'https://raw.githubusercontent.com/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    browser_specific_settings: {
      gecko: { id: 'digest-lens@digest-lens.dev', strict_min_version: '128.0' },
    },
  },
});
