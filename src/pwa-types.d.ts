/// <reference types="vite-plugin-pwa/react" />
// The types of vite-plugin-pwa's virtual module `virtual:pwa-register/react` (see update-prompt.tsx).
