import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page calls /v1 on its own origin and Vite forwards it to the server, so no key and no CORS
// setting reach the browser. Point CK_SERVER_URL at another server (or a proxy of your own) to change it.
const server = process.env.CK_SERVER_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/v1': server } },
  preview: { proxy: { '/v1': server } },
});
