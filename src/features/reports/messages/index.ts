import type { Language } from '../../../domain/i18n/types.ts';
import { reportEl } from './el.ts';
import { type ReportMessages, reportEn } from './en.ts';
import { reportEs } from './es.ts';
import { reportFr } from './fr.ts';
import { reportIt } from './it.ts';
import { reportPl } from './pl.ts';

export type { ReportMessages } from './en.ts';

const REPORT_MESSAGES: Record<Language, ReportMessages> = {
  en: reportEn,
  fr: reportFr,
  es: reportEs,
  it: reportIt,
  el: reportEl,
  pl: reportPl,
};

/** The funder report's words in a language (every language of `LANGUAGES` has a file). */
export function reportMessages(language: Language): ReportMessages {
  return REPORT_MESSAGES[language];
}
