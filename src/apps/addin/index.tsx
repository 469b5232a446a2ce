import { createRoot } from 'react-dom/client';
import { AddinApp } from './AddinApp';

// The Outlook task pane. Office.js is loaded by src/hosts/office only when Outlook opened the page
// (`?host=outlook` in the manifest's URLs); teams-js is never imported here (it would wait 60 s for
// a Teams host that is not there).
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <AddinApp
      win={window}
      defines={{
        // webpack's DefinePlugin replaces each of these expressions literally.
        AU_REVOIR_MODE: process.env.AU_REVOIR_MODE,
        AU_REVOIR_SANDBOX_URL: process.env.AU_REVOIR_SANDBOX_URL,
        AU_REVOIR_GRAPH_URL: process.env.AU_REVOIR_GRAPH_URL,
        AU_REVOIR_CLIENT_ID: process.env.AU_REVOIR_CLIENT_ID,
        AU_REVOIR_AUTHORITY: process.env.AU_REVOIR_AUTHORITY,
      }}
    />,
  );
}
