/**
 * NUMERIC wire format: the value × 10^9 as a minimal little-endian two's-complement integer.
 * Conversions go through decimal strings so that e.g. 0.1 encodes as exactly 0.100000000
 * (the shortest decimal that round-trips the double), as BigQuery would parse it.
 */

/** NUMERIC keeps 9 decimal digits. */
export const NUMERIC_SCALE = 9;
/** Largest NUMERIC magnitude, scaled: 10^38 - 1 (i.e. 99999999999999999999999999999.999999999). */
const NUMERIC_MAX_SCALED = 10n ** 38n - 1n;

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a decimal (`'-12.5'`, `'1e+25'`, or a JS number via its shortest representation)
 * into an integer scaled by 10^scale, rounding half away from zero like BigQuery's casts.
 * Returns undefined for text that is not a finite decimal.
 */
export function decimalToScaled(value: number | string, scale: number): bigint | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(whole! + fraction);
  const shift = Number(exponent) - fraction.length + scale;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) scaled += 1n; // half away from zero (digits ≥ 0 here)
  }
  return sign === '-' ? -scaled : scaled;
}

/** Whether a scaled NUMERIC fits BigQuery's NUMERIC range. */
export function inNumericRange(scaled: bigint): boolean {
  return scaled <= NUMERIC_MAX_SCALED && scaled >= -NUMERIC_MAX_SCALED;
}

/** The shortest little-endian two's-complement encoding of `value`. */
export function bigintToBytes(value: bigint): Buffer {
  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    const byte = Number(rest & 0xffn);
    bytes.push(byte);
    rest >>= 8n; // arithmetic shift: stays -1 for negatives
    const signBitSet = (byte & 0x80) !== 0;
    if ((rest === 0n && !signBitSet) || (rest === -1n && signBitSet)) break;
  }
  return Buffer.from(bytes);
}

/** Decodes a little-endian two's-complement integer. An empty buffer is 0. */
export function bytesToBigint(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  if (bytes.length > 0 && (bytes[bytes.length - 1]! & 0x80) !== 0) value -= 1n << BigInt(8 * bytes.length);
  return value;
}

/** A scaled integer as a JS number (nearest double to the exact decimal). */
export function scaledToNumber(scaled: bigint, scale: number): number {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? -Number(text) : Number(text);
}
