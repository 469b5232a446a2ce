import { createRoot } from 'react-dom/client';
import { AddinApp } from './AddinApp';
import { buildDefines } from '../../config';

// The Outlook task pane. Office.js is loaded by src/hosts/office only when Outlook opened the page
// (`?host=outlook` in the manifest's URLs); teams-js is never imported here (it would wait 60 s for
// a Teams host that is not there).
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <AddinApp
      win={window}
      defines={buildDefines()}
    />,
  );
}
