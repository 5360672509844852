import '@mantine/core/styles.css';
import './app/global.css';
import { startLanguage } from './app/language.ts';

// The language's messages are loaded and applied before any page module evaluates (decision 0024).
void startLanguage()
  .then(() => import('./app/start.tsx'))
  .then(({ startApp }) => startApp());
