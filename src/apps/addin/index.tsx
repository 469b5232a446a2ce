import { createRoot } from 'react-dom/client';

// Placeholder entry until the task pane lands (issue 6).
const root = document.getElementById('root');
if (root) createRoot(root).render(<main><h1>Au revoir</h1></main>);
