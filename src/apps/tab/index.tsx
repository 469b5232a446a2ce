import { createRoot } from 'react-dom/client';

// Placeholder entry until the tab's screens land (issue 5).
const root = document.getElementById('root');
if (root) createRoot(root).render(<main><h1>Au revoir</h1></main>);
