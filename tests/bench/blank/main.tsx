// The benchmark's baseline: a blank Vite + React page that renders one heading.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>Ready</h1>);
