/**
 * Static ISO code lists used to validate applications.
 *
 * Kept static (rather than derived from `Intl`) so that validation does not change with the
 * ICU version of the Node.js runtime.
 */

/** ISO 3166-1 alpha-2 country codes (officially assigned, 249 codes). */
export const ISO_3166_ALPHA2: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
    'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
    'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
    'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
    'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
    'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
    'VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/**
 * ISO 4217 alphabetic codes of currencies in circulation (no funds codes, precious metals or
 * withdrawn currencies such as FRF or HRK). A coop invoices in one of these.
 */
export const ISO_4217_CURRENCIES: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN ' +
    'BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD ' +
    'FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY ' +
    'KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP ' +
    'MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR ' +
    'RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT ' +
    'TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ' +
    'ZMW ZWG'
  ).split(' '),
);

/** True when `code` is an officially assigned ISO 3166-1 alpha-2 code (upper case). */
export function isIsoCountry(code: string): boolean {
  return ISO_3166_ALPHA2.has(code);
}

/** True when `code` is an ISO 4217 code of a currency in circulation (upper case). */
export function isIsoCurrency(code: string): boolean {
  return ISO_4217_CURRENCIES.has(code);
}

let timeZones: ReadonlySet<string> | undefined;
/** IANA zones known to the runtime (plus UTC, which `supportedValuesOf` omits). */
function knownTimeZones(): ReadonlySet<string> {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return timeZones;
}

/**
 * The canonical form of an IANA time zone, or `null`. Accepts the runtime's canonical names and
 * aliases it resolves to one of them (e.g. `Europe/Kyiv` vs `Europe/Kiev` depending on ICU).
 */
export function normaliseTimeZone(value: string): string | null {
  if (value.length === 0 || value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+/-]*$/.test(value)) return null;
  if (knownTimeZones().has(value)) return value;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', {
      timeZone: value,
    }).resolvedOptions().timeZone;
    return knownTimeZones().has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}
