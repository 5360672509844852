import { messages } from '../messages/en.ts';

/** How an instrument is named in a picker or a title: `1.1.1 Training…`, a custom one labelled as such. */
export function instrumentLabel(instrument: { code: string; name: string; origin?: string }): string {
  return instrument.origin === 'custom'
    ? `${instrument.code} ${messages.customInstruments.optionLabel(instrument.name)}`
    : `${instrument.code} ${instrument.name}`;
}
