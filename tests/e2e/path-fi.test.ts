/** The path in Finnish with the light theme; then the worker's, supervisor's and secretary's views. */
import { describePath } from './path.js';
import { describeWorkerViews } from './views.js';

describePath(
  { lang: 'fi', theme: 'default', tag: 'fi', client: { firstName: 'Keksitty', lastName: 'Testinen', language: 'fi', municipality: '049' } },
  describeWorkerViews,
);
