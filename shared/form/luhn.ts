/**
 * Whether a string of digits passes the Luhn check (ISO/IEC 7812): doubling every second
 * digit from the right, the digit sum is a multiple of 10. SIREN and SIRET carry one.
 *
 * @example
 * passesLuhn('732829320'); // true
 * passesLuhn('732829321'); // false
 */
export function passesLuhn(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/** The Luhn weighted digit sum of `digits` (digits only; the caller checks that). */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** The plain sum of the digits, for La Poste's SIRET exception. */
export function digitSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) sum += digits.charCodeAt(index) - 48;
  return sum;
}
