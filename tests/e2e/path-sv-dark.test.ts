/** The same path in Swedish with the dark theme; then the chair's, admin's and organiser's views. */
import { describePath } from './path.js';
import { describeOtherRoleViews } from './views.js';

describePath(
  { lang: 'sv', theme: 'dark', tag: 'sv-dark', client: { firstName: 'Påhittad', lastName: 'Testsson', language: 'sv', municipality: '710' } },
  describeOtherRoleViews,
);
