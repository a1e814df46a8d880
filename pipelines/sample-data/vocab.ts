/** Word lists and per-country conventions the sample-data generator draws from. */

export const FIRST_NAMES = [
  'Jan', 'Sanne', 'Pieter', 'Emma', 'Daan', 'Julia', 'Lucas', 'Sophie', 'Sem', 'Anna', 'Finn', 'Lotte',
  'Thomas', 'Eva', 'Lars', 'Noor', 'Bram', 'Fleur', 'Ruben', 'Lisa', 'Tim', 'Sara', 'Jesse', 'Iris',
  'Max', 'Mila', 'Luuk', 'Tess', 'Milan', 'Zoë', 'Thijs', 'Femke', 'Stijn', 'Anouk', 'Niels', 'Maud',
  'Wout', 'Elise', 'Jonas', 'Hannah', 'Lukas', 'Marie', 'Felix', 'Lea', 'Mohamed', 'Fatima', 'Yusuf', 'Amira',
] as const;

export const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit',
  'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker',
  'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs',
  'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'Maes', 'Peeters', 'Claes',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Yılmaz', 'El Amrani', 'Öztürk', "D'Hondt",
] as const;

export type Country = 'NL' | 'BE' | 'DE';

/** Where the sample customers live (weights). NL is the default country for phone numbers. */
export const COUNTRIES: readonly (readonly [Country, number])[] = [['NL', 80], ['BE', 12], ['DE', 8]];

export const CALLING_CODE: Record<Country, string> = { NL: '31', BE: '32', DE: '49' };

export const EMAIL_DOMAINS: Record<Country, readonly string[]> = {
  NL: ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl', 'icloud.com', 'yahoo.com'],
  BE: ['gmail.com', 'telenet.be', 'skynet.be', 'hotmail.com', 'outlook.com'],
  DE: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'outlook.com'],
};

export const WORK_DOMAINS = ['acme.nl', 'example-corp.com', 'rabo-mail.nl', 'uni-example.nl'] as const;

export const STORES = [
  ['AMS01', 'EUR'], ['AMS02', 'EUR'], ['RTM01', 'EUR'], ['UTR01', 'EUR'], ['EIN01', 'EUR'],
  ['ANT01', 'EUR'], ['KOE01', 'EUR'], ['LON01', 'GBP'],
] as const;

/** Other shop currencies besides the local EUR (international storefronts). */
export const FOREIGN_CURRENCIES = ['GBP', 'USD', 'SEK', 'CHF'] as const;

export const RETURN_REASONS = ['too_small', 'too_large', 'damaged', 'not_as_described', 'changed_mind', 'late_delivery'] as const;

export const SKUS = ['A-102', 'A-117', 'B-220', 'B-231', 'C-305', 'C-318', 'D-401', 'E-512', 'F-618', 'G-700'] as const;

export const PAGES = ['/', '/sale', '/new', '/women', '/men', '/kids', '/stores', '/account', '/cart'] as const;
