// The category colour is a preset constant, not a colour: Outlook maps preset4 to Green and preset5 to Teal
// (outlookCategory resource, https://learn.microsoft.com/graph/api/resources/outlookcategory). The brand
// colour is teal; the tab (Graph) and the add-in (Office.js) both take it from src/domain/category.ts.
import { AU_REVOIR_CATEGORY_COLOR } from '../../../src/domain/category';

const OUTLOOK_PRESETS: Record<string, string> = { preset3: 'Yellow', preset4: 'Green', preset5: 'Teal', preset6: 'Olive' };

test('the Au revoir category is teal (preset5)', () => {
  expect(OUTLOOK_PRESETS[AU_REVOIR_CATEGORY_COLOR]).toBe('Teal');
});
