import react from '@vitejs/plugin-react';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { cspPlugin } from './vite-plugin-csp.ts';
import { newsPlugin, type NewsPluginOptions } from './vite-plugin-news.ts';
import { pwaOptions } from './pwa-options.ts';

/** Every plugin of the reader's build, in order; vite.config.ts and the build tests share them. */
export const readerPlugins = (news: NewsPluginOptions = {}): PluginOption[] => [
  react(),
  newsPlugin(news),
  cspPlugin(),
  VitePWA(pwaOptions()),
];
