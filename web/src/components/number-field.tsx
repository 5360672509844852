import { NumberInput, type NumberInputProps } from '@mantine/core';

/** The NumberInput behaviours that change what a person typed, which a `NumberField` never has. */
type Altering =
  | 'min'
  | 'max'
  | 'clampBehavior'
  | 'allowNegative'
  | 'allowDecimal'
  | 'decimalScale'
  | 'fixedDecimalScale';

/**
 * A number input that keeps what a person typed: Mantine's NumberInput clamps to `min`/`max` on blur
 * (a cap of −5,000 became 0), drops a minus sign with `allowNegative={false}` (−300 became 300) and
 * a decimal point with `allowDecimal={false}` or `decimalScale={0}` (2.5 became 25), and cuts digits
 * past `decimalScale`. None of these is allowed here: the form's rules say on the field what is
 * wrong, and the person corrects it. Every number input of the app is a `NumberField`
 * (`test/architecture/typed-input.test.ts`).
 */
export function NumberField(props: Omit<NumberInputProps, Altering>) {
  return <NumberInput {...props} clampBehavior="none" allowNegative allowDecimal />;
}
