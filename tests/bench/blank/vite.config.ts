// The blank baseline page: the same Vite and React plugin as the tab, nothing else.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()], build: { target: 'es2022' } });
